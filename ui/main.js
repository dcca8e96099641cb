// Bascule's UI: it lays out and formats what the Rust commands return; it computes no figure.
import { html, render } from "./vendor/preact-htm.js";
import { loadWords, t, translatePage } from "./i18n.js";
import { Editor } from "./editor.js";
import { History } from "./history.js";
import { Results } from "./results.js";
import { Compare, COMPARE_MAX } from "./compare.js";
import { Decide } from "./decide.js";
import { Library, PackDialog } from "./packs.js";
import { About, Confirm, ExportDialog } from "./dialogs.js";
import { createStore } from "./store.js";

const { invoke } = window.__TAURI__.core;
const AUTOSAVE_MS = 400;

const { state, change } = createStore({
  language: "fr",
  scenario: null,
  path: null,
  unsaved: false,
  pack: null,
  packView: null,
  // Set once the scenario was brought up to a newer pack: { before, from, to }.
  update: null,
  // The editor's: the model's form, its problems with the scenario, the sources it cites;
  // a new document (`generation`) starts a fresh editor.
  form: [],
  problems: [],
  citations: new Map(),
  citationsText: "",
  generation: 0,
  // Counts the edits of the scenario, which is changed in place: what tells a view that
  // draws from it that it changed.
  revision: 0,
  // The last scenario the model accepted, as text, and the model's results for it; what
  // the Decide view decides.
  evaluated: null,
  results: null,
  view: "edit",
  // Compare's columns: { key, scenario }, copies taken when added.
  compared: [],
  comparedKeys: 0,
  // The library's lists once opened; the pack shown in its dialog and what updating to it
  // would do (null, { error }, or the model's answer).
  library: null,
  shownPack: null,
  shownUpdate: null,
  // What the export dialog asks, kept from one opening to the next.
  exportChoices: { kind: "briefing", language: "fr", organisation: "", marking: "", date: "", openAfter: true },
  // Help → About's contents once asked for; the question the confirm dialog asks: { text, yes }.
  about: null,
  question: null,
  // The line under the toolbar: { message, isError }.
  notice: null,
  orientation: false,
}, draw);
const history = new History();
const NO_PROBLEMS = [];
// Plumbing, not state: the evaluation last asked for, the pending autosave.
let evaluation = 0;
let autosaveTimer = null;
const byId = (id) => document.getElementById(id);

const errorText = (error) => (typeof error === "string" ? error : error?.message ?? String(error));

function notify(message, isError = false) {
  change({ notice: message ? { message, isError } : null });
}

// --- the scenario and its results -------------------------------------------------------

function edit(key, mutate) {
  history.record(JSON.stringify(state.scenario), key);
  mutate(state.scenario);
  // The model is asked first: it computes while the page draws the edit.
  afterEdit();
  change({ unsaved: true, revision: state.revision + 1 });
}

// Everything shown, drawn from the state: the document's bar, the notice, which view is
// up; as components, the editor, the results, Compare's columns, Decide, and the dialogs.
function draw() {
  drawDocument();
  for (const view of VIEWS) {
    byId(`view-${view}`).hidden = view !== state.view;
    byId(`tab-${view}`).setAttribute("aria-selected", String(view === state.view));
  }
  byId("orientation").hidden = !state.orientation;
  if (state.library) {
    drawInto("library-body", Library, {
      library: state.library, importPack, forget: forgetPublisher, openRecent: openRecentFromLibrary,
      showPack: showPackFromLibrary, close: closeLibrary,
    });
  }
  if (state.shownPack) {
    drawInto("pack-body", PackDialog, {
      pack: state.shownPack, update: state.shownUpdate, trust: trustShownPack, apply: applyShownUpdate,
      start: startFromShownPack, close: closePack,
    });
  }
  const { language } = state;
  drawInto("export-body", ExportDialog, {
    choices: state.exportChoices, language, set: setExportChoices, submit: submitExport, cancel: closeExport,
  });
  if (state.about) drawInto("about-body", About, { about: state.about, language, close: closeAbout, showOrientation });
  if (state.question) drawInto("confirm-body", Confirm, { question: state.question, language });
  if (!state.scenario) return;
  const { problems, revision } = state;
  drawInto("results", Results, { results: state.results, evaluated: state.evaluated, language, stale: problems.length > 0 });
  drawInto("editor", Editor, {
    key: state.generation, form: state.form, scenario: state.scenario, revision, language, problems,
    citations: state.citations, edit,
  });
  byId("compare-columns").style.setProperty("--columns", String(Math.max(1, state.compared.length)));
  drawInto("compare-columns", Compare, { compared: state.compared, language, remove: removeFromCompare });
  const decide = {
    active: state.view === "decide", scenario: state.scenario, revision, evaluated: state.evaluated, language,
    problems, chooseShare, editAppetite,
  };
  // Hidden, Decide keeps what it shows and is drawn once more only to stop deciding.
  drawInto("view-decide", Decide, decide.active ? decide : { ...(drawn.get("view-decide") ?? decide), active: false });
}

// A view is drawn again only when what it is given changed (an edit, new results), so that
// an edit redraws the editor and the results once each, not every view each time.
const drawn = new Map();
function drawInto(id, component, props) {
  const last = drawn.get(id);
  if (last && Object.keys(props).every((name) => props[name] === last[name])) return;
  drawn.set(id, props);
  render(html`<${component} ...${props} />`, byId(id));
}

function afterEdit() {
  refresh();
  scheduleAutosave();
}

function load(scenario, { path = null, unsaved = false, pack = null, packView = null, update = null } = {}) {
  history.clear();
  change({ scenario, path, unsaved, pack, packView, update, problems: NO_PROBLEMS, generation: state.generation + 1 });
  afterEdit();
}

// Text set only when it changed: a live region (the notice) would say it again.
function setText(id, text) {
  const node = byId(id);
  if (node.textContent !== text) node.textContent = text;
  return node;
}

function drawDocument() {
  const notice = setText("notice", state.notice?.message ?? "");
  notice.classList.toggle("error", state.notice?.isError === true);
  notice.hidden = !state.notice;
  setText("scenario-name", state.scenario?.name ?? "");
  const where = state.path ?? t("file.notSaved");
  setText("file-state", state.unsaved ? `${where} · ${t("file.modified")}` : where);
  document.title = `${state.unsaved ? "• " : ""}${state.scenario?.name ?? ""} — Bascule`;
  byId("undo").disabled = !history.canUndo;
  byId("redo").disabled = !history.canRedo;
  const p = state.packView;
  const badge = setText("pack-badge", p ? `${t("pack.badge")}${t("colon")}${p.publisher}, ${t("pack.version")} ${p.pack_version} (${t(`pack.status.${p.status}`)})` : "");
  badge.hidden = !p;
  if (p) badge.dataset.status = p.status;
}

async function refresh() {
  const scenario = JSON.stringify(state.scenario);
  const asked = ++evaluation;
  let results;
  try {
    results = await invoke("evaluate", { scenario, language: state.language });
  } catch (error) {
    if (asked !== evaluation) return;
    // Results of the last valid entry stay on screen, marked as such, while a field is
    // wrong. The Decide view shows the problems too: its own fields (the tolerance curve)
    // are wrong there.
    change({ problems: error?.problems ?? [{ field: "", message: errorText(error) }] });
    return;
  }
  if (asked !== evaluation) return;
  // The same citations keep the same map: the editor is not drawn again for them.
  const citations = JSON.stringify(results.citations) === state.citationsText
    ? state.citations : new Map(results.citations.map((c) => [c.id, c]));
  change({ problems: NO_PROBLEMS, citations, citationsText: JSON.stringify(results.citations), evaluated: scenario, results });
}

// --- decide -----------------------------------------------------------------------------

// A share chosen on the frontier: the scenario moved there by the model (coverage and the
// introduced risks following, as the frontier computed them), as one undoable edit.
async function chooseShare(sharePct) {
  try {
    const moved = JSON.parse(await invoke("move_to_share", {
      scenario: JSON.stringify(state.scenario),
      share_pct: sharePct,
      language: state.language,
    }));
    edit("decide-share", (scenario) => {
      for (const key of Object.keys(scenario)) delete scenario[key];
      Object.assign(scenario, moved);
    });
    notify(`${t("decide.applied")}${sharePct}\u00a0%`);
  } catch (error) {
    notify(errorText(error), true);
  }
}

function editAppetite(kind, mutate) {
  edit(`decide-appetite-${kind}`, (scenario) => {
    scenario.version = 2;
    scenario.risk_appetite ??= { tolerance_curve: [] };
    mutate(scenario.risk_appetite);
    if (!scenario.risk_appetite.tolerance_curve.length) delete scenario.risk_appetite;
  });
}


// --- autosave ---------------------------------------------------------------------------

function scheduleAutosave() {
  clearTimeout(autosaveTimer);
  autosaveTimer = setTimeout(autosaveNow, AUTOSAVE_MS);
}

async function autosaveNow() {
  clearTimeout(autosaveTimer);
  const session = {
    scenario: JSON.stringify(state.scenario, null, 2),
    path: state.path,
    unsaved: state.unsaved,
    pack: state.pack,
    update: state.update,
  };
  try {
    await invoke("autosave", { session, language: state.language });
  } catch (error) {
    notify(errorText(error), true);
  }
}

// --- files ------------------------------------------------------------------------------

async function confirmDiscard() {
  if (!state.unsaved) return true;
  return ask(t("confirm.discard"), t("confirm.discardYes"));
}

// A dialog drawn from `changes` to the state, then shown (once: it may be open already).
function showDialog(id, changes) {
  change(changes);
  const dialog = byId(id);
  if (!dialog.open) dialog.showModal();
  return dialog;
}

function ask(text, yes) {
  const dialog = showDialog("confirm-dialog", { question: { text, yes } });
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}

async function newScenario() {
  if (!(await confirmDiscard())) return;
  const text = await invoke("reference_scenario", { language: state.language });
  load(JSON.parse(text), { unsaved: false });
  notify(t("file.newFromReference"));
}

async function openScenario(path = null) {
  if (!(await confirmDiscard())) return;
  try {
    const opened = await invoke("open_scenario", { path, language: state.language });
    if (!opened) return;
    load(JSON.parse(opened.scenario), { path: opened.path });
    notify(`${t("file.opened")}${t("colon")}${opened.path}`);
  } catch (error) {
    notify(errorText(error), true);
  }
}

async function save(asNew) {
  try {
    const path = await invoke("save_scenario", {
      scenario: JSON.stringify(state.scenario),
      path: asNew ? null : state.path,
      language: state.language,
    });
    if (!path) return;
    change({ path, unsaved: false });
    await autosaveNow();
    notify(`${t("file.saved")}${t("colon")}${path}`);
  } catch (error) {
    notify(error?.problems?.length ? t("file.saveInvalid") : errorText(error), true);
  }
}

// --- undo, redo -------------------------------------------------------------------------

function travel(direction) {
  const current = JSON.stringify(state.scenario);
  const snapshot = direction < 0 ? history.undo(current) : history.redo(current);
  if (snapshot === null) return;
  change({ scenario: JSON.parse(snapshot), unsaved: true, revision: state.revision + 1 });
  afterEdit();
}

// --- export -----------------------------------------------------------------------------

function openExport() {
  const choices = state.exportChoices;
  showDialog("export-dialog", {
    exportChoices: {
      ...choices,
      language: state.language,
      organisation: state.scenario?.organisation?.name ?? "",
      date: choices.date || new Date().toISOString().slice(0, 10),
    },
  });
}

const setExportChoices = (changes) => change({ exportChoices: { ...state.exportChoices, ...changes } });
const closeExport = () => byId("export-dialog").close();

function submitExport() {
  if (state.exportChoices.kind === "workbook") exportWorkbook();
  else exportBriefing();
}

async function exportBriefing() {
  closeExport();
  const { language, organisation, marking, date, openAfter } = state.exportChoices;
  const choices = {
    language, organisation, marking, date,
    pack: state.pack,
    update: state.update?.to === state.pack ? state.update : null,
    open_after: openAfter,
  };
  notify(t("export.working"));
  try {
    const path = await invoke("export_briefing", {
      scenario: JSON.stringify(state.scenario),
      path: null,
      choices,
      language: state.language,
    });
    notify(path ? `${t("export.done")}${t("colon")}${path}` : "");
  } catch (error) {
    notify(error?.problems?.length ? t("export.invalid") : errorText(error), true);
  }
}

async function exportWorkbook() {
  closeExport();
  notify(t("workbook.working"));
  try {
    const path = await invoke("export_workbook", {
      scenario: JSON.stringify(state.scenario),
      path: null,
      choices: { language: state.exportChoices.language },
      language: state.language,
    });
    notify(path ? `${t("workbook.done")}${t("colon")}${path}` : "");
  } catch (error) {
    notify(error?.problems?.length ? t("export.invalid") : errorText(error), true);
  }
}

// --- library and packs ------------------------------------------------------------------

async function openLibrary() {
  const [recent, packs, trusted] = await Promise.all([
    invoke("recent_files"),
    invoke("imported_packs", { language: state.language }).catch(() => []),
    invoke("trusted_publishers"),
  ]);
  showDialog("library-dialog", { library: { recent, packs, trusted } });
}

const closeLibrary = () => byId("library-dialog").close();
const closePack = () => byId("pack-dialog").close();

function openRecentFromLibrary(path) {
  closeLibrary();
  openScenario(path);
}

function showPackFromLibrary(pack) {
  closeLibrary();
  showPack(pack);
}

async function forgetPublisher(publisher) {
  await invoke("forget_publisher", { fingerprint: publisher.fingerprint, language: state.language });
  openLibrary();
}

async function importPack(path = null) {
  let pack;
  try {
    pack = await invoke("import_pack", { path, language: state.language });
  } catch (error) {
    if (error?.kind === "unsigned_pack" && (await ask(`${error.message}. ${t("pack.acceptUnsigned")}`, t("pack.acceptUnsignedYes")))) {
      try {
        pack = await invoke("import_pack", { path, accept_unverified: true, language: state.language });
      } catch (again) {
        notify(errorText(again), true);
        return;
      }
    } else {
      if (error?.kind !== "unsigned_pack") notify(`${t("pack.refused")}${t("colon")}${errorText(error)}`, true);
      return;
    }
  }
  if (!pack) return;
  closeLibrary();
  showPack(pack);
}

function showPack(pack) {
  showDialog("pack-dialog", { shownPack: pack, shownUpdate: null });
  previewUpdate(pack);
}

// A newer pack of the publisher the scenario started from: what bringing the scenario up
// to it would change, before the user says yes (Rust decides whether it is such a pack).
async function previewUpdate(pack) {
  if (!state.pack || state.pack === pack.id || pack.status !== "verified") return;
  let update;
  try {
    update = await invoke("bring_up_to_date", {
      scenario: JSON.stringify(state.scenario),
      from: state.pack,
      to: pack.id,
      language: state.language,
    });
  } catch (error) {
    // Another publisher's pack is not an update of this scenario: nothing to offer.
    if (error?.kind === "pack_refused") return;
    update = { error: errorText(error) };
  }
  if (state.shownPack !== pack) return;
  change({ shownUpdate: update });
}

function applyShownUpdate() {
  const update = state.shownUpdate;
  const pack = state.shownPack;
  if (!update || update.error) return;
  closePack();
  const before = { before: JSON.stringify(state.scenario, null, 2), from: state.pack, to: pack.id };
  // The file on disk is untouched until the user saves; the scenario before the update
  // stays with the session, for the briefing's appendix.
  load(JSON.parse(update.scenario), { path: state.path, unsaved: true, pack: pack.id, packView: pack, update: before });
  notify(t("pack.update.done", { to: update.to_version, taken: update.taken.length, kept: update.kept.length }));
}

async function trustShownPack() {
  try {
    const pack = await invoke("trust_pack_publisher", { id: state.shownPack.id, language: state.language });
    showPack(pack);
    if (state.pack === pack.id) change({ packView: pack });
  } catch (error) {
    notify(errorText(error), true);
  }
}

async function startFromShownPack() {
  closePack();
  if (!(await confirmDiscard())) return;
  const pack = state.shownPack;
  load(JSON.parse(pack.scenario), { unsaved: true, pack: pack.id, packView: pack });
  notify(`${t("pack.started")}${t("colon")}${pack.title}`);
}

// --- first run, about ---------------------------------------------------------------

async function showOrientationIfNew() {
  const settings = await invoke("settings").catch(() => ({ orientation_dismissed: true }));
  change({ orientation: !settings.orientation_dismissed });
}

async function dismissOrientation() {
  change({ orientation: false });
  try {
    await invoke("save_settings", { settings: { orientation_dismissed: true }, language: state.language });
  } catch (error) {
    notify(errorText(error), true);
  }
}

async function openAbout() {
  showDialog("about-dialog", { about: await invoke("about") });
}

const closeAbout = () => byId("about-dialog").close();

function showOrientation() {
  closeAbout();
  change({ view: "edit", orientation: true });
}

// --- views ------------------------------------------------------------------------------

// The views, each a tab and its panel (`tab-…`, `view-…`), drawn from the state by `draw`;
// Decide runs while it is the view shown.
const VIEWS = ["edit", "compare", "decide"];

function showView(name) {
  change({ view: name });
}

async function cigrefVariants() {
  try {
    const variants = await invoke("cigref_variants", { scenario: JSON.stringify(state.scenario), language: state.language });
    change({ compared: [] });
    for (const scenario of [state.scenario, ...variants.map((text) => JSON.parse(text))]) addToCompare(scenario);
  } catch (error) {
    notify(error?.problems?.length ? t("compare.invalid") : errorText(error), true);
  }
}

function addToCompare(scenario) {
  if (state.compared.length >= COMPARE_MAX) {
    notify(t("compare.full"), true);
    return;
  }
  const key = state.comparedKeys + 1;
  change({ comparedKeys: key, compared: [...state.compared, { key, scenario: structuredClone(scenario) }] });
}

function removeFromCompare(key) {
  change({ compared: state.compared.filter((column) => column.key !== key) });
}

async function addFileToCompare() {
  try {
    const opened = await invoke("open_scenario", { path: null, language: state.language });
    if (!opened) return;
    addToCompare(JSON.parse(opened.scenario));
  } catch (error) {
    notify(errorText(error), true);
  }
}

// --- language ---------------------------------------------------------------------------

async function setLanguage(language) {
  const [, form] = await Promise.all([loadWords(language), invoke("scenario_form", { language })]);
  translatePage(language);
  byId("language-toggle").textContent = t("language.switch");
  change({ language, form });
  if (state.scenario) refresh();
}

// --- wiring -----------------------------------------------------------------------------

function on(id, handler) {
  byId(id).addEventListener("click", handler);
}

on("new", newScenario);
on("open", () => openScenario());
on("save", () => save(false));
on("save-as", () => save(true));
on("undo", () => travel(-1));
on("redo", () => travel(1));
on("library", openLibrary);
on("export", openExport);
for (const view of VIEWS) on(`tab-${view}`, () => showView(view));
on("compare-cigref", cigrefVariants);
on("compare-add", () => addToCompare(state.scenario));
on("compare-open", addFileToCompare);
on("about", openAbout);
on("orientation-dismiss", dismissOrientation);
on("language-toggle", () => setLanguage(state.language === "fr" ? "en" : "fr"));

document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || document.querySelector("dialog[open]")) return;
  const key = event.key.toLowerCase();
  const actions = {
    z: () => travel(event.shiftKey ? 1 : -1),
    y: () => travel(1),
    s: () => save(event.shiftKey),
    o: () => openScenario(),
    n: () => newScenario(),
    e: openExport,
  };
  if (actions[key]) {
    event.preventDefault();
    actions[key]();
  }
});
// A bug Bascule did not foresee: said plainly, with where the report is; the autosave
// keeps the work.
window.__TAURI__.event.listen("bascule-panic", (event) => {
  const report = event.payload?.report;
  notify(`${t("panic.message")}${report ? ` ${t("panic.report")}${t("colon")}${report}` : ""}`, true);
});
// Closing the window: whatever was typed in the last moment is kept.
window.addEventListener("pagehide", autosaveNow);

// Exposed to the end-to-end test, which cannot drive the system's file dialogs.
window.bascule = { openScenario, importPack, save: (path) => saveTo(path), state };

async function saveTo(path) {
  change({ path });
  await save(false);
}

async function start(language) {
  await setLanguage(language);
  await restore(language);
  showOrientationIfNew();
  // A scenario given at launch (double-click in the file manager) opens after the session
  // is back, so that unsaved work is asked about before it is replaced.
  const launched = await invoke("launch_file").catch(() => null);
  if (launched) openScenario(launched);
}

async function restore(language) {
  const session = await invoke("restore_session").catch(() => null);
  if (session) {
    try {
      let packView = null;
      if (session.pack) {
        const packs = await invoke("imported_packs", { language }).catch(() => []);
        packView = packs.find((p) => p.id === session.pack) ?? null;
      }
      load(JSON.parse(session.scenario), {
        path: session.path,
        unsaved: session.unsaved,
        pack: packView ? session.pack : null,
        packView,
        update: packView ? session.update ?? null : null,
      });
      notify(t("file.restored"));
      return;
    } catch {
      // An autosave that is not a scenario any more: start from the reference.
    }
  }
  const text = await invoke("reference_scenario", { language });
  load(JSON.parse(text));
}

invoke("preferred_language").then(start, () => start("fr"));

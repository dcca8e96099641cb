// Bascule's UI: it lays out and formats what the Rust commands return; it computes no figure.
import { loadWords, t, translatePage } from "./i18n.js";
import { Editor } from "./editor.js";
import { History } from "./history.js";
import { Refiner, showResults } from "./results.js";
import { Compare } from "./compare.js";
import { Decide } from "./decide.js";

const { invoke } = window.__TAURI__.core;
const AUTOSAVE_MS = 400;

const state = {
  language: "fr",
  scenario: null,
  path: null,
  unsaved: false,
  pack: null,
  packView: null,
  // Set once the scenario was brought up to a newer pack: { before, from, to }.
  update: null,
  evaluation: 0,
  autosaveTimer: null,
};
const history = new History();
const refiner = new Refiner();
const byId = (id) => document.getElementById(id);
const editor = new Editor(byId("fields"), edit);
const compare = new Compare(byId("compare-columns"), notify);
const decide = new Decide({ chooseShare, editAppetite });

const errorText = (error) => (typeof error === "string" ? error : error?.message ?? String(error));

function notify(message, isError = false) {
  const notice = byId("notice");
  notice.textContent = message;
  notice.classList.toggle("error", isError);
  notice.hidden = !message;
}

// --- the scenario and its results -------------------------------------------------------

function edit(key, mutate, structural) {
  history.record(JSON.stringify(state.scenario), key);
  mutate(state.scenario);
  state.unsaved = true;
  if (structural) editor.render(state.scenario, state.language);
  changed();
}

function changed() {
  showDocument();
  refresh();
  scheduleAutosave();
}

function load(scenario, { path = null, unsaved = false, pack = null, packView = null, update = null } = {}) {
  state.scenario = scenario;
  state.path = path;
  state.unsaved = unsaved;
  state.pack = pack;
  state.packView = packView;
  state.update = update;
  history.clear();
  editor.openRisks = new Set();
  editor.render(state.scenario, state.language);
  changed();
}

function showDocument() {
  byId("scenario-name").textContent = state.scenario?.name ?? "";
  const where = state.path ?? t("file.notSaved");
  byId("file-state").textContent = state.unsaved ? `${where} · ${t("file.modified")}` : where;
  document.title = `${state.unsaved ? "• " : ""}${state.scenario?.name ?? ""} — Bascule`;
  byId("undo").disabled = !history.canUndo;
  byId("redo").disabled = !history.canRedo;
  const badge = byId("pack-badge");
  badge.hidden = !state.packView;
  if (state.packView) {
    const p = state.packView;
    badge.textContent = `${t("pack.badge")}${t("colon")}${p.publisher}, ${t("pack.version")} ${p.pack_version} (${t(`pack.status.${p.status}`)})`;
    badge.dataset.status = p.status;
  }
}

async function refresh() {
  const scenario = JSON.stringify(state.scenario);
  const evaluation = ++state.evaluation;
  let results;
  try {
    results = await invoke("evaluate", { scenario, language: state.language });
  } catch (error) {
    if (evaluation !== state.evaluation) return;
    refiner.cancel();
    decide.cancel();
    const problems = error?.problems ?? [{ field: "", message: errorText(error) }];
    editor.showProblems(problems, byId("problems"));
    // The Decide view's own fields (the tolerance curve) are wrong there, not in the form.
    decide.showProblems(problems);
    showStale(true);
    return;
  }
  if (evaluation !== state.evaluation) return;
  editor.showProblems([], byId("problems"));
  editor.showCitations(results.citations);
  showStale(false);
  showResults(results);
  refiner.refine(scenario, state.language);
  if (!byId("view-decide").hidden) decide.refresh(state.scenario, state.language);
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
    }, true);
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
  }, false);
}

// Results of the last valid entry stay on screen, marked as such, while a field is wrong.
function showStale(stale) {
  byId("stale").hidden = !stale;
  document.querySelector(".results").classList.toggle("stale", stale);
}

// --- autosave ---------------------------------------------------------------------------

function scheduleAutosave() {
  clearTimeout(state.autosaveTimer);
  state.autosaveTimer = setTimeout(autosaveNow, AUTOSAVE_MS);
}

async function autosaveNow() {
  clearTimeout(state.autosaveTimer);
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

function ask(text, yes) {
  const dialog = byId("confirm-dialog");
  byId("confirm-text").textContent = text;
  byId("confirm-yes").textContent = yes;
  dialog.returnValue = "";
  dialog.showModal();
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
    state.path = path;
    state.unsaved = false;
    showDocument();
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
  state.scenario = JSON.parse(snapshot);
  state.unsaved = true;
  editor.render(state.scenario, state.language);
  changed();
}

// --- export -----------------------------------------------------------------------------

function openExport() {
  byId("export-language").value = state.language;
  showExportFields();
  byId("export-organisation").value = state.scenario?.organisation?.name ?? "";
  if (!byId("export-date").value) byId("export-date").value = new Date().toISOString().slice(0, 10);
  byId("export-dialog").showModal();
}

async function exportBriefing() {
  byId("export-dialog").close();
  const choices = {
    language: byId("export-language").value,
    organisation: byId("export-organisation").value,
    marking: byId("export-marking").value,
    date: byId("export-date").value,
    pack: state.pack,
    update: state.update?.to === state.pack ? state.update : null,
    open_after: byId("export-open").checked,
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

/// The briefing's own fields (organisation, marking, date) mean nothing to the workbook.
function showExportFields() {
  byId("export-briefing-fields").hidden = byId("export-kind-workbook").checked;
}

async function exportWorkbook() {
  byId("export-dialog").close();
  notify(t("workbook.working"));
  try {
    const path = await invoke("export_workbook", {
      scenario: JSON.stringify(state.scenario),
      path: null,
      choices: { language: byId("export-language").value },
      language: state.language,
    });
    notify(path ? `${t("workbook.done")}${t("colon")}${path}` : "");
  } catch (error) {
    notify(error?.problems?.length ? t("export.invalid") : errorText(error), true);
  }
}

// --- library and packs ------------------------------------------------------------------

function linkItem(text, onClick, extra) {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link";
  button.textContent = text;
  button.addEventListener("click", onClick);
  item.append(button);
  if (extra) item.append(extra);
  return item;
}

function emptyItem(key) {
  const item = document.createElement("li");
  item.className = "hint";
  item.textContent = t(key);
  return item;
}

async function openLibrary() {
  const [recent, packs, trusted] = await Promise.all([
    invoke("recent_files"),
    invoke("imported_packs", { language: state.language }).catch(() => []),
    invoke("trusted_publishers"),
  ]);
  const dialog = byId("library-dialog");
  byId("recent-list").replaceChildren(...(recent.length ? recent.map((path) => linkItem(path, () => {
    dialog.close();
    openScenario(path);
  })) : [emptyItem("library.noRecent")]));
  byId("pack-list").replaceChildren(...(packs.length ? packs.map((pack) => linkItem(
    `${pack.title} — ${pack.publisher}, ${t("pack.version")} ${pack.pack_version} (${t(`pack.status.${pack.status}`)})`,
    () => {
      dialog.close();
      showPack(pack);
    },
  )) : [emptyItem("library.noPacks")]));
  byId("trusted-list").replaceChildren(...(trusted.length ? trusted.map((publisher) => {
    const forget = document.createElement("button");
    forget.type = "button";
    forget.textContent = t("library.forget");
    forget.setAttribute("aria-label", `${t("library.forget")} ${publisher.name}`);
    forget.addEventListener("click", async () => {
      await invoke("forget_publisher", { fingerprint: publisher.fingerprint, language: state.language });
      openLibrary();
    });
    const item = document.createElement("li");
    item.append(`${publisher.name} — `, Object.assign(document.createElement("code"), { textContent: publisher.fingerprint }), " ", forget);
    return item;
  }) : [emptyItem("library.noTrusted")]));
  if (!dialog.open) dialog.showModal();
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
  byId("library-dialog").close();
  showPack(pack);
}

function showPack(pack) {
  state.shownPack = pack;
  byId("pack-title").textContent = pack.title;
  byId("pack-publisher").textContent = `${pack.publisher} — ${t("pack.version")} ${pack.pack_version}, ${pack.published}`;
  const status = byId("pack-status");
  status.dataset.status = pack.status;
  status.textContent = pack.status === "verified"
    ? `${t("pack.status.verified")}${t("colon")}${pack.publisher}`
    : t(`pack.explain.${pack.status}`);
  const fingerprint = byId("pack-fingerprint");
  fingerprint.hidden = !pack.fingerprint;
  fingerprint.textContent = pack.fingerprint ? `${t("pack.fingerprint")}${t("colon")}${pack.fingerprint}` : "";
  byId("pack-description").textContent = pack.description ?? "";
  byId("pack-trust").hidden = pack.status !== "unknown_key";
  const dialog = byId("pack-dialog");
  if (!dialog.open) dialog.showModal();
  previewUpdate(pack);
}

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);
const listItems = (texts) => texts.map((text) => Object.assign(document.createElement("li"), { textContent: text }));

// A newer pack of the publisher the scenario started from: what bringing the scenario up
// to it would change, before the user says yes (Rust decides whether it is such a pack).
async function previewUpdate(pack) {
  const section = byId("pack-update");
  const apply = byId("pack-update-apply");
  section.hidden = true;
  apply.hidden = true;
  // One primary action: bringing the scenario up to date when offered, else starting anew.
  byId("pack-start").classList.add("primary");
  state.shownUpdate = null;
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
    byId("pack-update-title").textContent = t("pack.update.impossible");
    byId("pack-update-sentence").textContent = errorText(error);
    for (const id of ["pack-update-chart", "pack-update-taken", "pack-update-kept"]) byId(id).replaceChildren();
    byId("pack-update-kept-title").textContent = "";
    byId("pack-update-not-applied").textContent = "";
    section.hidden = false;
    return;
  }
  if (state.shownPack !== pack) return;
  state.shownUpdate = update;
  byId("pack-update-title").textContent = fill(t("pack.update.title"), { from: update.from_version, to: update.to_version });
  byId("pack-update-sentence").textContent = update.report.sentence;
  const chart = byId("pack-update-chart");
  // The SVG names itself; its figures follow it as a table (no role on the container, which
  // would hide the table's disclosure inside an image).
  chart.innerHTML = update.bridge_svg;
  const taken = update.report.changes.map((c) => `${c.label}${t("colon")}${c.text}`);
  byId("pack-update-taken").replaceChildren(...listItems(taken.length ? taken : [t("pack.update.none")]));
  const keptTitle = { 0: t("pack.update.keptNone"), 1: t("pack.update.keptOne") }[update.kept.length];
  byId("pack-update-kept-title").textContent = keptTitle ?? fill(t("pack.update.kept"), { n: update.kept.length });
  byId("pack-update-kept").replaceChildren(...listItems(update.kept.map((k) =>
    `${k.label}${t("colon")}${t("pack.update.yours")} ${k.yours} (${t("pack.version")} ${update.from_version} ${k.old_pack}, ${t("pack.version")} ${update.to_version} ${k.new_pack})`)));
  const notes = [];
  if (!update.supersedes) notes.push(t("pack.update.notSuperseding"));
  if (update.not_applied.length) notes.push(`${t("pack.update.notApplied")} ${update.not_applied.join(", ")}.`);
  byId("pack-update-not-applied").textContent = notes.join(" ");
  section.hidden = false;
  apply.hidden = false;
  byId("pack-start").classList.remove("primary");
}

function applyShownUpdate() {
  const update = state.shownUpdate;
  const pack = state.shownPack;
  if (!update) return;
  byId("pack-dialog").close();
  const before = { before: JSON.stringify(state.scenario, null, 2), from: state.pack, to: pack.id };
  // The file on disk is untouched until the user saves; the scenario before the update
  // stays with the session, for the briefing's appendix.
  load(JSON.parse(update.scenario), { path: state.path, unsaved: true, pack: pack.id, packView: pack, update: before });
  notify(fill(t("pack.update.done"), { to: update.to_version, taken: update.taken.length, kept: update.kept.length }));
}

async function trustShownPack() {
  try {
    const pack = await invoke("trust_pack_publisher", { id: state.shownPack.id, language: state.language });
    showPack(pack);
    if (state.pack === pack.id) {
      state.packView = pack;
      showDocument();
    }
  } catch (error) {
    notify(errorText(error), true);
  }
}

async function startFromShownPack() {
  byId("pack-dialog").close();
  if (!(await confirmDiscard())) return;
  const pack = state.shownPack;
  load(JSON.parse(pack.scenario), { unsaved: true, pack: pack.id, packView: pack });
  notify(`${t("pack.started")}${t("colon")}${pack.title}`);
}

// --- first run, about ---------------------------------------------------------------

async function showOrientationIfNew() {
  const settings = await invoke("settings").catch(() => ({ orientation_dismissed: true }));
  byId("orientation").hidden = settings.orientation_dismissed;
}

async function dismissOrientation() {
  byId("orientation").hidden = true;
  try {
    await invoke("save_settings", { settings: { orientation_dismissed: true }, language: state.language });
  } catch (error) {
    notify(errorText(error), true);
  }
}

async function openAbout() {
  const about = await invoke("about");
  byId("about-version").textContent = `Bascule ${about.version} — ${t("about.model")} ${about.model_version}`;
  byId("about-fonts").textContent = about.fonts_licence;
  const dependencies = about.dependencies ?? [];
  byId("about-dependencies-title").textContent = `${t("about.dependencies")} (${dependencies.length})`;
  byId("about-dependencies").replaceChildren(...dependencies.map((crate) => {
    const row = document.createElement("tr");
    for (const text of [crate.name, crate.version, crate.license]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
  byId("about-dialog").showModal();
}

// --- views ------------------------------------------------------------------------------

const VIEWS = ["edit", "compare", "decide"];

function showView(name) {
  for (const view of VIEWS) {
    byId(`view-${view}`).hidden = view !== name;
    byId(`tab-${view}`).setAttribute("aria-selected", String(view === name));
  }
  if (name === "compare") compare.render(state.language);
  if (name === "decide") decide.refresh(state.scenario, state.language);
  else decide.cancel();
}

async function cigrefVariants() {
  try {
    const variants = await invoke("cigref_variants", { scenario: JSON.stringify(state.scenario), language: state.language });
    compare.replace([state.scenario, ...variants.map((text) => JSON.parse(text))]);
    compare.render(state.language);
  } catch (error) {
    notify(error?.problems?.length ? t("compare.invalid") : errorText(error), true);
  }
}

async function addFileToCompare() {
  try {
    const opened = await invoke("open_scenario", { path: null, language: state.language });
    if (!opened) return;
    compare.add(JSON.parse(opened.scenario));
    compare.render(state.language);
  } catch (error) {
    notify(errorText(error), true);
  }
}

// --- language ---------------------------------------------------------------------------

async function setLanguage(language) {
  state.language = language;
  const [, form] = await Promise.all([loadWords(language), invoke("scenario_form", { language })]);
  editor.setForm(form);
  translatePage(language);
  byId("language-toggle").textContent = t("language.switch");
  if (state.scenario) {
    editor.render(state.scenario, language);
    showDocument();
    refresh();
    if (!byId("view-compare").hidden) compare.render(language);
  }
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
on("library-close", () => byId("library-dialog").close());
on("import-pack", () => importPack());
on("pack-trust", trustShownPack);
on("pack-update-apply", applyShownUpdate);
on("pack-start", startFromShownPack);
on("pack-close", () => byId("pack-dialog").close());
on("export", openExport);
for (const kind of ["export-kind-briefing", "export-kind-workbook"]) {
  byId(kind).addEventListener("change", showExportFields);
}
on("export-cancel", () => byId("export-dialog").close());
byId("export-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (byId("export-kind-workbook").checked) exportWorkbook();
  else exportBriefing();
});
on("tab-edit", () => showView("edit"));
on("tab-compare", () => showView("compare"));
on("tab-decide", () => showView("decide"));
on("compare-cigref", cigrefVariants);
on("compare-add", () => {
  compare.add(state.scenario);
  compare.render(state.language);
});
on("compare-open", addFileToCompare);
on("about", openAbout);
on("about-close", () => byId("about-dialog").close());
on("about-orientation", () => {
  byId("about-dialog").close();
  showView("edit");
  byId("orientation").hidden = false;
});
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
  state.path = path;
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

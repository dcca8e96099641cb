// Bascule's UI: it lays out and formats what the Rust commands return; it computes no figure.
const { invoke } = window.__TAURI__.core;

// The fields on the first screen: path in the scenario, label key, unit key, and whether
// the field is an assumption (value under `.value`) or a plain integer.
const FIELDS = [
  { path: "organisation.users", label: "field.users", unit: "unit.users", integer: true },
  { path: "migration.moved_share_pct", label: "field.movedShare", unit: "unit.percent" },
  { path: "migration.sensitive_data_coverage_pct", label: "field.coverage", unit: "unit.percent" },
  { path: "trusted_offer.premium_pct", label: "field.premium", unit: "unit.percent" },
  { path: "public_suite.discount_pct", label: "field.discount", unit: "unit.percent" },
  { path: "migration.cost_per_user_eur", label: "field.costPerUser", unit: "unit.eur" },
  { path: "discount_rate_pct", label: "field.discountRate", unit: "unit.percent" },
  { path: "horizon_years", label: "field.horizon", unit: "unit.years", integer: true },
];

const state = { language: "fr", words: {}, scenario: null, simulation: 0 };

async function loadWords(language) {
  const response = await fetch(`i18n/${language}.json`);
  return response.json();
}

const t = (key) => state.words[key] ?? key;

function get(object, path) {
  return path.split(".").reduce((node, key) => node?.[key], object);
}

function set(object, path, value) {
  const keys = path.split(".");
  const last = keys.pop();
  const parent = keys.reduce((node, key) => node[key], object);
  parent[last] = value;
}

function fieldValue(field) {
  const node = get(state.scenario, field.path);
  return field.integer ? String(node) : String(typeof node === "object" ? node.value : node);
}

function translate() {
  document.documentElement.lang = state.language;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  document.getElementById("language-toggle").textContent = t("language.switch");
}

function renderFields() {
  const form = document.getElementById("fields");
  form.replaceChildren();
  for (const field of FIELDS) {
    const id = `field-${field.path.replaceAll(".", "-")}`;
    const wrapper = document.createElement("div");
    wrapper.className = "field";
    wrapper.dataset.path = field.path;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = t(field.label);
    const row = document.createElement("div");
    row.className = "row";
    const input = document.createElement("input");
    input.id = id;
    input.inputMode = "decimal";
    input.value = fieldValue(field);
    input.dataset.testid = id;
    input.addEventListener("input", () => onEdit(field, input.value));
    const unit = document.createElement("span");
    unit.className = "unit";
    unit.textContent = t(field.unit);
    row.append(input, unit);
    wrapper.append(label, row);
    const node = get(state.scenario, field.path);
    if (node && typeof node === "object") {
      const hint = document.createElement("p");
      hint.className = "hint";
      const parts = [];
      if (node.low !== undefined) parts.push(`${t("hint.range")} ${node.low} – ${node.high}`);
      if (node.source) parts.push(`${t("hint.source")} : ${node.source}`);
      hint.textContent = parts.join(" · ");
      hint.title = node.source ?? "";
      wrapper.append(hint);
    }
    const error = document.createElement("p");
    error.className = "error";
    error.hidden = true;
    error.setAttribute("role", "alert");
    error.dataset.testid = `${id}-error`;
    wrapper.append(error);
    form.append(wrapper);
  }
}

function onEdit(field, text) {
  if (field.integer) {
    // Sent as typed: the model says what is wrong with it, in the user's language.
    set(state.scenario, field.path, /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text);
  } else {
    const node = get(state.scenario, field.path);
    if (typeof node === "object") node.value = text.trim();
    else set(state.scenario, field.path, text.trim());
  }
  refresh();
}

function showProblems(problems) {
  for (const wrapper of document.querySelectorAll(".field")) {
    const path = wrapper.dataset.path;
    const problem = problems.find((p) => p.field === path || p.field.startsWith(`${path}.`));
    const error = wrapper.querySelector(".error");
    wrapper.classList.toggle("invalid", Boolean(problem));
    error.hidden = !problem;
    error.textContent = problem ? problem.message.replace(/^[^:]*:\s*/, "") : "";
  }
}

function showFigure(id, figure) {
  const value = document.getElementById(id);
  value.textContent = figure.compact;
  value.classList.toggle("negative", figure.negative);
  document.getElementById(`${id}-exact`).textContent = figure.exact;
}

async function refresh() {
  const scenario = JSON.stringify(state.scenario);
  let results;
  try {
    results = await invoke("evaluate", { scenario, language: state.language });
  } catch (error) {
    showProblems(error.problems ?? []);
    return;
  }
  showProblems([]);
  document.getElementById("headline").textContent = results.headline;
  const support = document.getElementById("support");
  support.replaceChildren(...results.support.map((sentence) => {
    const item = document.createElement("li");
    item.textContent = sentence;
    return item;
  }));
  showFigure("extra-cost", results.extra_cost);
  showFigure("risk-avoided", results.risk_avoided);
  showFigure("net-benefit", results.net_benefit);
  document.getElementById("break-even").textContent = results.break_even;
  // Charts come as SVG drawn by bascule-charts, the same marks as in the PDF.
  document.getElementById("chart-cost").innerHTML = results.cumulative_cost_svg;
  document.getElementById("chart-tornado").innerHTML = results.tornado_svg;
  document.getElementById("chart-risks").innerHTML = results.risk_bars_svg;
  refine(scenario);
}

// The Monte Carlo refines a moment later; a newer edit makes an older run's answer moot.
async function refine(scenario) {
  const run = ++state.simulation;
  const refining = document.getElementById("refining");
  refining.hidden = false;
  await new Promise((resolve) => setTimeout(resolve, 150));
  if (run !== state.simulation) return;
  try {
    const result = await invoke("simulate", { scenario, language: state.language, trials: 20000 });
    if (run !== state.simulation) return;
    document.getElementById("probability").textContent = result.probability_positive;
    document.getElementById("chart-exceedance").innerHTML = result.exceedance_svg;
  } finally {
    if (run === state.simulation) refining.hidden = true;
  }
}

async function start(language) {
  state.language = language;
  state.words = await loadWords(language);
  state.scenario = JSON.parse(await invoke("reference_scenario", { language }));
  document.getElementById("scenario-name").textContent = state.scenario.name;
  translate();
  renderFields();
  await refresh();
}

document.getElementById("language-toggle").addEventListener("click", () => {
  start(state.language === "fr" ? "en" : "fr");
});

invoke("preferred_language").then(start, () => start("fr"));

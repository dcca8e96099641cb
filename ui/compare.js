// Compare: two to four scenarios side by side, each evaluated by the model as it is.
import { t } from "./i18n.js";
import { REFINE_TRIALS } from "./results.js";

const { invoke } = window.__TAURI__.core;
export const COMPARE_MAX = 4;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Compare {
  constructor(container, notify) {
    this.container = container;
    this.notify = notify;
    this.scenarios = [];
    this.drawn = 0;
  }

  get full() {
    return this.scenarios.length >= COMPARE_MAX;
  }

  add(scenario) {
    if (this.full) {
      this.notify(t("compare.full"), true);
      return;
    }
    this.scenarios.push(structuredClone(scenario));
  }

  replace(scenarios) {
    this.scenarios = scenarios.slice(0, COMPARE_MAX).map((s) => structuredClone(s));
  }

  async render(language) {
    const drawing = ++this.drawn;
    if (this.scenarios.length === 0) {
      this.container.replaceChildren(element("p", "hint empty", t("compare.empty")));
      return;
    }
    const columns = await Promise.all(this.scenarios.map((scenario, index) => this.column(scenario, index, language)));
    if (drawing !== this.drawn) return;
    this.container.replaceChildren(...columns);
    this.container.style.setProperty("--columns", String(this.scenarios.length));
  }

  async column(scenario, index, language) {
    const column = element("section", "compare-column");
    column.dataset.testid = `compare-column-${index}`;
    const heading = element("div", "compare-heading");
    heading.append(element("h3", null, scenario.name ?? "—"));
    const remove = element("button", "icon", "✕");
    remove.type = "button";
    remove.title = t("action.remove");
    remove.setAttribute("aria-label", `${t("action.remove")} ${scenario.name ?? ""}`);
    remove.addEventListener("click", () => {
      this.scenarios.splice(index, 1);
      this.render(language);
    });
    heading.append(remove);
    column.append(heading);
    const text = JSON.stringify(scenario);
    let results;
    try {
      results = await invoke("evaluate", { scenario: text, language, chart_width: 380 });
    } catch (error) {
      column.append(element("p", "error", error?.message ?? String(error)));
      return column;
    }
    column.append(element("p", "compare-headline", results.headline));
    const figures = element("dl", "compare-figures");
    for (const [label, figure] of [
      ["results.extraCost", results.extra_cost],
      ["results.riskAvoided", results.risk_avoided],
      ["results.netBenefit", results.net_benefit],
    ]) {
      figures.append(element("dt", null, t(label)));
      const value = element("dd", figure.negative ? "negative" : null, figure.compact);
      value.title = figure.exact;
      if (label === "results.netBenefit") value.dataset.testid = `compare-net-benefit-${index}`;
      figures.append(value);
    }
    figures.append(element("dt", null, t("results.probability")));
    const odds = element("dd", "refining", t("results.refining"));
    figures.append(odds);
    figures.append(element("dt", null, t("results.breakEven")));
    figures.append(element("dd", null, results.break_even));
    column.append(figures);
    for (const [caption, svg] of [
      ["charts.cumulativeCost", results.cumulative_cost_svg],
      ["charts.risks", results.risk_bars_svg],
    ]) {
      const figure = element("figure");
      figure.append(element("figcaption", null, t(caption)));
      const chart = element("div", "chart");
      chart.innerHTML = svg;
      figure.append(chart);
      column.append(figure);
    }
    invoke("simulate", { scenario: text, language, trials: REFINE_TRIALS }).then(
      (result) => {
        odds.textContent = result.probability_positive;
        odds.className = "";
      },
      () => {
        odds.textContent = "—";
      },
    );
    return column;
  }
}

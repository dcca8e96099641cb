// The results as the model's commands return them: worded, formatted, charts drawn as SVG
// by bascule-charts (the same marks as in the PDF). Nothing is computed here.
const { invoke } = window.__TAURI__.core;

export const REFINE_TRIALS = 20000;

function byId(id) {
  return document.getElementById(id);
}

function showFigure(id, figure) {
  const value = byId(id);
  value.textContent = figure.compact;
  value.classList.toggle("negative", figure.negative);
  byId(`${id}-exact`).textContent = figure.exact;
}

function listItems(texts) {
  return texts.map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
  });
}

export function showResults(results) {
  byId("headline").textContent = results.headline;
  byId("support").replaceChildren(...listItems(results.support));
  showFigure("extra-cost", results.extra_cost);
  showFigure("risk-avoided", results.risk_avoided);
  showFigure("net-benefit", results.net_benefit);
  byId("break-even").textContent = results.break_even;
  byId("explanations").replaceChildren(...listItems(results.explanations));
  byId("chart-cost").innerHTML = results.cumulative_cost_svg;
  byId("chart-tornado").innerHTML = results.tornado_svg;
  byId("chart-risks").innerHTML = results.risk_bars_svg;
}

// The Monte Carlo refines a moment later; a newer edit makes an older run's answer moot,
// and a run not yet started when the user types again never starts.
export class Refiner {
  constructor() {
    this.run = 0;
  }

  cancel() {
    this.run += 1;
    byId("refining").hidden = true;
  }

  async refine(scenario, language) {
    const run = ++this.run;
    const refining = byId("refining");
    refining.hidden = false;
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (run !== this.run) return;
    try {
      const result = await invoke("simulate", { scenario, language, trials: REFINE_TRIALS });
      if (run !== this.run) return;
      byId("probability").textContent = result.probability_positive;
      byId("chart-exceedance").innerHTML = result.exceedance_svg;
    } catch {
      if (run === this.run) byId("probability").textContent = "—";
    } finally {
      if (run === this.run) refining.hidden = true;
    }
  }
}

// The results as the model's commands return them: worded, formatted, charts drawn as SVG
// by bascule-charts (the same marks as in the PDF). Nothing is computed here.
import { html, useEffect, useState } from "./vendor/preact-htm.js";
import { t } from "./i18n.js";

const { invoke } = window.__TAURI__.core;

export const REFINE_TRIALS = 20000;
// A run not yet started when the user types again never starts.
const REFINE_AFTER_MS = 150;

// `results`: `evaluate`'s answer for `evaluated` (the last scenario the model accepted, as
// text); `stale`: the scenario being edited is not that one (a field is wrong). The Monte
// Carlo refines a moment later; a newer scenario makes an older run's answer moot.
export function Results({ results, evaluated, language, stale }) {
  const [odds, setOdds] = useState({ key: null, probability: null, exceedance: "" });
  const key = evaluated ? `${language}\n${evaluated}` : null;
  useEffect(() => {
    if (!key) return undefined;
    let dropped = false;
    const timer = setTimeout(async () => {
      try {
        const result = await invoke("simulate", { scenario: evaluated, language, trials: REFINE_TRIALS });
        if (!dropped) setOdds({ key, probability: result.probability_positive, exceedance: result.exceedance_svg });
      } catch {
        if (!dropped) setOdds((before) => ({ ...before, key, probability: "—" }));
      }
    }, REFINE_AFTER_MS);
    return () => {
      dropped = true;
      clearTimeout(timer);
    };
  }, [key]);
  const refining = key !== null && odds.key !== key;
  const chart = (id, caption, svg) => html`<figure><figcaption>${t(caption)}</figcaption>
    <div id=${id} class="chart" dangerouslySetInnerHTML=${{ __html: svg ?? "" }}></div></figure>`;
  return html`
    <p id="stale" class="stale-banner" role="status" data-testid="stale" hidden=${!stale}>${t("results.invalid")}</p>
    <div class=${stale ? "results-body stale" : "results-body"}>
      <div class="recommendation" data-testid="recommendation" aria-live="polite">
        <p class="eyebrow">${t("results.recommendation")}</p>
        <p class="headline" id="headline">${results?.headline}</p>
        <ul id="support">${results?.support.map((text) => html`<li>${text}</li>`)}</ul>
      </div>
      <div class="figures">
        ${figure("extra-cost", "results.extraCost", results?.extra_cost)}
        ${figure("risk-avoided", "results.riskAvoided", results?.risk_avoided)}
        ${figure("net-benefit", "results.netBenefit", results?.net_benefit)}
      </div>
      <p class="odds">${t("results.probability")}${t("colon")}<strong id="probability" data-testid="probability">${odds.probability ?? "…"}</strong>
        ${" "}<span id="refining" class="refining" hidden=${!refining}>${t("results.refining")}</span>
        ${" · "}${t("results.breakEven")}${t("colon")}<strong id="break-even" data-testid="break-even">${results?.break_even}</strong></p>
      <details class="explanations">
        <summary>${t("results.explanations")}</summary>
        <ul id="explanations">${results?.explanations.map((text) => html`<li>${text}</li>`)}</ul>
      </details>
      <div class="charts">
        ${chart("chart-cost", "charts.cumulativeCost", results?.cumulative_cost_svg)}
        ${chart("chart-exceedance", "charts.exceedance", odds.exceedance)}
        ${chart("chart-tornado", "charts.tornado", results?.tornado_svg)}
        ${chart("chart-risks", "charts.risks", results?.risk_bars_svg)}
      </div>
    </div>`;
}

function figure(id, label, value) {
  return html`<div class="figure"><p class="label">${t(label)}</p>
    <p class=${value?.negative ? "value negative" : "value"} id=${id} data-testid=${id}>${value?.compact}</p>
    <p class="exact" id=${`${id}-exact`} data-testid=${id === "net-benefit" ? "net-benefit-exact" : undefined}>${value?.exact}</p></div>`;
}

// Compare: two to four scenarios side by side, each evaluated by the model as it is.
import { html, useEffect, useState } from "./vendor/preact-htm.js";
import { t } from "./i18n.js";
import { REFINE_TRIALS } from "./results.js";

const { invoke } = window.__TAURI__.core;
export const COMPARE_MAX = 4;

// `compared`: each a scenario and a number of its own (the column's key, so that removing
// one keeps the others' figures); `remove(key)` takes one out.
export function Compare({ compared, language, remove }) {
  if (compared.length === 0) return html`<p class="hint empty">${t("compare.empty")}</p>`;
  return compared.map(({ key, scenario }, index) => html`<${Column} key=${key} scenario=${scenario} index=${index}
    language=${language} remove=${() => remove(key)} />`);
}

function Column({ scenario, index, language, remove }) {
  const text = JSON.stringify(scenario);
  const [shown, setShown] = useState({ results: null, error: null, probability: null });
  useEffect(() => {
    let dropped = false;
    setShown({ results: null, error: null, probability: null });
    invoke("evaluate", { scenario: text, language, chart_width: 380 }).then(
      (results) => {
        if (dropped) return;
        setShown({ results, error: null, probability: null });
        invoke("simulate", { scenario: text, language, trials: REFINE_TRIALS }).then(
          (result) => dropped || setShown({ results, error: null, probability: result.probability_positive }),
          () => dropped || setShown({ results, error: null, probability: "—" }),
        );
      },
      (error) => dropped || setShown({ results: null, error: error?.message ?? String(error), probability: null }),
    );
    return () => {
      dropped = true;
    };
  }, [text, language]);
  const { results, error, probability } = shown;
  const figures = results && [
    ["results.extraCost", results.extra_cost, null],
    ["results.riskAvoided", results.risk_avoided, null],
    ["results.netBenefit", results.net_benefit, `compare-net-benefit-${index}`],
  ];
  return html`<section class="compare-column" data-testid=${`compare-column-${index}`}>
    <div class="compare-heading">
      <h3>${scenario.name ?? "—"}</h3>
      <button type="button" class="icon" title=${t("action.remove")} aria-label=${`${t("action.remove")} ${scenario.name ?? ""}`} onClick=${remove}>✕</button>
    </div>
    ${error && html`<p class="error">${error}</p>`}
    ${results && html`<p class="compare-headline">${results.headline}</p>
      <dl class="compare-figures">
        ${figures.map(([label, figure, testid]) => html`<dt>${t(label)}</dt>
          <dd class=${figure.negative ? "negative" : undefined} title=${figure.exact} data-testid=${testid ?? undefined}>${figure.compact}</dd>`)}
        <dt>${t("results.probability")}</dt>
        <dd class=${probability === null ? "refining" : undefined}>${probability ?? t("results.refining")}</dd>
        <dt>${t("results.breakEven")}</dt>
        <dd>${results.break_even}</dd>
      </dl>
      ${[["charts.cumulativeCost", results.cumulative_cost_svg], ["charts.risks", results.risk_bars_svg]].map(([caption, svg]) => html`<figure>
        <figcaption>${t(caption)}</figcaption>
        <div class="chart" dangerouslySetInnerHTML=${{ __html: svg }}></div>
      </figure>`)}`}
  </section>`;
}

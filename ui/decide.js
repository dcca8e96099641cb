// Decide: how far to move, how sure we are, what would change the answer, what to find out
// first, the board's appetite. Everything shown comes worded and drawn from Rust's
// `decide` command; a first quick pass, then the full one, each dropped when a newer valid
// scenario (or another language) is there to decide.
import { html, useEffect, useState } from "./vendor/preact-htm.js";
import { t } from "./i18n.js";
import { decimalText, shown } from "./decimals.js";

const { invoke } = window.__TAURI__.core;
const CURVE_MAX = 10;

// `evaluated`: the last scenario the model accepted, as text (what is decided);
// `scenario`: the one being edited (its tolerance curve is the table's); `problems`: the
// model's with it; `chooseShare(pct)` and `editAppetite(kind, mutate)` change the
// scenario through the app's undoable edits, one step each.
export function Decide({ active, scenario, evaluated, language, problems, chooseShare, editAppetite }) {
  const [shown, setShown] = useState({ result: null, key: null, failed: false });
  const key = active && evaluated ? `${language}\n${evaluated}` : null;
  useEffect(() => {
    if (!key) return undefined;
    let dropped = false;
    (async () => {
      try {
        for (const quick of [true, false]) {
          const result = await invoke("decide", { scenario: evaluated, language, quick });
          if (dropped) return;
          setShown({ result, key: quick ? null : key, failed: false });
        }
      } catch {
        if (!dropped) setShown((before) => ({ ...before, key, failed: true }));
      }
    })();
    return () => {
      dropped = true;
    };
  }, [key]);
  const { result, failed } = shown;
  const refining = key !== null && shown.key !== key;
  const stale = problems.length > 0 || failed;
  return html`
    <p id="decide-stale" class="stale-banner" role="status" hidden=${!stale}>${t("results.invalid")}</p>
    <div id="decide-problems" class="problems" role="alert" data-testid="decide-problems" hidden=${problems.length === 0}>
      ${problems.map((p) => html`<p>${p.field ? `${p.field} — ${p.message}` : p.message}</p>`)}
    </div>
    <div class=${stale ? "decide-body stale" : "decide-body"}>
      ${head(result, refining)}
      ${frontier(result, chooseShare)}
      <div class="decide-columns">
        <section aria-labelledby="decide-changes-title">
          <h2 id="decide-changes-title">${t("decide.changes")}</h2>
          <ul id="decide-break-evens" class="decide-list" data-testid="decide-break-evens">
            ${result?.break_evens.map((s) => html`<li>${s}</li>`)}
          </ul>
        </section>
        ${research(result)}
      </div>
    </div>
    ${appetite(scenario, language, result, editAppetite)}`;
}

function head(result, refining) {
  return html`<section class="decide-head" aria-live="polite">
    <div class="figures">
      <div class="figure"><p class="label">${t("decide.atValues")}</p>
        <p class="value" id="decide-optimal" data-testid="decide-optimal" data-share=${result?.optimal_at_values_pct}>${result?.optimal_at_values}</p></div>
      <div class="figure"><p class="label">${t("decide.underUncertainty")}</p>
        <p class="value" id="decide-optimal-uncertain" data-testid="decide-optimal-uncertain" data-share=${result?.optimal_under_uncertainty_pct}>${result?.optimal_under_uncertainty}</p></div>
      <div class="figure"><p class="label">${t("decide.probabilities")}</p>
        <p class="exact">${t("decide.byEvents")}${t("colon")}<strong id="decide-p-events" data-testid="decide-p-events">${result?.probability_events}</strong></p>
        <p class="exact">${t("decide.byAssumptions")}${t("colon")}<strong id="decide-p-assumptions" data-testid="decide-p-assumptions">${result?.probability_assumptions}</strong></p>
      </div>
    </div>
    <p id="decide-obligation" class="hint" data-testid="decide-obligation" hidden=${!result?.obligation}>${result?.obligation ?? ""}</p>
    <ul id="decide-summary" class="decide-summary" data-testid="decide-summary">${result?.summary.map((s) => html`<li>${s}</li>`)}</ul>
    <p class="hint">${t("decide.explainEvents")} ${t("decide.explainAssumptions")} <span id="decide-refining" class="refining" hidden=${!refining}>${t("results.refining")}</span></p>
  </section>`;
}

// The frontier as a chart (a click chooses the nearest share), as buttons (the keyboard's
// way to choose one) and as a table of figures (the chart's text alternative).
function frontier(result, chooseShare) {
  const shares = result?.shares ?? [];
  const appetite = shares.some((s) => s.within_appetite !== null);
  const columns = ["decide.share", "decide.netBenefit", "decide.mean", "decide.probabilityBest"];
  if (appetite) columns.push("decide.withinAppetite");
  const clicked = (event) => {
    const svg = event.currentTarget.querySelector("svg");
    const matrix = svg?.getScreenCTM();
    if (!matrix || !shares.length) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    let nearest = shares[0];
    for (const share of shares) {
      if (Math.abs(share.x - point.x) < Math.abs(nearest.x - point.x)) nearest = share;
    }
    chooseShare(nearest.share_pct);
  };
  return html`<figure class="decide-frontier">
    <figcaption>${t("decide.frontier")}</figcaption>
    <div id="decide-frontier" class="chart clickable" data-testid="decide-frontier" data-complete=${result ? String(result.complete) : undefined}
      onClick=${clicked} dangerouslySetInnerHTML=${{ __html: result?.frontier_svg ?? "" }}></div>
    <table class="visually-hidden" id="decide-frontier-table" data-testid="decide-frontier-table">
      <caption>${t("decide.frontier")}</caption>
      <tr>${columns.map((column) => html`<th scope="col">${t(column)}</th>`)}</tr>
      ${shares.map((s) => html`<tr>
        <td>${s.label}</td><td>${s.net_benefit}</td><td>${s.mean}</td><td>${s.probability_best}</td>
        ${appetite && html`<td>${t(s.within_appetite ? "decide.met" : "decide.exceeded")}</td>`}
      </tr>`)}
    </table>
    <div class="share-buttons" id="decide-shares" data-testid="decide-shares" role="group" title=${t("decide.chooseShare")} aria-label=${t("decide.chooseShare")}>
      ${shares.map((s) => html`<button type="button" class=${s.is_scenario ? "share current" : "share"}
        data-share=${s.share_pct} data-within-appetite=${s.within_appetite === null ? undefined : String(s.within_appetite)}
        aria-pressed=${String(s.is_scenario)} onClick=${() => chooseShare(s.share_pct)}
        title=${`${t("decide.netBenefit")} ${s.net_benefit} · ${t("decide.mean")} ${s.mean}${s.within_appetite === true ? ` · ${t("decide.withinAppetite")}` : ""}`}>
        ${s.within_appetite === true ? `${s.label} ✓` : s.label}</button>`)}
    </div>
  </figure>`;
}

function research(result) {
  return html`<section aria-labelledby="decide-research-title">
    <h2 id="decide-research-title">${t("decide.research")}</h2>
    <p class="hint">${t("decide.evpi")}${t("colon")}<strong id="decide-evpi" data-testid="decide-evpi">${result?.evpi}</strong> · ${t("decide.noiseFloor")} <span id="decide-floor">${result?.noise_floor}</span></p>
    <p id="decide-nothing" class="decide-nothing" data-testid="decide-nothing" hidden=${!result?.nothing_to_research}>${result?.nothing_to_research ?? ""}</p>
    <ol id="decide-research" class="research-bars" data-testid="decide-research">
      ${result?.research.map((r) => html`<li class=${r.distinguishable ? "research" : "research noise"}>
        <span class="research-label">${r.label}</span>
        <span class="research-bar">
          <span class="research-fill" style=${{ width: `${Math.max(1, Math.round(r.fraction * 100))}%` }}></span>
          <span class="research-floor" style=${{ left: `${Math.min(100, Math.round(r.floor_fraction * 100))}%` }} title=${t("decide.noiseFloor")}></span>
        </span>
        <span class="research-value">${r.distinguishable ? r.value : `${r.value} (${t("decide.noise")})`}</span>
        <span class="research-source">${r.source}</span>
      </li>`)}
    </ol>
  </section>`;
}

// The scenario's tolerance curve as an editable table, and the verdicts against it.
function appetite(scenario, language, result, editAppetite) {
  const curve = scenario?.risk_appetite?.tolerance_curve ?? [];
  const columns = [["loss_eur", "decide.lossEur"], ["max_probability_pct", "decide.maxProbability"]];
  const addPoint = () => editAppetite("add", (appetite) => {
    const points = appetite.tolerance_curve;
    const last = points[points.length - 1];
    // A larger loss, at most as likely: the curve stays valid.
    points.push(last
      ? { loss_eur: String(Number(last.loss_eur) * 10), max_probability_pct: String(last.max_probability_pct) }
      : { loss_eur: "10000000", max_probability_pct: "5" });
  });
  return html`<section class="decide-appetite" aria-labelledby="decide-appetite-title">
    <h2 id="decide-appetite-title">${t("decide.appetite")}</h2>
    <p class="hint">${t("decide.appetiteHint")}</p>
    <table class="appetite-table" data-testid="appetite-table">
      <thead><tr>${columns.map(([, label]) => html`<th scope="col">${t(label)}</th>`)}<th scope="col"><span class="visually-hidden">${t("decide.actions")}</span></th></tr></thead>
      <tbody id="appetite-rows">
        ${curve.map((point, index) => html`<tr key=${index}>
          ${columns.map(([column, label]) => html`<td><${PointInput} value=${point[column]} language=${language}
            aria-label=${`${t(label)} ${index + 1}`} data-testid=${`appetite-${column}-${index}`}
            onValue=${(value) => editAppetite("edit", (appetite) => {
              appetite.tolerance_curve[index][column] = value;
            })} /></td>`)}
          <td><button type="button" class="icon" aria-label=${`${t("action.remove")} ${index + 1}`}
            onClick=${() => editAppetite("remove", (appetite) => appetite.tolerance_curve.splice(index, 1))}>×</button></td>
        </tr>`)}
      </tbody>
    </table>
    <button type="button" id="appetite-add" data-testid="appetite-add" disabled=${curve.length >= CURVE_MAX} onClick=${addPoint}>${t("decide.addPoint")}</button>
    <div id="decide-appetite-result" data-testid="decide-appetite-result">${verdicts(result?.appetite, result)}</div>
  </section>`;
}

// A point of the curve, read when the user leaves it (one step of undo per value); a comma
// in French, as the editor shows decimals, read back with a point.
// What is typed stays as typed until then, whatever redraws the view meanwhile.
function PointInput({ value, language, onValue, ...attributes }) {
  const [typed, setTyped] = useState(null);
  const onChange = (event) => {
    setTyped(null);
    onValue(decimalText(event.currentTarget.value));
  };
  return html`<input ...${attributes} inputmode="decimal" value=${typed ?? shown(value, language)}
    onInput=${(event) => setTyped(event.currentTarget.value)} onChange=${onChange} />`;
}

function verdicts(appetite, result) {
  if (!result) return null;
  if (!appetite) return html`<p class="hint">${t("decide.noCurve")}</p>`;
  const verdict = (met) => t(met ? "decide.met" : "decide.exceeded");
  return html`<div class="chart" dangerouslySetInnerHTML=${{ __html: appetite.exceedance_svg }}></div>
    <p class="appetite-verdict" data-testid="appetite-verdict" data-public=${String(appetite.public_within)} data-hybrid=${String(appetite.hybrid_within)}>
      ${`${t("decide.public")}${t("colon")} ${verdict(appetite.public_within)} · ${t("decide.hybrid")}${t("colon")} ${verdict(appetite.hybrid_within)} · ${t("decide.bestWithin")}${t("colon")} ${appetite.best_within}`}</p>
    <ul class="decide-list">
      ${appetite.points.map((point) => html`<li>${`${point.limit}${t("colon")} ${t("decide.public")} ${point.public} ${verdict(point.public_met)}, ${t("decide.hybrid")} ${point.hybrid} ${verdict(point.hybrid_met)}`}</li>`)}
    </ul>`;
}

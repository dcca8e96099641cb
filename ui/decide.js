// Decide: how far to move, how sure we are, what would change the answer, what to find out
// first, the board's appetite. Everything shown comes worded and drawn from Rust's
// `decide` command; a first quick pass, then the full one, each cancelled by a newer edit.
import { t } from "./i18n.js";

const { invoke } = window.__TAURI__.core;

function byId(id) {
  return document.getElementById(id);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Decide {
  // `chooseShare(pct)` puts a share into the scenario; `editAppetite(kind, mutate)` changes
  // the scenario's tolerance curve (both through the app's undoable edits, one step each).
  constructor({ chooseShare, editAppetite }) {
    this.chooseShare = chooseShare;
    this.editAppetite = editAppetite;
    this.run = 0;
    this.shares = [];
    byId("decide-frontier").addEventListener("click", (event) => this.clicked(event));
    byId("appetite-add").addEventListener("click", () => this.addPoint());
  }

  showProblems(problems) {
    const box = byId("decide-problems");
    box.hidden = !problems.length;
    box.replaceChildren(...problems.map((p) => element("p", null, p.field ? `${p.field} — ${p.message}` : p.message)));
    byId("decide-stale").hidden = !problems.length;
    document.querySelector(".decide").classList.toggle("stale", problems.length > 0);
  }

  cancel() {
    this.run += 1;
    byId("decide-refining").hidden = true;
  }

  async refresh(scenario, language) {
    const run = ++this.run;
    this.language = language;
    const text = JSON.stringify(scenario);
    this.showCurve(scenario);
    byId("decide-refining").hidden = false;
    try {
      for (const quick of [true, false]) {
        const result = await invoke("decide", { scenario: text, language, quick });
        if (run !== this.run) return;
        this.show(result);
        this.showProblems([]);
      }
    } catch (error) {
      if (run !== this.run) return;
      byId("decide-stale").hidden = false;
      document.querySelector(".decide").classList.add("stale");
    } finally {
      if (run === this.run) byId("decide-refining").hidden = true;
    }
  }

  show(result) {
    this.shares = result.shares;
    const optimal = byId("decide-optimal");
    optimal.textContent = result.optimal_at_values;
    optimal.dataset.share = result.optimal_at_values_pct;
    const uncertain = byId("decide-optimal-uncertain");
    uncertain.textContent = result.optimal_under_uncertainty;
    uncertain.dataset.share = result.optimal_under_uncertainty_pct;
    byId("decide-p-events").textContent = result.probability_events;
    byId("decide-p-assumptions").textContent = result.probability_assumptions;
    const obligation = byId("decide-obligation");
    obligation.hidden = !result.obligation;
    obligation.textContent = result.obligation ?? "";
    byId("decide-summary").replaceChildren(...result.summary.map((s) => element("li", null, s)));
    byId("decide-frontier").innerHTML = result.frontier_svg;
    byId("decide-frontier").dataset.complete = String(result.complete);
    this.showShares(result.shares);
    byId("decide-break-evens").replaceChildren(...result.break_evens.map((s) => element("li", null, s)));
    byId("decide-evpi").textContent = result.evpi;
    byId("decide-floor").textContent = result.noise_floor;
    const nothing = byId("decide-nothing");
    nothing.hidden = !result.nothing_to_research;
    nothing.textContent = result.nothing_to_research ?? "";
    byId("decide-research").replaceChildren(...result.research.map((r) => this.researchBar(r)));
    this.showAppetite(result.appetite);
  }

  // The shares as buttons (the keyboard's way to choose one) and as a table of figures (the
  // chart's text alternative).
  showShares(shares) {
    const buttons = shares.map((s) => {
      // Within the board's appetite (when it has stated one): marked on the share itself.
      const label = s.within_appetite === true ? `${s.label} ✓` : s.label;
      const button = element("button", s.is_scenario ? "share current" : "share", label);
      if (s.within_appetite !== null) button.dataset.withinAppetite = String(s.within_appetite);
      button.type = "button";
      button.dataset.share = s.share_pct;
      button.setAttribute("aria-pressed", String(s.is_scenario));
      button.title = `${t("decide.netBenefit")} ${s.net_benefit} · ${t("decide.mean")} ${s.mean}${s.within_appetite === true ? ` · ${t("decide.withinAppetite")}` : ""}`;
      button.addEventListener("click", () => this.chooseShare(s.share_pct));
      return button;
    });
    byId("decide-shares").replaceChildren(...buttons);
    const head = element("tr");
    const appetite = shares.some((s) => s.within_appetite !== null);
    const columns = ["decide.share", "decide.netBenefit", "decide.mean", "decide.probabilityBest"];
    if (appetite) columns.push("decide.withinAppetite");
    for (const key of columns) {
      const cell = element("th", null, t(key));
      cell.scope = "col";
      head.append(cell);
    }
    const rows = shares.map((s) => {
      const row = element("tr");
      const texts = [s.label, s.net_benefit, s.mean, s.probability_best];
      if (appetite) texts.push(t(s.within_appetite ? "decide.met" : "decide.exceeded"));
      for (const text of texts) row.append(element("td", null, text));
      return row;
    });
    byId("decide-frontier-table").replaceChildren(element("caption", null, t("decide.frontier")), head, ...rows);
  }

  clicked(event) {
    const svg = byId("decide-frontier").querySelector("svg");
    if (!svg || !this.shares.length) return;
    const matrix = svg.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    let nearest = this.shares[0];
    for (const share of this.shares) {
      if (Math.abs(share.x - point.x) < Math.abs(nearest.x - point.x)) nearest = share;
    }
    this.chooseShare(nearest.share_pct);
  }

  researchBar(research) {
    const item = element("li", research.distinguishable ? "research" : "research noise");
    const label = element("span", "research-label", research.label);
    const bar = element("span", "research-bar");
    const fill = element("span", "research-fill");
    fill.style.width = `${Math.max(1, Math.round(research.fraction * 100))}%`;
    const floor = element("span", "research-floor");
    floor.style.left = `${Math.min(100, Math.round(research.floor_fraction * 100))}%`;
    floor.title = t("decide.noiseFloor");
    bar.append(fill, floor);
    const value = element("span", "research-value", research.distinguishable ? research.value : `${research.value} (${t("decide.noise")})`);
    const source = element("span", "research-source", research.source);
    item.append(label, bar, value, source);
    return item;
  }

  // The tolerance curve of the scenario, as an editable table.
  showCurve(scenario) {
    const curve = scenario?.risk_appetite?.tolerance_curve ?? [];
    const rows = curve.map((point, index) => {
      const row = element("tr");
      for (const [key, label] of [["loss_eur", "decide.lossEur"], ["max_probability_pct", "decide.maxProbability"]]) {
        const cell = element("td");
        const input = element("input");
        input.inputMode = "decimal";
        // A comma in French, as the editor shows decimals; read back with a point.
        const text = String(point[key]);
        input.value = this.language === "fr" ? text.replace(".", ",") : text;
        input.setAttribute("aria-label", `${t(label)} ${index + 1}`);
        input.dataset.testid = `appetite-${key}-${index}`;
        input.addEventListener("change", () => {
          const value = input.value.trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
          this.editAppetite("edit", (appetite) => {
            appetite.tolerance_curve[index][key] = value;
          });
        });
        cell.append(input);
        row.append(cell);
      }
      const remove = element("button", "icon", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", `${t("action.remove")} ${index + 1}`);
      remove.addEventListener("click", () => this.editAppetite("remove", (appetite) => {
        appetite.tolerance_curve.splice(index, 1);
      }));
      const cell = element("td");
      cell.append(remove);
      row.append(cell);
      return row;
    });
    byId("appetite-rows").replaceChildren(...rows);
    byId("appetite-add").disabled = curve.length >= 10;
  }

  addPoint() {
    this.editAppetite("add", (appetite) => {
      const curve = appetite.tolerance_curve;
      const last = curve[curve.length - 1];
      // A larger loss, at most as likely: the curve stays valid.
      curve.push(last
        ? { loss_eur: String(Number(last.loss_eur) * 10), max_probability_pct: String(last.max_probability_pct) }
        : { loss_eur: "10000000", max_probability_pct: "5" });
    });
  }

  showAppetite(appetite) {
    const box = byId("decide-appetite-result");
    if (!appetite) {
      box.replaceChildren(element("p", "hint", t("decide.noCurve")));
      return;
    }
    const chart = element("div", "chart");
    chart.innerHTML = appetite.exceedance_svg;
    const list = element("ul", "decide-list");
    for (const point of appetite.points) {
      const verdict = (met) => t(met ? "decide.met" : "decide.exceeded");
      list.append(element("li", null, `${point.limit}${t("colon")} ${t("decide.public")} ${point.public} ${verdict(point.public_met)}, ${t("decide.hybrid")} ${point.hybrid} ${verdict(point.hybrid_met)}`));
    }
    const verdicts = element("p", "appetite-verdict");
    verdicts.dataset.testid = "appetite-verdict";
    verdicts.dataset.public = String(appetite.public_within);
    verdicts.dataset.hybrid = String(appetite.hybrid_within);
    verdicts.textContent = `${t("decide.public")}${t("colon")} ${t(appetite.public_within ? "decide.met" : "decide.exceeded")} · ${t("decide.hybrid")}${t("colon")} ${t(appetite.hybrid_within ? "decide.met" : "decide.exceeded")} · ${t("decide.bestWithin")}${t("colon")} ${appetite.best_within}`;
    box.replaceChildren(chart, verdicts, list);
  }
}

// The scenario editor: every input of the scenario format, grouped as product.md says,
// with unit, range and source at hand. The fields, their labels, units and defaults are
// the model's form (`scenario_form`, drawn from its registry of assumptions); the editor
// edits the scenario object only, and the model says what is wrong with a value, at its path.
// Drawn as components: an edit redraws only what changed, so focus and typing stay put.
import { html, useMemo, useRef, useState } from "./vendor/preact-htm.js";
import { t } from "./i18n.js";
import { get, set } from "./paths.js";
import { ASSUMPTION_EXTRAS, layout, places, placeProblems } from "./layout.js";
import { decimalText, shown } from "./decimals.js";

const isAssumptionObject = (node) => node !== null && typeof node === "object" && !Array.isArray(node);

const idOf = (path) => `field-${path.replace(/[.[\]]+/g, "-").replace(/-$/, "")}`;

// The model writes "path (value "x"): message"; at the field, the message is enough.
function messageOnly(message) {
  const at = message.indexOf("): ");
  if (at >= 0) return message.slice(at + 3);
  return message.replace(/^[^:]*:\s*/, "");
}

// A text box that keeps what the user typed ("1 000", "22.5" in French) for as long as the
// scenario holds what that text means; anything else (undo, a new file) shows the scenario.
function TypedInput({ value, decimal, language, onText, ...attributes }) {
  const draft = useRef(null);
  const held = value === undefined || value === null ? "" : String(value);
  const typing = draft.current && draft.current.held === held && draft.current.language === language;
  if (!typing) draft.current = null;
  const text = typing ? draft.current.typed : decimal ? shown(value, language) : held;
  const onInput = (event) => {
    const typed = event.currentTarget.value;
    const meant = decimal ? decimalText(typed) : typed;
    draft.current = { typed, held: /^-?\d+$/.test(meant) ? String(Number(meant)) : meant, language };
    onText(typed);
  };
  return html`<input ...${attributes} value=${text} onInput=${onInput} />`;
}

// `form`: the model's groups in the user's language; `problems`: the model's, by path;
// `citations`: the full citations of the sources the scenario cites, as the model numbers
// them; `edit(key, mutate)`: the app records the step, applies `mutate`, re-evaluates.
export function Editor({ form, scenario, language, problems, citations, edit }) {
  const ui = useRef({ risks: new Set(), details: new Set(), problems: null }).current;
  const [, redraw] = useState(0);
  const tree = layout(form, scenario);
  const placed = placeProblems(problems, places(tree));
  // A collapsed risk with a problem opens when the problem is reported, so that it is seen.
  if (ui.problems !== problems) {
    ui.problems = problems;
    for (const node of tree.flatMap((group) => group.nodes).filter((n) => n.kind === "risks")) {
      node.rows.forEach((row, index) => {
        if ([...placed.at.keys()].some((path) => path === row.path || path.startsWith(`${row.path}.`))) ui.risks.add(index);
      });
    }
  }
  const choices = useMemo(() => formChoices(form), [form]);
  const draw = new Drawing({ ...choices, scenario, language, citations, edit, placed, ui, redraw: () => redraw((n) => n + 1) });
  return html`
    <div id="problems" class="problems" role="alert" data-testid="problems" hidden=${problems.length === 0}>
      <p>${t("results.invalid")}</p>
      ${placed.unplaced.map((p) => html`<p class="unplaced">${p.message}</p>`)}
    </div>
    <form id="fields" novalidate onSubmit=${(event) => event.preventDefault()}>
      ${tree.map((group) => html`
        <fieldset class="group"><legend>${group.title}</legend>${group.nodes.map((node) => draw.node(node))}</fieldset>`)}
    </form>`;
}

// The form's choices, once per form (a language): the risks' confidence levels serve every
// assumption's confidence; every choice's label is the form's.
function formChoices(form) {
  const fields = form.flatMap((group) => group.fields).flatMap((field) => [field, ...(field.fields ?? [])]);
  const risks = fields.find((field) => field.kind === "risks");
  return {
    confidences: risks?.fields.find((field) => field.path === "confidence")?.options ?? [{ value: "", label: "—" }],
    choiceLabels: new Map(fields.flatMap((field) => field.options ?? []).map((o) => [o.value, o.label])),
  };
}

// One drawing of the form: plain functions from the layout's nodes to elements.
class Drawing {
  constructor(context) {
    Object.assign(this, context);
  }

  choiceLabel(value) {
    return this.choiceLabels.get(value) ?? value;
  }

  problemsAt(path) {
    return this.placed.at.get(path) ?? [];
  }

  invalid(path, className) {
    return `${className}${this.problemsAt(path).length ? " invalid" : ""}`;
  }

  error(path, id) {
    const list = this.problemsAt(path);
    return html`<p class="error" id=${id && `${id}-error`} role="alert" data-testid=${id && `${id}-error`} hidden=${list.length === 0}>${list.map((p) => messageOnly(p.message)).join(" ")}</p>`;
  }

  node(node) {
    if (node.kind === "plans") return this.plans(node);
    if (node.kind === "ramp") return this.ramp(node);
    if (node.kind === "risks") return this.risks(node);
    return this.field(node);
  }

  field({ path, field: { kind, label, unit, fallback, options } }, { last = false, remove = null } = {}) {
    const node = get(this.scenario, path);
    const id = idOf(path);
    const labelNode = html`<label for=${id}>${label}</label>`;
    if (kind === "bool") {
      return html`<div class=${this.invalid(path, "field field-bool inline")} data-path=${path} key=${path}>
        <div class="row"><input id=${id} type="checkbox" data-testid=${id} checked=${node === true}
          onChange=${(event) => this.setPlain(path, event.currentTarget.checked)} />${labelNode}</div>
        ${this.error(path, id)}</div>`;
    }
    if (kind === "select") {
      return html`<div class=${this.invalid(path, "field field-select")} data-path=${path} key=${path}>
        ${labelNode}
        <div class="row"><select id=${id} data-testid=${id} value=${node ?? ""}
          onChange=${(event) => this.setPlain(path, event.currentTarget.value)}>
          ${options.map((option) => html`<option value=${option.value}>${option.label}</option>`)}
        </select>${unit && html`<span class="unit">${unit}</span>`}</div>
        ${this.error(path, id)}</div>`;
    }
    const assumption = kind === "assumption";
    const object = assumption && isAssumptionObject(node) ? node : null;
    const optional = fallback !== undefined && fallback !== null;
    const input = last
      ? html`<input id=${id} data-testid=${id} inputmode="decimal" readonly value="100" aria-describedby=${`${id}-hint ${id}-error`} />`
      : html`<${TypedInput} id=${id} data-testid=${id} key=${`${path}@`}
          inputmode=${kind === "text" ? undefined : "decimal"}
          class=${kind === "text" ? "wide" : undefined}
          placeholder=${optional ? shown(fallback, this.language) : undefined}
          aria-describedby=${`${id}-hint ${id}-error`}
          value=${object ? object.value : node} decimal=${kind !== "text"} language=${this.language}
          onText=${(typed) => this.onValue(path, kind, typed, optional)} />`;
    const open = this.ui.details.has(path);
    return html`<div class=${this.invalid(path, `field field-${kind}`)} data-path=${path} key=${path}>
      ${labelNode}
      <div class="row">${input}${unit && html`<span class="unit">${unit}</span>`}
        ${assumption && html`<button type="button" class="more" aria-expanded=${open ? "true" : "false"}
          aria-controls=${`${id}-more`} title=${t("action.rangeSource")}
          aria-label=${`${t("action.rangeSource")} — ${label}`}
          onClick=${() => this.toggleDetails(path)}>⋯</button>`}
        ${remove}</div>
      ${assumption && this.assumptionExtras(path, id, object ?? {}, open)}
      ${path === "migration.required_share_pct" && this.stateObligation()}
      ${this.error(path, id)}
      ${last && html`<p class="hint">${t("hint.rampLast")}</p>`}
    </div>`;
  }

  toggleDetails(path) {
    if (this.ui.details.has(path)) this.ui.details.delete(path);
    else this.ui.details.add(path);
    this.redraw();
  }

  // A State body's sensitive data must move (SREN art. 31): offered, never imposed.
  stateObligation() {
    const required = Number(get(this.scenario, "migration.required_share_pct") ?? 0);
    if (this.scenario?.organisation?.sector !== "state" || required > 0) return null;
    const moved = get(this.scenario, "migration.moved_share_pct");
    const share = isAssumptionObject(moved) ? moved.value : moved;
    return html`<p class="hint" data-testid="state-obligation">${t("state.offerRequired")}</p>
      <button type="button" data-testid="state-obligation-set" onClick=${() => this.edit(null, (scenario) => {
        scenario.version = 2;
        scenario.migration.required_share_pct = String(share);
        scenario.migration.required_share_source = t("state.source");
      })}>${t("state.setRequired")}</button>`;
  }

  onValue(path, kind, typed, optional) {
    this.edit(path, (scenario) => {
      if (kind === "text") return set(scenario, path, typed);
      const text = decimalText(typed);
      if (kind === "integer") {
        if (optional && text === "") return remove(scenario, path);
        // Sent as typed when not a whole number: the model says what is allowed.
        return set(scenario, path, /^-?\d+$/.test(text) ? Number(text) : text);
      }
      const node = get(scenario, path);
      if (optional && text === "" && !isAssumptionObject(node)) return remove(scenario, path);
      if (isAssumptionObject(node)) node.value = text;
      else set(scenario, path, text);
    });
  }

  setPlain(path, value) {
    this.edit(path, (scenario) => {
      const parts = path.split(".");
      if (parts.length > 1 && get(scenario, parts.slice(0, -1).join(".")) === undefined) {
        set(scenario, parts.slice(0, -1).join("."), {});
      }
      if (value === "" && path.endsWith("confidence")) remove(scenario, path);
      else set(scenario, path, value);
      // A risk's fields that only one kind of exposure has follow a change of exposure.
      if (path.endsWith(".exposure")) {
        const risk = get(scenario, parts.slice(0, -1).join("."));
        if (value === "introduced") {
          delete risk.trusted_multiplier;
          risk.scales_with_share ??= true;
        } else {
          delete risk.scales_with_share;
          delete risk.during_migration_only;
        }
      }
    });
  }

  // Range, source, date and confidence of an assumption: a line under the field, and the
  // editors behind a button so that the column stays readable.
  assumptionExtras(path, id, object, open) {
    const parts = [];
    if (object.low !== undefined) {
      parts.push(`${t("hint.range")} ${shown(object.low, this.language)} – ${shown(object.high, this.language)}`);
    }
    if (object.confidence) parts.push(this.choiceLabel(object.confidence));
    if (object.source) parts.push(`${t("hint.source")}${t("colon")}${object.source}`);
    if (parts.length === 0) parts.push(t("hint.noSource"));
    const hint = html`<p class="hint" id=${`${id}-hint`} title=${object.source ?? ""}>${parts.join(" · ")}</p>`;
    // A closed panel is drawn empty: most are closed, and each holds five inputs.
    if (!open) return html`${hint}<div class="more-panel" id=${`${id}-more`} hidden></div>`;
    const labels = { low: "field.low", high: "field.high", source: "field.source", source_date: "field.sourceDate", confidence: "field.confidence" };
    const extra = Object.fromEntries(ASSUMPTION_EXTRAS.map((key) => [key, this.extra(path, id, key, t(labels[key]), object[key])]));
    const cites = Array.isArray(object.cites) ? object.cites : [];
    return html`${hint}
      <div class="more-panel" id=${`${id}-more`}>
        <div class="extra-range">${extra.low}${extra.high}</div>
        ${extra.source}
        <div class="extra-range">${extra.source_date}${extra.confidence}</div>
        ${cites.length > 0 && html`<div class="extra extra-cites">
          <p class="cites-title" id=${`${id}-cites-title`}>${t("field.cites")}</p>
          <ol class="citations" id=${`${id}-cites`} aria-labelledby=${`${id}-cites-title`}>
            ${cites.map((cited) => {
              const citation = this.citations.get(cited);
              return html`<li>${citation ? `[${citation.number}] ${citation.text}` : cited}</li>`;
            })}
          </ol></div>`}
      </div>`;
  }

  extra(path, id, key, label, value) {
    const extraId = `${id}-${key}`;
    const at = `${path}.${key}`;
    const onText = (typed) => this.onExtra(path, key, typed);
    let input;
    if (key === "confidence") {
      input = html`<select id=${extraId} value=${value ?? ""} onChange=${(event) => onText(event.currentTarget.value)}>
        ${this.confidences.map((option) => html`<option value=${option.value}>${option.label}</option>`)}</select>`;
    } else if (key === "source") {
      input = html`<textarea id=${extraId} rows="3" value=${value ?? ""} onInput=${(event) => onText(event.currentTarget.value)}></textarea>`;
    } else {
      input = html`<${TypedInput} id=${extraId} key=${`${at}@`} value=${value} decimal=${key === "low" || key === "high"}
        language=${this.language} onText=${onText} />`;
    }
    return html`<div class=${this.invalid(at, `extra extra-${key}`)} data-path=${at}>
      <label for=${extraId}>${label}</label>${input}${this.error(at)}</div>`;
  }

  onExtra(path, key, typed) {
    this.edit(`${path}.${key}`, (scenario) => {
      let node = get(scenario, path);
      if (!isAssumptionObject(node)) {
        node = { value: node ?? "" };
        set(scenario, path, node);
      }
      const text = key === "low" || key === "high" ? decimalText(typed) : typed;
      if (text === "") delete node[key];
      else node[key] = text;
    });
  }

  plans({ path, field: { label, rows: [min, max] }, rows }) {
    return html`<div class=${this.invalid(path, "table")} data-path=${path} key=${path}>
      <h3>${label}</h3>
      ${rows.map((row, index) => html`<div class=${this.invalid(row.path, "row-card")} data-path=${row.path} key=${row.path}>
        ${row.nodes.map((node) => this.field(node))}
        ${this.error(row.path)}
        ${this.rowActions(path, index, rows.length, min, max, "plan")}
      </div>`)}
      ${this.addButton(rows.length, max, "action.addPlan", (scenario) => {
        get(scenario, path).push({ name: t("default.planName"), list_price_eur_per_user_month: "0", share_pct: "0" });
      })}
      ${this.error(path, idOf(path))}
    </div>`;
  }

  ramp({ path, field: { label, rows: [, max] }, rows }) {
    return html`<div class=${this.invalid(path, "table")} data-path=${path} key=${path}>
      <h3>${label}</h3>
      <p class="hint">${t("hint.ramp")}</p>
      ${rows.map((row, index) => this.field(row.nodes[0], {
        last: row.last,
        remove: !row.last && html`<button type="button" class="icon" title=${`${t("action.removeYear")} ${index + 1}`}
          aria-label=${`${t("action.removeYear")} ${index + 1}`}
          onClick=${() => this.edit(null, (s) => get(s, path).splice(index, 1))}>✕</button>`,
      }))}
      ${this.addButton(rows.length, max, "action.addYear", (scenario) => {
        const list = get(scenario, path);
        const before = list.length > 1 ? list[list.length - 2] : { value: "0" };
        const value = isAssumptionObject(before) ? before.value : before;
        list.splice(list.length - 1, 0, String(value));
      })}
      ${this.error(path, idOf(path))}
    </div>`;
  }

  risks({ path, field: { rows: [min, max] }, rows }) {
    const onToggle = (index) => (event) => {
      const open = event.currentTarget.open;
      if (open === this.ui.risks.has(index)) return;
      if (open) this.ui.risks.add(index);
      else this.ui.risks.delete(index);
      this.redraw();
    };
    // A closed risk is drawn as its summary alone (nine risks of nine fields each).
    return html`<div class=${this.invalid(path, "table")} data-path=${path} key=${path}>
      ${rows.map((row, index) => html`<details class=${this.invalid(row.path, "risk row-card")} data-path=${row.path}
          key=${row.path} open=${this.ui.risks.has(index)} onToggle=${onToggle(index)}>
        <summary><span class="risk-name">${row.risk.name || row.risk.id || "—"}</span><span class="risk-meta">${this.choiceLabel(row.risk.exposure)}</span></summary>
        ${this.ui.risks.has(index) && html`${row.nodes.map((node) => this.field(node))}
          ${this.error(row.path)}
          ${this.rowActions(path, index, rows.length, min, max, "risk")}`}
      </details>`)}
      ${this.addButton(rows.length, max, "action.addRisk", (scenario) => {
        const list = get(scenario, path);
        list.push({
          id: uniqueId(list, "risk"),
          name: t("default.riskName"),
          annual_rate: "0.1",
          loss_low_eur: "100000",
          loss_high_eur: "1000000",
          exposure: "sensitive_data",
          trusted_multiplier: "1",
        });
        this.ui.risks.add(list.length - 1);
      })}
      ${this.error(path, idOf(path))}
    </div>`;
  }

  rowActions(path, index, count, min, max, what) {
    const name = get(this.scenario, `${path}[${index}]`)?.name ?? `${index + 1}`;
    const duplicate = () => this.edit(null, (scenario) => {
      const list = get(scenario, path);
      const copy = structuredClone(list[index]);
      if (copy.id !== undefined) copy.id = uniqueId(list, copy.id);
      if (copy.name !== undefined) copy.name = `${copy.name} ${t("default.copySuffix")}`.slice(0, 200);
      // A duplicated plan starts at no share, so that the shares still add up.
      if (what === "plan") copy.share_pct = "0";
      list.splice(index + 1, 0, copy);
      if (what === "risk") this.ui.risks = new Set([index + 1]);
    });
    const removeRow = () => this.edit(null, (scenario) => {
      get(scenario, path).splice(index, 1);
      this.ui.risks = new Set();
    });
    return html`<div class="row-actions">
      <button type="button" disabled=${count >= max} aria-label=${`${t("action.duplicate")} ${name}`} onClick=${duplicate}>${t("action.duplicate")}</button>
      <button type="button" class="danger" disabled=${count <= min} aria-label=${`${t("action.remove")} ${name}`} onClick=${removeRow}>${t("action.remove")}</button>
    </div>`;
  }

  addButton(count, max, label, add) {
    return html`<button type="button" class="add" disabled=${count >= max} onClick=${() => this.edit(null, add)}>${t(label)}</button>`;
  }
}

function remove(scenario, path) {
  const parts = path.split(".");
  const last = parts.pop();
  const parent = get(scenario, parts.join("."));
  if (parent) delete parent[last];
  // An optional group left empty goes too (`simulation`).
  if (parts.length === 1 && parent && Object.keys(parent).length === 0) delete scenario[parts[0]];
}

function uniqueId(list, base) {
  const stem = base.replace(/_\d+$/, "").slice(0, 58) || "risk";
  for (let n = 2; ; n += 1) {
    const id = `${stem}_${n}`;
    if (!list.some((item) => item.id === id)) return id;
  }
}

// The scenario editor: every input of the scenario format, grouped as product.md says,
// with unit, range and source at hand. The fields, their labels, units and defaults are
// the model's form (`scenario_form`, drawn from its registry of assumptions); the editor
// edits the scenario object only, and the model says what is wrong with a value, at its path.
import { t } from "./i18n.js";
import { get, set, concerns } from "./paths.js";

const isAssumptionObject = (node) => node !== null && typeof node === "object" && !Array.isArray(node);

// Decimal text as the user reads it: a comma in French.
function shown(value, language) {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return language === "fr" && /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}

// What the user typed, as the model reads decimals: "22,5" → "22.5", spaces dropped.
function decimalText(typed) {
  const compact = typed.trim().replace(/[\s\u00a0\u202f]/g, "");
  return /^-?\d+,\d+$/.test(compact) ? compact.replace(",", ".") : compact;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

const idOf = (path) => `field-${path.replace(/[.[\]]+/g, "-").replace(/-$/, "")}`;

export class Editor {
  // `edit(key, mutate, structural)`: the app records the step, applies `mutate` to the
  // scenario, re-evaluates, and redraws the editor when `structural`.
  constructor(form, edit) {
    this.form = form;
    this.edit = edit;
    this.openRisks = new Set();
    this.openDetails = new Set();
    // id → { number, text }: the full citations of the sources the scenario cites, as the
    // model words and numbers them (the briefing's numbers).
    this.citations = new Map();
    this.groups = [];
    this.confidences = [{ value: "", label: "—" }];
    this.choiceLabels = new Map();
  }

  // The model's form in the user's language; its risks' confidence levels serve every
  // assumption's confidence too, and every choice's label is the form's.
  setForm(groups) {
    this.groups = groups;
    const fields = groups.flatMap((group) => group.fields).flatMap((field) => [field, ...(field.fields ?? [])]);
    const risks = fields.find((field) => field.kind === "risks");
    this.confidences = risks?.fields.find((field) => field.path === "confidence")?.options ?? this.confidences;
    this.choiceLabels = new Map(fields.flatMap((field) => field.options ?? []).map((o) => [o.value, o.label]));
  }

  choiceLabel(value) {
    return this.choiceLabels.get(value) ?? value;
  }

  showCitations(citations) {
    this.citations = new Map(citations.map((c) => [c.id, c]));
    for (const list of this.form.querySelectorAll("ol.citations")) this.fillCitations(list);
  }

  fillCitations(list) {
    const ids = list.dataset.cites.split(" ");
    list.replaceChildren(...ids.map((id) => {
      const citation = this.citations.get(id);
      return element("li", { text: citation ? `[${citation.number}] ${citation.text}` : id });
    }));
  }

  render(scenario, language) {
    this.scenario = scenario;
    this.language = language;
    const focused = document.activeElement?.id;
    const scroll = this.form.parentElement?.scrollTop ?? 0;
    this.form.replaceChildren(...this.groups.map((group) => this.group(group)));
    if (focused) document.getElementById(focused)?.focus();
    if (this.form.parentElement) this.form.parentElement.scrollTop = scroll;
  }

  group({ title, fields }) {
    const children = fields.map((field) => {
      if (field.kind === "plans") return this.plans(field);
      if (field.kind === "ramp") return this.ramp(field);
      if (field.kind === "risks") return this.risks(field);
      return this.field(field.path, field);
    });
    return element("fieldset", { className: "group" }, element("legend", { text: title }), ...children);
  }

  field(path, { kind, label, unit, fallback, options }) {
    const node = get(this.scenario, path);
    const id = idOf(path);
    const wrapper = element("div", { className: `field field-${kind}`, "data-path": path });
    const labelNode = element("label", { for: id, text: label });
    let input;
    if (kind === "select") {
      input = element("select", { id, "data-testid": id });
      for (const option of options) {
        input.append(element("option", { value: option.value, text: option.label }));
      }
      input.value = node ?? "";
      input.addEventListener("change", () => this.setPlain(path, input.value, true));
    } else if (kind === "bool") {
      input = element("input", { id, type: "checkbox", "data-testid": id });
      input.checked = node === true;
      input.addEventListener("change", () => this.setPlain(path, input.checked, false));
      wrapper.classList.add("inline");
      wrapper.append(element("div", { className: "row" }, input, labelNode));
      return this.finish(wrapper, id);
    } else {
      const value = kind === "assumption" && isAssumptionObject(node) ? node.value : node;
      input = element("input", {
        id,
        "data-testid": id,
        inputmode: kind === "text" ? null : "decimal",
        className: kind === "text" ? "wide" : null,
        placeholder: fallback !== undefined && fallback !== null ? shown(fallback, this.language) : null,
        "aria-describedby": `${id}-hint ${id}-error`,
      });
      input.value = kind === "text" ? (node ?? "") : shown(value, this.language);
      input.addEventListener("input", () => this.onValue(path, kind, input.value, fallback));
    }
    const row = element("div", { className: "row" }, input);
    if (unit) row.append(element("span", { className: "unit", text: unit }));
    wrapper.append(labelNode, row);
    if (kind === "assumption") this.assumptionExtras(wrapper, path, id, row);
    if (path === "migration.required_share_pct") this.offerStateObligation(wrapper);
    return this.finish(wrapper, id);
  }

  // A State body's sensitive data must move (SREN art. 31): offered, never imposed.
  offerStateObligation(wrapper) {
    const required = Number(get(this.scenario, "migration.required_share_pct") ?? 0);
    if (this.scenario?.organisation?.sector !== "state" || required > 0) return;
    const moved = get(this.scenario, "migration.moved_share_pct");
    const share = isAssumptionObject(moved) ? moved.value : moved;
    wrapper.append(element("p", { className: "hint", "data-testid": "state-obligation", text: t("state.offerRequired") }),
      element("button", {
        type: "button",
        text: t("state.setRequired"),
        "data-testid": "state-obligation-set",
        onclick: () => this.edit(null, (scenario) => {
          scenario.version = 2;
          scenario.migration.required_share_pct = String(share);
          scenario.migration.required_share_source = t("state.source");
        }, true),
      }));
  }

  finish(wrapper, id) {
    wrapper.append(element("p", { className: "error", id: `${id}-error`, role: "alert", "data-testid": `${id}-error`, hidden: true }));
    return wrapper;
  }

  onValue(path, kind, typed, fallback) {
    this.edit(path, (scenario) => {
      const optional = fallback !== undefined && fallback !== null;
      if (kind === "text") return set(scenario, path, typed);
      const text = decimalText(typed);
      if (kind === "integer") {
        if (optional && text === "") return this.remove(scenario, path);
        // Sent as typed when not a whole number: the model says what is allowed.
        return set(scenario, path, /^-?\d+$/.test(text) ? Number(text) : text);
      }
      const node = get(scenario, path);
      if (optional && text === "" && !isAssumptionObject(node)) return this.remove(scenario, path);
      if (isAssumptionObject(node)) node.value = text;
      else set(scenario, path, text);
    }, false);
  }

  remove(scenario, path) {
    const parts = path.split(".");
    const last = parts.pop();
    const parent = get(scenario, parts.join("."));
    if (parent) delete parent[last];
    // An optional group left empty goes too (`simulation`).
    if (parts.length === 1 && parent && Object.keys(parent).length === 0) delete scenario[parts[0]];
  }

  setPlain(path, value, structural) {
    this.edit(path, (scenario) => {
      const parts = path.split(".");
      if (parts.length > 1 && get(scenario, parts.slice(0, -1).join(".")) === undefined) {
        set(scenario, parts.slice(0, -1).join("."), {});
      }
      if (value === "" && path.endsWith("confidence")) this.remove(scenario, path);
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
    }, structural);
  }

  // Range, source, date and confidence of an assumption: a line under the field, and the
  // editors behind a button so that the column stays readable.
  assumptionExtras(wrapper, path, id, row) {
    const node = get(this.scenario, path);
    const object = isAssumptionObject(node) ? node : {};
    const parts = [];
    if (object.low !== undefined) {
      parts.push(`${t("hint.range")} ${shown(object.low, this.language)} – ${shown(object.high, this.language)}`);
    }
    if (object.confidence) parts.push(this.choiceLabel(object.confidence));
    if (object.source) parts.push(`${t("hint.source")}${t("colon")}${object.source}`);
    if (parts.length === 0) parts.push(t("hint.noSource"));
    const hint = element("p", { className: "hint", id: `${id}-hint`, text: parts.join(" · "), title: object.source ?? "" });
    const open = this.openDetails.has(path);
    const toggle = element("button", {
      type: "button",
      className: "more",
      "aria-expanded": open ? "true" : "false",
      "aria-controls": `${id}-more`,
      title: t("action.rangeSource"),
      "aria-label": `${t("action.rangeSource")} — ${wrapper.querySelector("label")?.textContent ?? ""}`,
      text: "⋯",
    });
    const panel = element("div", { className: "more-panel", id: `${id}-more`, hidden: !open });
    toggle.addEventListener("click", () => {
      const nowOpen = panel.hidden;
      panel.hidden = !nowOpen;
      toggle.setAttribute("aria-expanded", nowOpen ? "true" : "false");
      if (nowOpen) this.openDetails.add(path);
      else this.openDetails.delete(path);
    });
    row.append(toggle);
    const extra = (key, label, kind, options) => {
      const extraId = `${id}-${key}`;
      const value = object[key];
      let input;
      if (kind === "select") {
        input = element("select", { id: extraId });
        for (const option of options) {
          input.append(element("option", { value: option.value, text: option.label }));
        }
        input.value = value ?? "";
        input.addEventListener("change", () => this.onExtra(path, key, input.value));
      } else {
        input = element(kind === "long" ? "textarea" : "input", { id: extraId, rows: kind === "long" ? 3 : null });
        input.value = key === "low" || key === "high" ? shown(value, this.language) : (value ?? "");
        input.addEventListener("input", () => this.onExtra(path, key, input.value));
      }
      return element("div", { className: `extra extra-${key}`, "data-path": `${path}.${key}` },
        element("label", { for: extraId, text: t(label) }), input,
        element("p", { className: "error", role: "alert", hidden: true }));
    };
    panel.append(
      element("div", { className: "extra-range" }, extra("low", "field.low"), extra("high", "field.high")),
      extra("source", "field.source", "long"),
      element("div", { className: "extra-range" },
        extra("source_date", "field.sourceDate"),
        extra("confidence", "field.confidence", "select", this.confidences)),
    );
    if (Array.isArray(object.cites) && object.cites.length > 0) {
      const list = element("ol", { className: "citations", id: `${id}-cites`, "data-cites": object.cites.join(" ") });
      this.fillCitations(list);
      panel.append(element("div", { className: "extra extra-cites" },
        element("p", { className: "cites-title", id: `${id}-cites-title`, text: t("field.cites") }), list));
      list.setAttribute("aria-labelledby", `${id}-cites-title`);
    }
    wrapper.append(hint, panel);
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
    }, false);
  }

  plans({ path, label, rows: [min, max], fields }) {
    const plans = get(this.scenario, path) ?? [];
    const section = element("div", { className: "table", "data-path": path }, element("h3", { text: label }));
    plans.forEach((plan, index) => {
      const at = `${path}[${index}]`;
      const card = element("div", { className: "row-card", "data-path": at },
        ...fields.map((field) => this.field(`${at}.${field.path}`, field)),
        this.rowActions(path, index, plans.length, max, min, "plan"));
      section.append(card);
    });
    section.append(this.addButton(path, plans.length, max, "action.addPlan", (scenario) => {
      get(scenario, path).push({ name: t("default.planName"), list_price_eur_per_user_month: "0", share_pct: "0" });
    }));
    return this.finish(section, idOf(path));
  }

  ramp({ path, label, rows: [, max], fields: [year] }) {
    const ramp = get(this.scenario, path) ?? [];
    const section = element("div", { className: "table", "data-path": path },
      element("h3", { text: label }),
      element("p", { className: "hint", text: t("hint.ramp") }));
    ramp.forEach((_, index) => {
      const at = `${path}[${index}]`;
      const named = { ...year, label: `${year.label} ${index + 1}` };
      const last = index === ramp.length - 1;
      // The last year is 100 % by definition, with no range: shown, not edited.
      const field = this.field(at, last ? { ...named, kind: "integer" } : named);
      if (last) {
        const input = field.querySelector("input");
        input.readOnly = true;
        input.value = "100";
        field.append(element("p", { className: "hint", text: t("hint.rampLast") }));
      }
      if (!last) {
        field.querySelector(".row").append(element("button", {
          type: "button", className: "icon", title: `${t("action.removeYear")} ${index + 1}`,
          "aria-label": `${t("action.removeYear")} ${index + 1}`, text: "✕",
          onclick: () => this.edit(null, (s) => get(s, path).splice(index, 1), true),
        }));
      }
      section.append(field);
    });
    section.append(this.addButton(path, ramp.length, max, "action.addYear", (scenario) => {
      const list = get(scenario, path);
      const before = list.length > 1 ? list[list.length - 2] : { value: "0" };
      const value = isAssumptionObject(before) ? before.value : before;
      list.splice(list.length - 1, 0, String(value));
    }));
    return this.finish(section, idOf(path));
  }

  risks({ path, rows: [min, max], fields }) {
    const risks = get(this.scenario, path) ?? [];
    const section = element("div", { className: "table", "data-path": path });
    risks.forEach((risk, index) => {
      const at = `${path}[${index}]`;
      const details = element("details", { className: "risk row-card", "data-path": at, open: this.openRisks.has(index) });
      details.addEventListener("toggle", () => {
        if (details.open) this.openRisks.add(index);
        else this.openRisks.delete(index);
      });
      const summary = element("summary", {},
        element("span", { className: "risk-name", text: risk.name || risk.id || "—" }),
        element("span", { className: "risk-meta", text: this.choiceLabel(risk.exposure) }));
      details.append(summary);
      const introduced = risk.exposure === "introduced";
      for (const field of fields) {
        // Which of a risk's fields apply follows its exposure (model.md section 5).
        if (field.path === "trusted_multiplier" && introduced) continue;
        if ((field.path === "during_migration_only" || field.path === "scales_with_share") && !introduced) continue;
        details.append(this.field(`${at}.${field.path}`, field));
      }
      details.append(this.rowActions(path, index, risks.length, max, min, "risk"));
      section.append(details);
    });
    section.append(this.addButton(path, risks.length, max, "action.addRisk", (scenario) => {
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
      this.openRisks.add(list.length - 1);
    }));
    return this.finish(section, idOf(path));
  }

  rowActions(path, index, count, max, min, what) {
    const name = () => {
      const row = get(this.scenario, `${path}[${index}]`);
      return row?.name ?? `${index + 1}`;
    };
    const actions = element("div", { className: "row-actions" });
    actions.append(element("button", {
      type: "button", disabled: count >= max, text: t("action.duplicate"),
      "aria-label": `${t("action.duplicate")} ${name()}`,
      onclick: () => this.edit(null, (scenario) => {
        const list = get(scenario, path);
        const copy = structuredClone(list[index]);
        if (copy.id !== undefined) copy.id = uniqueId(list, copy.id);
        if (copy.name !== undefined) copy.name = `${copy.name} ${t("default.copySuffix")}`.slice(0, 200);
        // A duplicated plan starts at no share, so that the shares still add up.
        if (what === "plan") copy.share_pct = "0";
        list.splice(index + 1, 0, copy);
        if (what === "risk") this.openRisks = new Set([index + 1]);
      }, true),
    }));
    actions.append(element("button", {
      type: "button", className: "danger", disabled: count <= min, text: t("action.remove"),
      "aria-label": `${t("action.remove")} ${name()}`,
      onclick: () => this.edit(null, (scenario) => {
        get(scenario, path).splice(index, 1);
        this.openRisks = new Set();
      }, true),
    }));
    return actions;
  }

  addButton(path, count, max, label, add) {
    return element("button", {
      type: "button", className: "add", disabled: count >= max, text: t(label),
      onclick: () => this.edit(null, add, true),
    });
  }

  // Marks each field with the model's message for it; problems with no field of their
  // own (the shares of the plans, the file) are listed at the top.
  showProblems(problems, banner) {
    const unplaced = [];
    const places = [...this.form.querySelectorAll("[data-path]")];
    for (const problem of problems) {
      // The innermost element the problem concerns.
      const place = places.filter((p) => concerns(problem.field, p.dataset.path))
        .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0];
      if (place) (place.problems ??= []).push(problem);
      else unplaced.push(problem);
    }
    for (const place of places) {
      const list = place.problems ?? [];
      delete place.problems;
      place.classList.toggle("invalid", list.length > 0);
      const error = [...place.children].find((c) => c.classList.contains("error"));
      if (!error) continue;
      error.hidden = list.length === 0;
      error.textContent = list.map((p) => messageOnly(p.message)).join(" ");
    }
    // A collapsed risk with a problem opens, so that the message is seen.
    for (const risk of this.form.querySelectorAll("details.risk")) {
      if (risk.querySelector(".invalid")) risk.open = true;
    }
    banner.hidden = problems.length === 0;
    banner.replaceChildren(element("p", { text: t("results.invalid") }),
      ...unplaced.map((p) => element("p", { className: "unplaced", text: p.message })));
  }
}

function uniqueId(list, base) {
  const stem = base.replace(/_\d+$/, "").slice(0, 58) || "risk";
  for (let n = 2; ; n += 1) {
    const id = `${stem}_${n}`;
    if (!list.some((item) => item.id === id)) return id;
  }
}

// The model writes "path (value "x"): message"; at the field, the message is enough.
function messageOnly(message) {
  const at = message.indexOf("): ");
  if (at >= 0) return message.slice(at + 3);
  return message.replace(/^[^:]*:\s*/, "");
}

// The export dialog, Help → About and the yes-or-no question, drawn from the state like the
// views; their <dialog> elements stay in index.html (the browser's modality and Escape).
import { html } from "./vendor/preact-htm.js";
import { t } from "./i18n.js";

const MARKINGS = ["Diffusion restreinte", "Confidentiel", "Usage interne", "Restricted", "Internal"];

// `choices`: what the dialog asks, kept from one opening to the next (what to export, the
// marking, the date); `set` takes what the user changed.
export function ExportDialog({ choices, set, submit, cancel }) {
  const text = (name) => ({ value: choices[name], onInput: (event) => set({ [name]: event.currentTarget.value }) });
  const kind = (value, label) => html`<label class="check"><input type="radio" name="export-kind"
      id=${`export-kind-${value}`} data-testid=${`export-kind-${value}`} value=${value}
      checked=${choices.kind === value} onChange=${() => set({ kind: value })} /> <span>${label}</span></label>`;
  const submitted = (event) => {
    event.preventDefault();
    submit();
  };
  return html`<form method="dialog" id="export-form" onSubmit=${submitted}>
    <h2 id="export-title">${t("export.title")}</h2>
    <fieldset class="export-kind">
      <legend>${t("export.kind")}</legend>
      ${kind("briefing", t("export.kindBriefing"))}
      ${kind("workbook", t("export.kindWorkbook"))}
    </fieldset>
    <label for="export-language">${t("export.language")}</label>
    <select id="export-language" value=${choices.language} onChange=${(event) => set({ language: event.currentTarget.value })}>
      <option value="fr">Français</option><option value="en">English</option>
    </select>
    <div id="export-briefing-fields" hidden=${choices.kind !== "briefing"}>
      <label for="export-organisation">${t("export.organisation")}</label>
      <input id="export-organisation" maxlength="200" ...${text("organisation")} />
      <label for="export-marking">${t("export.marking")}</label>
      <input id="export-marking" list="markings" maxlength="120" ...${text("marking")} />
      <datalist id="markings">${MARKINGS.map((marking) => html`<option value=${marking}></option>`)}</datalist>
      <label for="export-date">${t("export.date")}</label>
      <input id="export-date" type="date" ...${text("date")} />
      <label class="check"><input id="export-open" type="checkbox" checked=${choices.openAfter}
        onChange=${(event) => set({ openAfter: event.currentTarget.checked })} /> <span>${t("export.openAfter")}</span></label>
    </div>
    <p class="hint">${t("export.hint")}</p>
    <div class="dialog-actions">
      <button type="button" id="export-cancel" onClick=${cancel}>${t("action.cancel")}</button>
      <button type="submit" id="export-confirm" class="primary">${t("export.confirm")}</button>
    </div>
  </form>`;
}

// `about`: the `about` command's answer.
export function About({ about, close, showOrientation }) {
  const libraries = [...(about.ui_libraries ?? []), ...(about.dependencies ?? [])];
  // The accessibility statement, in RGAA's sections.
  const statement = [
    [t("a11y.statusTitle"), t("a11y.status")],
    [t("a11y.testsTitle"), t("a11y.tests")],
    [t("a11y.limitsTitle"), t("a11y.limits")],
    [t("a11y.madeTitle"), t("a11y.made")],
    [t("a11y.contactTitle"), t("a11y.contact")],
    [t("a11y.remedyTitle"), t("a11y.remedy")],
  ];
  return html`<h2 id="about-title">${t("about.title")}</h2>
    <p id="about-version" data-testid="about-version">${`Bascule ${about.version} — ${t("about.model")} ${about.model_version}`}</p>
    <p>${t("about.offline")}</p>
    <p><button type="button" class="link" id="about-orientation" onClick=${showOrientation}>${t("about.orientation")}</button></p>
    <details>
      <summary id="about-fonts-title">${t("about.fonts")}</summary>
      <pre id="about-fonts" class="licence" tabindex="0" aria-labelledby="about-fonts-title">${about.fonts_licence}</pre>
    </details>
    <details>
      <summary id="about-dependencies-title" data-testid="about-dependencies-title">${`${t("about.dependencies")} (${libraries.length})`}</summary>
      <table class="licences">
        <thead><tr><th>${t("about.crate")}</th><th>${t("about.crateVersion")}</th><th>${t("about.licence")}</th></tr></thead>
        <tbody id="about-dependencies">${libraries.map((library) => html`<tr><td>${library.name}</td><td>${library.version}</td><td>${library.license}</td></tr>`)}</tbody>
      </table>
    </details>
    <details class="statement" data-testid="accessibility-statement">
      <summary>${t("about.a11y")}</summary>
      <p>${t("a11y.commitment")}</p>
      ${statement.map(([title, text]) => html`<h3>${title}</h3><p>${text}</p>`)}
    </details>
    <div class="dialog-actions">
      <button type="button" id="about-close" onClick=${close}>${t("action.close")}</button>
    </div>`;
}

// `question`: { text, yes }, the words of the question and of its "yes" button; the answer
// is the dialog's return value.
export function Confirm({ question }) {
  return html`<form method="dialog">
    <p id="confirm-text">${question.text}</p>
    <div class="dialog-actions">
      <button value="no">${t("action.cancel")}</button>
      <button value="yes" id="confirm-yes" class="primary" data-testid="confirm-yes">${question.yes}</button>
    </div>
  </form>`;
}

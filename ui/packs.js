// The library (recent files, imported packs, trusted publishers) and one pack's dialog: its
// standing as Rust decided it, and, for a newer pack of the publisher the scenario started
// from, what bringing the scenario up to it would change, before the user says yes.
import { html } from "./vendor/preact-htm.js";
import { t } from "./i18n.js";

const packLine = (pack) => `${pack.title} — ${pack.publisher}, ${t("pack.version")} ${pack.pack_version} (${t(`pack.status.${pack.status}`)})`;

function Links({ items, empty, testid }) {
  return html`<ul class="link-list" data-testid=${testid}>
    ${items.length === 0 && html`<li class="hint">${t(empty)}</li>`}
    ${items.map(({ text, open, extra }) => html`<li>
      ${open ? html`<button type="button" class="link" onClick=${open}>${text}</button>` : text}${extra}</li>`)}
  </ul>`;
}

// `library`: { recent, packs, trusted } as the commands returned them.
export function Library({ library, openRecent, showPack, forget, importPack, close }) {
  const { recent, packs, trusted } = library;
  return html`<h2 id="library-title">${t("library.title")}</h2>
    <h3>${t("library.recent")}</h3>
    <${Links} testid="recent-list" empty="library.noRecent" items=${recent.map((path) => ({ text: path, open: () => openRecent(path) }))} />
    <h3>${t("library.packs")}</h3>
    <${Links} testid="pack-list" empty="library.noPacks" items=${packs.map((pack) => ({ text: packLine(pack), open: () => showPack(pack) }))} />
    <button type="button" id="import-pack" data-testid="import-pack" onClick=${() => importPack()}>${t("action.importPack")}</button>
    <h3>${t("library.trusted")}</h3>
    <${Links} testid="trusted-list" empty="library.noTrusted" items=${trusted.map((publisher) => ({
      text: html`${publisher.name} — <code>${publisher.fingerprint}</code> `,
      extra: html`<button type="button" aria-label=${`${t("library.forget")} ${publisher.name}`} onClick=${() => forget(publisher)}>${t("library.forget")}</button>`,
    }))} />
    <div class="dialog-actions">
      <button type="button" id="library-close" onClick=${close}>${t("action.close")}</button>
    </div>`;
}

// `update`: null (nothing to offer), { error } (an update that cannot be made), or
// `bring_up_to_date`'s answer.
export function PackDialog({ pack, update, trust, apply, start, close }) {
  const offered = update && !update.error;
  return html`<h2 id="pack-title" data-testid="pack-title">${pack.title}</h2>
    <p id="pack-publisher">${pack.publisher} — ${t("pack.version")} ${pack.pack_version}, ${pack.published}</p>
    <p id="pack-status" class="pack-status" data-testid="pack-status" data-status=${pack.status}>
      ${pack.status === "verified" ? `${t("pack.status.verified")}${t("colon")}${pack.publisher}` : t(`pack.explain.${pack.status}`)}</p>
    <p id="pack-fingerprint" class="fingerprint" data-testid="pack-fingerprint" hidden=${!pack.fingerprint}>
      ${pack.fingerprint ? `${t("pack.fingerprint")}${t("colon")}${pack.fingerprint}` : ""}</p>
    <p id="pack-description" class="hint">${pack.description ?? ""}</p>
    <section id="pack-update" class="pack-update" data-testid="pack-update" aria-labelledby="pack-update-title" hidden=${!update}>
      ${update?.error && html`<h3 id="pack-update-title">${t("pack.update.impossible")}</h3>
        <p id="pack-update-sentence" data-testid="pack-update-sentence">${update.error}</p>`}
      ${offered && updateOffered(update)}
    </section>
    <div class="dialog-actions">
      ${offered && html`<button type="button" id="pack-update-apply" class="primary" data-testid="pack-update-apply" onClick=${apply}>${t("pack.update.apply")}</button>`}
      ${pack.status === "unknown_key" && html`<button type="button" id="pack-trust" data-testid="pack-trust" onClick=${trust}>${t("pack.trust")}</button>`}
      <button type="button" id="pack-start" class=${offered ? undefined : "primary"} data-testid="pack-start" onClick=${start}>${t("pack.start")}</button>
      <button type="button" id="pack-close" onClick=${close}>${t("action.close")}</button>
    </div>`;
}

// The SVG names itself; its figures follow it as a table (no role on the container, which
// would hide the table's disclosure inside an image).
function updateOffered(update) {
  const taken = update.report.changes.map((c) => `${c.label}${t("colon")}${c.text}`);
  const keptTitle = { 0: t("pack.update.keptNone"), 1: t("pack.update.keptOne") }[update.kept.length] ?? t("pack.update.kept", { n: update.kept.length });
  const notes = [];
  if (!update.supersedes) notes.push(t("pack.update.notSuperseding"));
  if (update.not_applied.length) notes.push(`${t("pack.update.notApplied")} ${update.not_applied.join(", ")}.`);
  const version = (v) => `${t("pack.version")} ${v}`;
  return html`<h3 id="pack-update-title">${t("pack.update.title", { from: update.from_version, to: update.to_version })}</h3>
    <p id="pack-update-sentence" data-testid="pack-update-sentence">${update.report.sentence}</p>
    <div id="pack-update-chart" class="chart" dangerouslySetInnerHTML=${{ __html: update.bridge_svg }}></div>
    <h4>${t("pack.update.taken")}</h4>
    <ul id="pack-update-taken" data-testid="pack-update-taken">${(taken.length ? taken : [t("pack.update.none")]).map((text) => html`<li>${text}</li>`)}</ul>
    <h4 id="pack-update-kept-title" data-testid="pack-update-kept-title">${keptTitle}</h4>
    <ul id="pack-update-kept" data-testid="pack-update-kept">${update.kept.map((k) => html`<li>${`${k.label}${t("colon")}${t("pack.update.yours")} ${k.yours} (${version(update.from_version)} ${k.old_pack}, ${version(update.to_version)} ${k.new_pack})`}</li>`)}</ul>
    <p id="pack-update-not-applied" class="hint">${notes.join(" ")}</p>`;
}

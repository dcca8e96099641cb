// The UI's own words, from i18n/fr.json and i18n/en.json (what Rust writes comes worded).
const words = { current: {} };

export async function loadWords(language) {
  const response = await fetch(`i18n/${language}.json`);
  words.current = await response.json();
}

// A sentence with placeholders gets its values by name: t("pack.update.title", { from, to }).
export function t(key, values) {
  const text = words.current[key] ?? key;
  return values ? text.replace(/\{(\w+)\}/g, (all, name) => String(values[name] ?? all)) : text;
}

export function translatePage(language) {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll("[data-i18n-title]")) {
    element.title = t(element.dataset.i18nTitle);
    element.setAttribute("aria-label", t(element.dataset.i18nTitle));
  }
}

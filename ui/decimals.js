// Decimals as the user reads and types them: a comma in French; the model reads a point.

// Decimal text as the user reads it: a comma in French.
export function shown(value, language) {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return language === "fr" && /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}

// What the user typed, as the model reads decimals: "22,5" → "22.5", spaces dropped.
export function decimalText(typed) {
  const compact = typed.trim().replace(/[\s\u00a0\u202f]/g, "");
  return /^-?\d+,\d+$/.test(compact) ? compact.replace(",", ".") : compact;
}

// Which inputs the form shows for a scenario, by path: the editor draws this tree, and the
// model's problems are placed on it (each at the innermost input it concerns).
import { get, concerns } from "./paths.js";

// An assumption's range, source, date and confidence, edited behind its "⋯" button.
export const ASSUMPTION_EXTRAS = ["low", "high", "source", "source_date", "confidence"];

// The model's form (groups of fields) laid over one scenario: tables get one row per entry.
export function layout(groups, scenario) {
  return groups.map(({ title, fields }) => ({ title, nodes: fields.map((field) => node(field, scenario)) }));
}

function node(field, scenario) {
  const { kind, path } = field;
  const entries = get(scenario, path) ?? [];
  if (kind === "plans") {
    return { kind, path, field, rows: entries.map((_, index) => row(`${path}[${index}]`, field.fields)) };
  }
  if (kind === "risks") {
    return {
      kind, path, field,
      rows: entries.map((risk, index) => ({ ...row(`${path}[${index}]`, applying(field.fields, risk)), risk })),
    };
  }
  if (kind === "ramp") {
    const [year] = field.fields;
    return {
      kind, path, field,
      rows: entries.map((_, index) => {
        const last = index === entries.length - 1;
        const named = { ...year, label: `${year.label} ${index + 1}` };
        // The last year is 100 % by definition, with no range: shown, not edited.
        return { path: `${path}[${index}]`, last, nodes: [{ kind: "field", path: `${path}[${index}]`, field: last ? { ...named, kind: "integer" } : named }] };
      }),
    };
  }
  return { kind: "field", path, field };
}

function row(path, fields) {
  return { path, nodes: fields.map((field) => ({ kind: "field", path: `${path}.${field.path}`, field })) };
}

// Which of a risk's fields apply follows its exposure (model.md section 5).
function applying(fields, risk) {
  const introduced = risk.exposure === "introduced";
  return fields.filter((field) => {
    if (field.path === "trusted_multiplier") return !introduced;
    if (field.path === "during_migration_only" || field.path === "scales_with_share") return introduced;
    return true;
  });
}

// Every path of the tree that can carry a problem: tables, their rows, fields and the
// assumptions' extras.
export function places(tree) {
  const paths = new Set();
  const visit = (item) => {
    paths.add(item.path);
    if (item.kind === "field" && item.field.kind === "assumption") {
      for (const key of ASSUMPTION_EXTRAS) paths.add(`${item.path}.${key}`);
    }
    for (const entry of item.rows ?? []) {
      paths.add(entry.path);
      entry.nodes.forEach(visit);
    }
  };
  for (const group of tree) group.nodes.forEach(visit);
  return [...paths];
}

// Each problem at the innermost place it concerns; those with no place (the shares of the
// plans, the file) are listed above the form.
export function placeProblems(problems, paths) {
  const at = new Map();
  const unplaced = [];
  for (const problem of problems) {
    const place = paths.filter((path) => concerns(problem.field, path))
      .sort((a, b) => b.length - a.length)[0];
    if (place === undefined) unplaced.push(problem);
    else at.set(place, [...(at.get(place) ?? []), problem]);
  }
  return { at, unplaced };
}

// Paths into the scenario as the model names them: `public_suite.plans[0].share_pct`.

export function tokens(path) {
  return path.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function get(object, path) {
  return tokens(path).reduce((node, key) => node?.[key], object);
}

export function set(object, path, value) {
  const keys = tokens(path);
  const last = keys.pop();
  const parent = keys.reduce((node, key) => node[key], object);
  parent[last] = value;
}

// Does the model's problem at `field` belong to the input at `path`?
export function concerns(field, path) {
  return field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
}

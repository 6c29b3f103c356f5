const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const MAX_INDEX = 200;
/** The deepest field any form has is four names (`profile.capabilities.0.title`). */
const MAX_DEPTH = 8;

type Node = Record<string, unknown> | unknown[];

/**
 * Turns flat form fields with dotted names (`profile.capabilities.0.title`) into nested objects
 * and arrays, for zod to validate. Holes in arrays (a removed row) are closed; prototype keys,
 * absurd indices and names nested deeper than MAX_DEPTH are ignored, so a hostile form cannot pollute objects or allocate huge arrays.
 */
export function parseNestedForm(formData: FormData, prefix?: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const parts = key.split(".");
    if (prefix) {
      if (parts[0] !== prefix) continue;
      parts.shift();
    }
    if (parts.length === 0 || parts.length > MAX_DEPTH || parts.some((p) => p === "" || UNSAFE_KEYS.has(p))) continue;
    if (parts.some((p) => /^\d+$/.test(p) && Number(p) > MAX_INDEX)) continue;
    let node: Node = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      const last = i === parts.length - 1;
      const container = node as Record<string, unknown>;
      if (last) {
        container[part] = value;
        break;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1] as string);
      const existing = container[part];
      if (typeof existing !== "object" || existing === null) {
        container[part] = nextIsIndex ? [] : {};
      }
      node = container[part] as Node;
    }
  }
  return compact(root) as Record<string, unknown>;
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

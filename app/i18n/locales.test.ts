import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "~/audit/audit-actions";

import en from "./locales/en";
import nl from "./locales/nl";

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, inner]) => ({ ...all, ...flatten(inner, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

describe("translations", () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it("have the same keys in Dutch and English", () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(dutch).sort());
  });

  it("have no empty strings", () => {
    const empty = Object.entries({ ...dutch, ...english }).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it("use the same interpolation variables in both languages", () => {
    const vars = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(dutch).filter(
      (key) => JSON.stringify(vars(dutch[key] ?? "")) !== JSON.stringify(vars(english[key] ?? "")),
    );
    expect(mismatched).toEqual([]);
  });

  it("name every audit action, so the audit log never shows a bare code", () => {
    const missing = AUDIT_ACTIONS.map((a) => `audit.actions.${a.replaceAll(".", "_")}`).filter(
      (key) => !dutch[key] || !english[key],
    );
    expect(missing).toEqual([]);
  });
});

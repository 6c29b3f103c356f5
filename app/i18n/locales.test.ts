import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

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

describe("translation keys in the source", () => {
  // Typed `t` and `TranslationKey` check the keys the code names; schema messages travel as plain
  // strings (zod) and reach `t` through `asKey`: every file that uses zod is read for them.
  const dutch = flatten(nl);
  const known = new Set(Object.keys(dutch).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")));
  const namespaces = new Set(Object.keys(nl));
  const files = readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter(
      (f) => /\.(ts|tsx)$/.test(f) && !f.includes("generated") && !f.includes("locales") && !f.endsWith(".test.ts"),
    )
    .map((f) => join("app", f))
    .filter((f) => /from "zod"/.test(readFileSync(f, "utf8")));

  it("exist in the translation files", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)["'`]/g)) {
        if (!key || !namespaces.has(key.split(".")[0] ?? "")) continue;
        if ((AUDIT_ACTIONS as readonly string[]).includes(key) || /\.\d+\./.test(key)) continue; // audit codes, field paths
        if (!known.has(key) && !Object.keys(dutch).some((k) => k.startsWith(`${key}.`)))
          missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

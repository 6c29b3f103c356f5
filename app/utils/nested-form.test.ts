import { describe, expect, it } from "vitest";

import { parseNestedForm } from "./nested-form";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("parseNestedForm", () => {
  it("builds objects and arrays from dotted names", () => {
    const result = parseNestedForm(
      form([
        ["profile.mission", "Wij doen"],
        ["profile.capabilities.0.title", "A"],
        ["profile.capabilities.0.explanation", "a"],
        ["profile.capabilities.1.title", "B"],
        ["profile.reachability.officeHours", "9-17"],
        ["intent", "save"],
      ]),
      "profile",
    );
    expect(result).toEqual({
      mission: "Wij doen",
      capabilities: [{ title: "A", explanation: "a" }, { title: "B" }],
      reachability: { officeHours: "9-17" },
    });
  });

  it("closes holes left by removed rows", () => {
    const result = parseNestedForm(
      form([
        ["limits.0.title", "A"],
        ["limits.3.title", "D"],
      ]),
    );
    expect(result).toEqual({ limits: [{ title: "A" }, { title: "D" }] });
  });

  it("ignores prototype keys and absurd indices", () => {
    const result = parseNestedForm(
      form([
        ["__proto__.admin", "true"],
        ["a.constructor.prototype.x", "1"],
        ["limits.99999999.title", "x"],
        ["ok", "1"],
      ]),
    );
    expect(result).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("lets a later scalar not turn into an object and vice versa without throwing", () => {
    expect(() =>
      parseNestedForm(
        form([
          ["a", "1"],
          ["a.b", "2"],
        ]),
      ),
    ).not.toThrow();
  });

  it("ignores field names nested deeper than any form has, however deep", () => {
    const deep = Array.from({ length: 20_000 }, () => "a").join(".");
    const result = parseNestedForm(
      form([
        [deep, "x"],
        ["profile.capabilities.0.title", "Huisbezoek"],
      ]),
    );
    expect(result).toEqual({ profile: { capabilities: [{ title: "Huisbezoek" }] } });
  });
});

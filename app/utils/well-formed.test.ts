import { describe, expect, it } from "vitest";

import { malformedTextPaths } from "./well-formed";

describe("malformedTextPaths", () => {
  it("finds lone surrogates and replacement characters wherever they are", () => {
    expect(
      malformedTextPaths({ a: "goed 👪", b: ["x", "\ud800"], c: { d: "\uFFFD" }, e: 3, f: "\udc00\ud800" }),
    ).toEqual([["b", 1], ["c", "d"], ["f"]]);
  });

  it("accepts well-formed text, emoji and accents included", () => {
    expect(malformedTextPaths({ text: "Café-overleg 👨‍👩‍👧 één keer" })).toEqual([]);
  });
});

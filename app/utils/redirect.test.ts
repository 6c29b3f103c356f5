import { describe, expect, it } from "vitest";

import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it.each([
    ["/organisaties", "/organisaties"],
    ["/overleggen/42?tab=agenda#punt-3", "/overleggen/42?tab=agenda#punt-3"],
    ["/", "/"],
  ])("keeps the same-site path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "//evil.example/login",
    "https://evil.example/",
    "http:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\u0000//evil.example",
    "/%0a//evil.example".replace("%0a", "\n"),
    "organisaties",
    "",
    null,
    undefined,
  ])("falls back to / for %j", (input) => {
    expect(safeRedirect(input)).toBe("/");
  });

  // Dot segments are resolved by the URL parser: a path that only becomes protocol-relative after
  // that ("/..//evil.example" → "//evil.example") must be refused too.
  it.each([
    "/..//evil.example",
    "/.//evil.example",
    "/a/../..//evil.example",
    "/.%2e//evil.example",
    "/%2e%2e//evil.example",
    "/x/%2E%2E/%2E%2E//evil.example/",
  ])("refuses %j, which normalises to another host", (input) => {
    const target = safeRedirect(input);
    expect(target).toBe("/");
    expect(new URL(target, "https://actie-overleg.example").host).toBe("actie-overleg.example");
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//evil.example", "/login")).toBe("/login");
  });
});

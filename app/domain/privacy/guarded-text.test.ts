import { describe, expect, it } from "vitest";
import { z } from "zod";

import { fieldErrorsFrom } from "~/utils/form-errors";

import { guardedText } from "./guarded-text";

const schema = z.object({ description: guardedText(500, { now: () => new Date("2026-11-28T10:00:00Z") }) });

describe("guardedText", () => {
  it("accepts text without identifiers, trimmed", () => {
    expect(schema.parse({ description: "  Gezin, 2 kinderen (4 en 7).  " })).toEqual({
      description: "Gezin, 2 kinderen (4 en 7).",
    });
  });

  it("refuses a BSN with a translation key and the match, mapped to the field", () => {
    const result = schema.safeParse({ description: "Moeder heeft bsn 123456782." });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrorsFrom(result.error.issues)).toEqual({
      description: { key: "privacy.found.bsn", values: { match: "123456782" } },
    });
  });

  it("still enforces the length limit", () => {
    const result = schema.safeParse({ description: "x".repeat(501) });
    expect(result.success ? null : fieldErrorsFrom(result.error.issues)).toEqual({
      description: { key: "validation.tooLong", values: { limit: 500 } },
    });
  });
});

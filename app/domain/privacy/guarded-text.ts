import { z } from "zod";

import { findIdentifiers, type IdentifierKind } from "./identifier-guard";

type GuardedTextOptions = {
  now?: () => Date;
  /** Kinds this field may hold (a meeting's location may name the venue's street). */
  allow?: readonly IdentifierKind[];
};

/**
 * Free text that may not contain direct identifiers. Each finding becomes an issue whose message
 * is a translation key (`privacy.found.<kind>`) with the matched text as `match`, so the form can
 * say exactly what was found; the typed text itself is left untouched for the user to correct.
 */
export function guardedText(max: number, options: GuardedTextOptions = {}) {
  return z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .superRefine((text, ctx) => {
      const first = findIdentifiers(text, { now: options.now?.(), allow: options.allow })[0];
      if (first) {
        ctx.addIssue({ code: "custom", message: `privacy.found.${first.kind}`, params: { match: first.match } });
      }
    });
}

/** A required guarded text. */
export function requiredGuardedText(max: number, options: GuardedTextOptions = {}) {
  return guardedText(max, options).pipe(z.string().min(1, "validation.required"));
}

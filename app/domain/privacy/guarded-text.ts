import { z } from "zod";

import { findIdentifiers } from "./identifier-guard";

/**
 * Free text that may not contain direct identifiers. Each finding becomes an issue whose message
 * is a translation key (`privacy.found.<kind>`) with the matched text as `match`, so the form can
 * say exactly what was found; the typed text itself is left untouched for the user to correct.
 */
export function guardedText(max: number, now?: () => Date) {
  return z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .superRefine((text, ctx) => {
      const first = findIdentifiers(text, now?.())[0];
      if (first) {
        ctx.addIssue({ code: "custom", message: `privacy.found.${first.kind}`, params: { match: first.match } });
      }
    });
}

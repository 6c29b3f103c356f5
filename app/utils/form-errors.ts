import type { z } from "zod";

import type { TranslationKey } from "~/i18n/keys";
import { asKey } from "~/i18n/keys";

/** A field error as a translation key with its values, translated where it is shown. */
export type FieldError = { key: TranslationKey; values?: Record<string, string | number> };
export type FormErrors = Record<string, FieldError>;

/**
 * Maps zod issues to errors per field path (`profile.capabilities.2.title`): the first issue of a
 * field wins. Messages in the schemas are translation keys; limits travel along as values.
 */
export function fieldErrorsFrom(issues: z.core.$ZodIssue[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (errors[path]) continue;
    const values: Record<string, string | number> = {};
    if (issue.code === "too_big" || issue.code === "too_small") {
      const limit = issue.code === "too_big" ? issue.maximum : issue.minimum;
      values.limit = typeof limit === "bigint" ? Number(limit) : limit;
    }
    if (issue.code === "custom" && issue.params) {
      for (const [name, value] of Object.entries(issue.params)) {
        if (typeof value === "string" || typeof value === "number") values[name] = value;
      }
    }
    // Schema messages are translation keys (a unit test checks every one exists).
    const key =
      issue.message.includes(".") && !issue.message.includes(" ") ? asKey(issue.message) : "validation.invalid";
    errors[path] = { key, values };
  }
  return errors;
}

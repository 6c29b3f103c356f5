import { z } from "zod";

import { guardedText } from "~/domain/privacy/guarded-text";

const required = (max: number) => guardedText(max).pipe(z.string().min(1, "validation.required"));

/** An amendment to approved minutes: what changes, and why. */
export const amendmentSchema = z.object({
  agendaItemId: z.string().max(64).default(""),
  change: required(1000),
  reason: required(500),
});

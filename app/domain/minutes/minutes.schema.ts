import { z } from "zod";

import { requiredGuardedText } from "~/domain/privacy/guarded-text";

/** An amendment to approved minutes: what changes, and why. */
export const amendmentSchema = z.object({
  agendaItemId: z.string().max(64).default(""),
  change: requiredGuardedText(1000),
  reason: requiredGuardedText(500),
});

import { z } from "zod";

import { requiredGuardedText } from "~/domain/privacy/guarded-text";

export const RISK_LEVELS = ["ACUTE", "HIGH", "ELEVATED", "LOW"] as const;

/** A new case: only the minimum the table needs, checked for direct identifiers. */
export const newCaseSchema = z.object({
  region: requiredGuardedText(100),
  description: requiredGuardedText(500),
  riskLevel: z.enum(RISK_LEVELS, { error: "validation.choose" }),
});

export type NewCase = z.infer<typeof newCaseSchema>;

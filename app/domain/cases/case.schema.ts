import { z } from "zod";

import { guardedText } from "~/domain/privacy/guarded-text";

export const RISK_LEVELS = ["ACUTE", "HIGH", "ELEVATED", "LOW"] as const;

/** A new case: only the minimum the table needs, checked for direct identifiers. */
export const newCaseSchema = z.object({
  region: z.string().trim().min(1, "validation.required").max(100, "validation.tooLong"),
  description: guardedText(500).pipe(z.string().min(1, "validation.required")),
  riskLevel: z.enum(RISK_LEVELS, { error: "validation.choose" }),
});

export type NewCase = z.infer<typeof newCaseSchema>;

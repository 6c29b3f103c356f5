import { z } from "zod";

import { guardedText, requiredGuardedText } from "~/domain/privacy/guarded-text";

export const URGENCIES = ["ROUTINE", "URGENT"] as const;
export const TRIAGE_OUTCOMES = ["TO_MEETING", "OTHER_TABLE", "RETURNED", "NO_ACTION"] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

const id = z.string().min(1).max(64);
const caseReference = z
  .string()
  .trim()
  .regex(/^AO-\d{4}-\d{4,}$/, "validation.caseReference");

/**
 * A referral: which case, the question to the table, why this table (at least one of the region's
 * criteria), who should sit at it, how urgent, and whether the people concerned were told — or why
 * not. Every text goes through the identifier guard.
 */
export const referralSchema = z
  .object({
    caseReference,
    question: requiredGuardedText(500),
    criterionIds: z.array(id).min(1, "referrals.errors.criterionRequired").max(30, "validation.tooMany"),
    partnerOrganisationIds: z.array(id).min(1, "referrals.errors.partnerRequired").max(30, "validation.tooMany"),
    urgency: z.enum(URGENCIES, { error: "validation.choose" }),
    informed: z.enum(["yes", "no"], { error: "referrals.errors.informedRequired" }),
    notInformedReason: guardedText(500),
    /** A closed case this one follows on (optional; its reference, nothing else). */
    earlierCaseReference: z
      .string()
      .trim()
      .max(30, "validation.caseReference")
      .refine((v) => v === "" || /^AO-\d{4}-\d{4,}$/.test(v), "validation.caseReference")
      .optional()
      .transform((v) => v ?? ""),
  })
  .superRefine((value, ctx) => {
    if (value.informed === "no" && !value.notInformedReason)
      ctx.addIssue({ code: "custom", path: ["notInformedReason"], message: "referrals.errors.notInformedReason" });
  });
export type ReferralInput = Omit<z.infer<typeof referralSchema>, "earlierCaseReference"> & {
  earlierCaseReference?: string;
};

const reason = requiredGuardedText(500);
const timebox = z.coerce.number().int().min(5, "validation.tooShort").max(120, "validation.tooLong");

/** Triage decides, always with a reason: to a meeting (with its table), another table, back with advice, or no action. */
export const triageSchema = z.discriminatedUnion(
  "outcome",
  [
    z.object({
      outcome: z.literal("TO_MEETING"),
      /** Empty for a proposal (its meeting is known); a referral without one is refused by triage. */
      meetingId: z.string().max(64),
      tableOrganisationIds: z.array(id).min(1, "validation.required").max(30, "validation.tooMany"),
      timeboxMinutes: timebox,
      reason,
    }),
    z.object({ outcome: z.literal("OTHER_TABLE"), otherTable: requiredGuardedText(200), reason }),
    z.object({ outcome: z.literal("RETURNED"), reason }),
    z.object({ outcome: z.literal("NO_ACTION"), reason }),
  ],
  { error: "validation.choose" },
);
export type TriageInput = z.infer<typeof triageSchema>;

/** The platform admin's settings for a region's triage. */
export const triageSettingSchema = z.object({
  version: z.coerce.number().int().min(0),
  routineWorkingDays: z.coerce.number().int().min(1, "validation.tooShort").max(30, "validation.tooLong"),
  urgentWorkingDays: z.coerce.number().int().min(1, "validation.tooShort").max(30, "validation.tooLong"),
});
export type TriageSettingInput = z.infer<typeof triageSettingSchema>;

/** A criterion the platform admin adds: its label in both languages. */
export const criterionSchema = z.object({
  labelNl: requiredGuardedText(200),
  labelEn: requiredGuardedText(200),
});
export type CriterionInput = z.infer<typeof criterionSchema>;

import { z } from "zod";

import { guardedText, requiredGuardedText } from "~/domain/privacy/guarded-text";

export const RISK_LEVELS = ["ACUTE", "HIGH", "ELEVATED", "LOW"] as const;
export const CLOSE_REASONS = ["GOALS_MET", "TRANSFERRED", "NO_LONGER_NEEDED", "OTHER"] as const;
export const MONITOR_MONTHS = ["", "3", "6", "12"] as const;

/** A new case: only the minimum the table needs, checked for direct identifiers. */
export const newCaseSchema = z.object({
  region: requiredGuardedText(100),
  description: requiredGuardedText(500),
  riskLevel: z.enum(RISK_LEVELS, { error: "validation.choose" }),
});

const version = z.coerce.number().int().min(1);

/** The bringing organisation corrects the description and risk level, on the version it saw. */
export const caseEditSchema = z.object({
  version,
  description: requiredGuardedText(500),
  riskLevel: z.enum(RISK_LEVELS, { error: "validation.choose" }),
});

/**
 * An identifier that slipped through is erased from the case and every earlier version. The text
 * is what to erase, so it is not guarded; at least three characters, so one letter cannot blank
 * out the case.
 */
export const caseEraseSchema = z.object({
  version,
  text: z.string().trim().min(3, "cases.errors.eraseTooShort").max(200, "validation.tooLong"),
});

/** Closing asks for confirmation and a reason; "other" needs the reason in words. */
export const caseCloseSchema = z
  .object({
    confirm: z.literal("yes", { error: "cases.errors.confirmClose" }),
    closeReason: z.enum(CLOSE_REASONS, { error: "validation.choose" }),
    note: guardedText(500),
    /** A watch for recurrence after closing: none, or 3, 6 or 12 months. */
    monitorMonths: z
      .enum(MONITOR_MONTHS, { error: "validation.choose" })
      .optional()
      .transform((v) => (v ? Number(v) : ("" as const))),
  })
  .superRefine((value, ctx) => {
    if (value.closeReason === "OTHER" && !value.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "cases.errors.noteForOther" });
    if (value.closeReason === "TRANSFERRED" && !value.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "cases.errors.noteForTransfer" });
  });

/** Reopening a closed case (within the retention period) says why. */
export const caseReopenSchema = z.object({ note: requiredGuardedText(500) });

export type NewCase = z.infer<typeof newCaseSchema>;
export type CaseEditInput = z.infer<typeof caseEditSchema>;
export type CaseEraseInput = z.infer<typeof caseEraseSchema>;
export type CaseCloseInput = Omit<z.infer<typeof caseCloseSchema>, "monitorMonths"> & { monitorMonths?: number | "" };
export type CaseReopenInput = z.infer<typeof caseReopenSchema>;

export const REGIE_KINDS = ["PROCESS", "CONTENT"] as const;

/** A handover of one kind of regie to an organisation, with why. */
export const regieProposalSchema = z.object({
  kind: z.enum(REGIE_KINDS, { error: "validation.choose" }),
  organisationId: z.string().min(1, "validation.choose").max(64),
  reason: requiredGuardedText(300),
});

/** The receiving organisation accepts or declines (with why); the proposing one withdraws. */
export const regieAnswerSchema = z
  .object({
    regieId: z.string().min(1).max(64),
    version: z.coerce.number().int().min(1),
    answer: z.enum(["accept", "decline", "withdraw"]),
    declineReason: guardedText(300),
  })
  .superRefine((answer, ctx) => {
    if (answer.answer === "decline" && !answer.declineReason)
      ctx.addIssue({ code: "custom", path: ["declineReason"], message: "cases.regie.errors.reasonRequired" });
  });

export type RegieProposalInput = z.infer<typeof regieProposalSchema>;
export type RegieAnswerInput = z.infer<typeof regieAnswerSchema>;

export const ESCALATION_LEVELS = ["OPERATIONAL", "MANAGEMENT", "ADMINISTRATIVE"] as const;

/** Escalating a case that got stuck: the level and why. */
export const escalationRaiseSchema = z.object({
  level: z.enum(ESCALATION_LEVELS, { error: "validation.choose" }),
  reason: requiredGuardedText(500),
});

/** Ending an escalation: what came of it, and either back to normal ("") or another level. */
export const escalationEndSchema = z.object({
  escalationId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  next: z.enum(["", ...ESCALATION_LEVELS], { error: "validation.choose" }),
  outcome: requiredGuardedText(500),
});

export type EscalationRaiseInput = z.infer<typeof escalationRaiseSchema>;
export type EscalationEndInput = z.infer<typeof escalationEndSchema>;

export const PLAN_PHASES = ["IMMEDIATE_SAFETY", "STABLE_SAFETY", "RECOVERY"] as const;
export const GOAL_STATUSES = ["OPEN", "IN_PROGRESS", "MET", "DROPPED"] as const;

const organisationId = z.string().min(1, "validation.choose").max(64);
/** YYYY-MM-DD that names a real day (not 30 February), in a year this product can mean (2000–2100). */
function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const year = Number(v.slice(0, 4));
  const d = new Date(`${v}T00:00:00Z`);
  return year >= 2000 && year <= 2100 && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
const reviewDate = z
  .string()
  .trim()
  .refine((v) => v === "" || isCalendarDate(v), "validation.date");

/** A goal of the plan: its phase, what, who leads, who contributes, when to review it, and the actions towards it. */
export const goalSchema = z.object({
  phase: z.enum(PLAN_PHASES, { error: "validation.choose" }),
  text: requiredGuardedText(300),
  leadOrganisationId: organisationId,
  contributorOrganisationIds: z.array(organisationId).max(30, "validation.tooMany"),
  reviewDate,
  actionIds: z.array(z.string().min(1).max(64)).max(50, "validation.tooMany"),
});

/** A change to a goal, on the version the form showed; its state too. */
export const goalEditSchema = goalSchema.extend({
  goalId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  status: z.enum(GOAL_STATUSES, { error: "validation.choose" }),
});

export type GoalInput = z.infer<typeof goalSchema>;
export type GoalEditInput = z.infer<typeof goalEditSchema>;

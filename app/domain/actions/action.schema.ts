import { z } from "zod";

import { ACTION_STATUSES, CLOSE_REASONS } from "~/domain/live/live-enums";
import { guardedText, requiredGuardedText } from "~/domain/privacy/guarded-text";

/** A calendar date as a date field sends it (YYYY-MM-DD), and a real one. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "validation.date");

export const ACTION_VIEWS = ["open", "week", "overdue", "done", "all"] as const;
/** Whose actions: my organisation's, or (a chair) every organisation's from the meetings I chair. */
export const ACTION_SCOPES = ["mine", "chaired"] as const;

/**
 * A follow-up on one action by its owning organisation: a new status with a short note, a new
 * owner within the organisation, or closing it — which needs a reason and a note, so that "not
 * done" and "no longer possible" stay distinct in every report.
 */
export const actionUpdateFields = {
  actionId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  status: z.enum(ACTION_STATUSES, { error: "validation.choose" }),
  closeReason: z.union([z.literal(""), z.enum(CLOSE_REASONS)]).default(""),
  ownerUserId: z.union([z.literal(""), z.string().max(64)]).default(""),
  note: guardedText(500),
};

export const actionUpdateSchema = z.object(actionUpdateFields).superRefine((update, ctx) => {
  if (update.status === "DONE" && !update.closeReason)
    ctx.addIssue({ code: "custom", path: ["closeReason"], message: "actions.errors.reasonRequired" });
  if (update.status === "DONE" && !update.note)
    ctx.addIssue({ code: "custom", path: ["note"], message: "actions.errors.noteRequired" });
});

/** Filters on /acties, from the query string. Unknown values fall back to the defaults. */
export const actionQuerySchema = z.object({
  view: z.enum(ACTION_VIEWS).catch("open"),
  scope: z.enum(ACTION_SCOPES).catch("mine"),
  caseReference: z.string().max(20).catch("").default(""),
  meetingId: z.string().max(64).catch("").default(""),
  /** A user id, or "none" for actions nobody owns yet. */
  owner: z.string().max(64).catch("").default(""),
});

/** On /acties the owning organisation corrects what was agreed: the text and the due date, and why. */
export const actionCorrectionSchema = z.object({
  actionId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  description: requiredGuardedText(500),
  dueDate: isoDate,
  reason: guardedText(500),
});

/** The organisation an action was offered to takes it over or declines it. */
export const transferAnswerSchema = z.object({
  actionId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  answer: z.enum(["accept", "decline"]),
});

export type ActionCorrectionFormInput = z.infer<typeof actionCorrectionSchema>;
export type TransferAnswerInput = z.infer<typeof transferAnswerSchema>;
export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;
export type ActionQuery = z.infer<typeof actionQuerySchema>;

import { z } from "zod";

import { ACTION_STATUSES, CLOSE_REASONS } from "~/domain/live/live-enums";
import { guardedText } from "~/domain/privacy/guarded-text";

export const ACTION_VIEWS = ["open", "week", "overdue", "done", "all"] as const;

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
  caseReference: z.string().max(20).catch("").default(""),
  meetingId: z.string().max(64).catch("").default(""),
  /** A user id, or "none" for actions nobody owns yet. */
  owner: z.string().max(64).catch("").default(""),
});

export type ActionUpdateInput = z.infer<typeof actionUpdateSchema>;
export type ActionQuery = z.infer<typeof actionQuerySchema>;

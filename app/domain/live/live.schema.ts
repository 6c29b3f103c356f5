import { z } from "zod";

import { actionUpdateFields, isoDate } from "~/domain/actions/action.schema";
import { guardedText, requiredGuardedText } from "~/domain/privacy/guarded-text";

import { INVOLVEMENTS, LIVE_ACTION_STATUSES } from "./live-enums";

/**
 * Payloads of the live meeting's socket events. Messages are translation keys (see
 * app/utils/form-errors). Every write carries an idempotency key chosen by the client: a retry
 * after a timeout sends the same key and gets the first result back.
 */
const id = z.string().min(1).max(64);
const key = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const version = z.number().int().min(1).max(1_000_000);

export const LIVE_LIMITS = { cardField: 1000, knowledge: 2000, need: 500, decision: 1000, action: 500 } as const;

export const meetingRefSchema = z.object({ meetingId: id }).strict();
// The chair's commands carry a key like every write; a repeat is harmless (or refused as done).
export const itemRefSchema = z.object({ key: key.optional(), meetingId: id, itemId: id }).strict();
export const closeItemSchema = z
  .object({ key: key.optional(), meetingId: id, itemId: id, confirmOpenNeeds: z.boolean().default(false) })
  .strict();
export const endMeetingSchema = z.object({ key: key.optional(), meetingId: id }).strict();

export const roleCardSchema = z
  .object({
    key,
    cardId: id,
    version,
    roleInCase: guardedText(LIVE_LIMITS.cardField),
    knowledge: guardedText(LIVE_LIMITS.knowledge),
    knowledgeLegalBasis: guardedText(300),
    contribution: guardedText(LIVE_LIMITS.cardField),
    limitsHere: guardedText(LIVE_LIMITS.cardField),
  })
  .strict()
  .superRefine((card, ctx) => {
    // Information is only shared on a legal ground the organisation named in its profile.
    if (card.knowledge && !card.knowledgeLegalBasis) {
      ctx.addIssue({ code: "custom", path: ["knowledgeLegalBasis"], message: "live.errors.legalBasisRequired" });
    }
  });

export const responsibilitySchema = z
  .object({
    key,
    itemId: id,
    organisationId: id,
    involvement: z.enum(INVOLVEMENTS, { error: "validation.choose" }).nullable(),
    version,
  })
  .strict();

export const needSchema = z.object({ key, itemId: id, text: requiredGuardedText(LIVE_LIMITS.need) }).strict();

export const addressNeedSchema = z
  .object({
    key,
    needId: id,
    version,
    addressedByOrganisationId: z.string().min(1, "validation.choose").max(64),
    note: guardedText(LIVE_LIMITS.need),
  })
  .strict();

/** The organisation that raised a need rewords it (while it is open). */
export const editNeedSchema = z
  .object({ key, needId: id, version, text: requiredGuardedText(LIVE_LIMITS.need) })
  .strict();

/** …or takes it back. */
export const withdrawNeedSchema = z.object({ key, needId: id, version }).strict();

export const decisionSchema = z
  .object({
    key,
    itemId: id,
    text: requiredGuardedText(LIVE_LIMITS.decision),
    dissents: z
      .array(z.object({ organisationId: id, reason: requiredGuardedText(LIVE_LIMITS.need) }).strict())
      .max(20, "validation.tooMany")
      .default([]),
  })
  .strict();

/** The chair corrects a decision's wording until its item closes; the earlier wording is kept. */
export const correctDecisionSchema = z
  .object({ key, decisionId: id, version, text: requiredGuardedText(LIVE_LIMITS.decision) })
  .strict();

export const actionSchema = z
  .object({
    key,
    itemId: id,
    description: requiredGuardedText(LIVE_LIMITS.action),
    ownerOrganisationId: z.string().min(1, "validation.choose").max(64),
    ownerUserId: z.union([z.literal(""), id]).default(""),
    dueDate: isoDate,
  })
  .strict();

/** The owning organisation (or the chair) corrects an action; another organisation is an offer it accepts. */
export const correctActionSchema = z
  .object({
    key,
    actionId: id,
    version,
    description: requiredGuardedText(LIVE_LIMITS.action),
    ownerOrganisationId: z.string().min(1, "validation.choose").max(64),
    ownerUserId: z.union([z.literal(""), id]).default(""),
    dueDate: isoDate,
  })
  .strict();

/** The organisation an action was offered to accepts or declines it. */
export const answerTransferSchema = z.object({ key, actionId: id, version, accept: z.boolean() }).strict();

export const actionStatusSchema = z
  .object({ key, actionId: id, version, status: z.enum(LIVE_ACTION_STATUSES, { error: "validation.choose" }) })
  .strict();

/** An action from an earlier meeting, updated at this item's table by its owning organisation. */
export const earlierActionSchema = z
  .object({ key, itemId: id })
  .extend(actionUpdateFields)
  .strict()
  .superRefine((update, ctx) => {
    if (update.status === "DONE" && !update.closeReason)
      ctx.addIssue({ code: "custom", path: ["closeReason"], message: "actions.errors.reasonRequired" });
    if (update.status === "DONE" && !update.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "actions.errors.noteRequired" });
  });

export type RoleCardInput = z.infer<typeof roleCardSchema>;
export type ResponsibilityInput = z.infer<typeof responsibilitySchema>;
export type NeedInput = z.infer<typeof needSchema>;
export type AddressNeedInput = z.infer<typeof addressNeedSchema>;
export type EditNeedInput = z.infer<typeof editNeedSchema>;
export type WithdrawNeedInput = z.infer<typeof withdrawNeedSchema>;
export type DecisionInput = z.infer<typeof decisionSchema>;
export type CorrectDecisionInput = z.infer<typeof correctDecisionSchema>;
export type ActionInput = z.infer<typeof actionSchema>;
export type CorrectActionInput = z.infer<typeof correctActionSchema>;
export type AnswerTransferInput = z.infer<typeof answerTransferSchema>;
export type ActionStatusInput = z.infer<typeof actionStatusSchema>;
export type EarlierActionInput = z.infer<typeof earlierActionSchema>;

import { z } from "zod";

import { isoDate } from "~/domain/actions/action.schema";
import { requiredGuardedText } from "~/domain/privacy/guarded-text";

/** An amendment to approved minutes: what changes, and why. */
export const amendmentSchema = z.object({
  agendaItemId: z.string().max(64).default(""),
  change: requiredGuardedText(1000),
  reason: requiredGuardedText(500),
});

const version = z.coerce.number().int().min(1).max(1_000_000);

/** An amendment that corrects an action agreed in the meeting: its text, due date or organisation. */
export const actionAmendmentSchema = z.object({
  actionId: z.string().min(1).max(64),
  version,
  description: requiredGuardedText(500),
  dueDate: isoDate,
  ownerOrganisationId: z.string().min(1, "validation.choose").max(64),
  reason: requiredGuardedText(500),
});

/** An amendment that corrects a decision's wording. */
export const decisionAmendmentSchema = z.object({
  decisionId: z.string().min(1).max(64),
  version,
  text: requiredGuardedText(1000),
  reason: requiredGuardedText(500),
});

/** Approving asks for confirmation: after it the minutes change only through amendments. */
export const approvalSchema = z.object({
  confirm: z.literal("yes", { error: "minutes.errors.confirmApproval" }),
});

export type ActionAmendmentInput = z.infer<typeof actionAmendmentSchema>;
export type DecisionAmendmentInput = z.infer<typeof decisionAmendmentSchema>;

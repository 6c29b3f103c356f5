import { z } from "zod";

import { guardedText, requiredGuardedText } from "~/domain/privacy/guarded-text";

const id = z.string().min(1).max(64);

export const newMeetingSchema = z.object({
  title: requiredGuardedText(120),
  region: requiredGuardedText(100),
  startsAt: z.date({ error: "validation.invalid" }),
  durationMinutes: z.number().int().min(15, "validation.tooShort").max(480, "validation.tooLong"),
  // A venue's street and postcode are nobody's home; everything else is guarded.
  location: requiredGuardedText(300, { allow: ["address", "postcode"] }),
  invitedOrganisationIds: z.array(id).min(1, "validation.required").max(30, "validation.tooMany"),
});
export type NewMeeting = z.infer<typeof newMeetingSchema>;

export const newAgendaItemSchema = z.object({
  caseReference: z
    .string()
    .trim()
    .regex(/^AO-\d{4}-\d{4,}$/, "validation.caseReference"),
  question: requiredGuardedText(500),
  askingOrganisationId: id,
  timeboxMinutes: z.number().int().min(5, "validation.tooShort").max(120, "validation.tooLong"),
  tableOrganisationIds: z.array(id).min(1, "validation.required").max(30, "validation.tooMany"),
});
export type NewAgendaItem = z.infer<typeof newAgendaItemSchema>;

export const proposalSchema = z.object({
  caseReference: z
    .string()
    .trim()
    .regex(/^AO-\d{4}-\d{4,}$/, "validation.caseReference"),
  question: requiredGuardedText(500),
  timeboxMinutes: z.number().int().min(5, "validation.tooShort").max(120, "validation.tooLong"),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const acceptProposalSchema = z.object({
  tableOrganisationIds: z.array(id).min(1, "validation.required").max(30, "validation.tooMany"),
});

export const declineProposalSchema = z.object({
  reason: requiredGuardedText(300),
});

/** A correction of an item: built on the version the form showed. */
export const agendaItemCorrectionSchema = z.object({
  question: requiredGuardedText(500),
  timeboxMinutes: z.number().int().min(5, "validation.tooShort").max(120, "validation.tooLong"),
  tableOrganisationIds: z.array(id).min(1, "validation.required").max(30, "validation.tooMany"),
  version: z.number().int().min(1),
  /** At a live table, when organisations leaving it wrote on its board: what happens to that. */
  contributions: z.enum(["keep", "remove"]).optional(),
});
export type AgendaItemCorrection = z.infer<typeof agendaItemCorrectionSchema>;

/** Taking an item off the agenda: after publishing, the invitees are told why. */
export const agendaItemRemovalSchema = z.object({
  reason: guardedText(300),
  version: z.number().int().min(1),
});
export type AgendaItemRemoval = z.infer<typeof agendaItemRemovalSchema>;

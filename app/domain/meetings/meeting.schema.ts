import { z } from "zod";

import { requiredGuardedText } from "~/domain/privacy/guarded-text";

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

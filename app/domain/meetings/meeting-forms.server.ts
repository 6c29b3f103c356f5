import { TZDate } from "@date-fns/tz";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import { startMeeting } from "~/domain/live/live.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import {
  acceptProposalSchema,
  declineProposalSchema,
  newAgendaItemSchema,
  newMeetingSchema,
  proposalSchema,
} from "./meeting.schema";
import {
  acceptProposal,
  addAgendaItem,
  createMeeting,
  declineProposal,
  moveAgendaItem,
  proposeItem,
  publishMeeting,
  reorderAgenda,
  updateMeeting,
} from "./meetings.server";

const text = (v: FormDataEntryValue | null) => formText(v).slice(0, 2000);
const all = (formData: FormData, name: string) =>
  formData
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .slice(0, 50);

/** A wall-clock date and time as people in the Netherlands mean it, to the instant (UTC). */
export function amsterdamInstant(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const instant = new Date(
    new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), "Europe/Amsterdam").getTime(),
  );
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export type MeetingFormData = {
  values: Record<string, string | string[]>;
  errors?: FormErrors;
  formError?: TranslationKey;
  /** After a stale edit: the meeting as it is now, and the version the next save builds on. */
  conflict?: { title: string; region: string; startsAt: string; durationMinutes: number; location: string };
  version?: number;
};

/** The new-meeting form, and (with `meetingId`) the edit form of an existing meeting. */
export async function handleMeetingForm(user: SessionUser, formData: FormData, meta: Acting, meetingId?: string) {
  const values = {
    title: text(formData.get("title")),
    region: text(formData.get("region")),
    date: text(formData.get("date")),
    time: text(formData.get("time")),
    durationMinutes: text(formData.get("durationMinutes")),
    location: text(formData.get("location")),
    invited: all(formData, "invited"),
  };
  const startsAt = amsterdamInstant(values.date, values.time);
  const parsed = newMeetingSchema.safeParse({
    title: values.title,
    region: values.region,
    startsAt: startsAt ?? undefined,
    durationMinutes: Number(values.durationMinutes),
    location: values.location,
    invitedOrganisationIds: values.invited,
  });
  if (!parsed.success) {
    const errors = fieldErrorsFrom(parsed.error.issues);
    if (errors.startsAt) errors.date = errors.startsAt;
    if (errors.invitedOrganisationIds) errors.invited = errors.invitedOrganisationIds;
    return data<MeetingFormData>({ values, errors }, { status: 400 });
  }
  try {
    if (meetingId) {
      const version = Number.parseInt(text(formData.get("version")), 10);
      if (!Number.isInteger(version)) throw badRequest("errors.invalidVersion");
      const result = await updateMeeting(user, meetingId, { ...parsed.data, version }, meta);
      if (result.ok) throw redirect(`/overleggen/${meetingId}?gewijzigd=1`);
      const { version: current, startsAt: currentStart, ...rest } = result.current;
      return data<MeetingFormData>(
        {
          values,
          formError: "meetings.errors.staleEdit",
          conflict: { ...rest, startsAt: currentStart.toISOString() },
          version: current,
        },
        { status: 409 },
      );
    }
    const meeting = await createMeeting(user, parsed.data, meta);
    throw redirect(`/overleggen/${meeting.id}`);
  } catch (error) {
    return formRefusal(error, { values } as MeetingFormData);
  }
}

export type AgendaActionData = {
  form: string;
  values: Record<string, string | string[]>;
  errors?: FormErrors;
  formError?: TranslationKey;
  done?: TranslationKey;
  /** After a move by keyboard: the item that moved, so its button keeps the focus. */
  moved?: { itemId: string; direction: "up" | "down" };
};

const intentSchema = z.enum([
  "add-item",
  "move-up",
  "move-down",
  "reorder",
  "publish",
  "start",
  "propose",
  "accept",
  "decline",
]);

/** Every change on the agenda page, by `intent`. Rule errors come back as a message for that form. */
export async function handleAgendaAction(user: SessionUser, meetingId: string, formData: FormData, meta: Acting) {
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw badRequest("errors.unknownIntent");
  const form = intent.data;
  const values = Object.fromEntries(
    ["caseReference", "question", "askingOrganisationId", "timeboxMinutes", "reason", "proposalId", "itemId"].map(
      (k) => [k, text(formData.get(k))],
    ),
  ) as Record<string, string | string[]>;
  values.tables = all(formData, "tables");
  const invalid = (issues: z.core.$ZodIssue[]) =>
    data<AgendaActionData>({ form, values, errors: fieldErrorsFrom(issues) }, { status: 400 });
  try {
    switch (form) {
      case "add-item": {
        const parsed = newAgendaItemSchema.safeParse({
          caseReference: values.caseReference,
          question: values.question,
          askingOrganisationId: values.askingOrganisationId,
          timeboxMinutes: Number(values.timeboxMinutes),
          tableOrganisationIds: values.tables,
        });
        if (!parsed.success) return invalid(parsed.error.issues);
        await addAgendaItem(user, meetingId, parsed.data, meta);
        return data<AgendaActionData>({ form, values: {}, done: "meetings.itemAdded" });
      }
      case "move-up":
      case "move-down":
        await moveAgendaItem(user, meetingId, String(values.itemId), form === "move-up" ? "up" : "down", meta);
        return data<AgendaActionData>({
          form,
          values: {},
          done: form === "move-up" ? "meetings.movedUp" : "meetings.movedDown",
          moved: { itemId: String(values.itemId), direction: form === "move-up" ? "up" : "down" },
        });
      case "reorder":
        await reorderAgenda(user, meetingId, all(formData, "order"), meta);
        return data<AgendaActionData>({ form, values: {}, done: "meetings.reordered" });
      case "publish":
        await publishMeeting(user, meetingId, meta);
        return data<AgendaActionData>({ form, values: {}, done: "meetings.published" });
      case "start":
        await startMeeting(user, meetingId, meta);
        throw redirect(`/overleggen/${meetingId}/live`);
      case "propose": {
        const parsed = proposalSchema.safeParse({
          caseReference: values.caseReference,
          question: values.question,
          timeboxMinutes: Number(values.timeboxMinutes),
        });
        if (!parsed.success) return invalid(parsed.error.issues);
        await proposeItem(user, meetingId, parsed.data, meta);
        return data<AgendaActionData>({ form, values: {}, done: "meetings.proposed" });
      }
      case "accept": {
        const parsed = acceptProposalSchema.safeParse({ tableOrganisationIds: values.tables });
        if (!parsed.success) return invalid(parsed.error.issues);
        await acceptProposal(user, String(values.proposalId), parsed.data, meta);
        return data<AgendaActionData>({ form, values: {}, done: "meetings.accepted" });
      }
      case "decline": {
        const parsed = declineProposalSchema.safeParse({ reason: values.reason });
        if (!parsed.success) return invalid(parsed.error.issues);
        await declineProposal(user, String(values.proposalId), parsed.data, meta);
        return data<AgendaActionData>({ form, values: {}, done: "meetings.declined" });
      }
    }
  } catch (error) {
    return formRefusal(error, { form, values } as AgendaActionData);
  }
}

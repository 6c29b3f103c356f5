/** The correction page of one agenda item (chair only): change it, or take it off the agenda. */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest, DomainError, ensure, isFormRefusal, notFound } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import type { currentItem } from "./agenda-corrections.server";
import { removeAgendaItem, updateAgendaItem } from "./agenda-corrections.server";
import { requireChairOf } from "./meeting-chair.server";
import { agendaItemCorrectionSchema, agendaItemRemovalSchema } from "./meeting.schema";

/** The item and what its form offers, for the meeting's chair. */
export async function agendaItemForEdit(user: SessionUser, meetingId: string, itemId: string) {
  const meeting = await requireChairOf(user, meetingId);
  const [item, details] = await Promise.all([
    prisma.agendaItem.findFirst({
      where: { id: itemId, meetingId },
      select: {
        id: true,
        question: true,
        timeboxMinutes: true,
        version: true,
        closedAt: true,
        askingOrganisationId: true,
        case: { select: { reference: true } },
        tables: { select: { organisationId: true } },
      },
    }),
    prisma.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: {
        title: true,
        invitations: {
          orderBy: { organisation: { name: "asc" } },
          select: { organisation: { select: { id: true, name: true, shortCode: true } } },
        },
      },
    }),
  ]);
  ensure(item, notFound);
  return {
    meeting: { id: meetingId, title: details.title, status: meeting.status },
    organisations: details.invitations.map((i) => i.organisation),
    item: {
      id: item.id,
      reference: item.case.reference,
      question: item.question,
      timeboxMinutes: item.timeboxMinutes,
      version: item.version,
      closed: item.closedAt !== null,
      askingOrganisationId: item.askingOrganisationId,
      tableOrganisationIds: item.tables.map((t) => t.organisationId),
    },
  };
}

export type AgendaItemFormData = {
  form: "update" | "remove";
  values: { question: string; timeboxMinutes: string; tables: string[]; reason: string };
  errors?: FormErrors;
  formError?: TranslationKey;
  /** After a stale edit: the item as it is now; the next save builds on its version. */
  current?: Awaited<ReturnType<typeof currentItem>>;
  /** Organisations leaving a live table that wrote on its board: the chair chooses. */
  contributions?: string[];
};

const intentSchema = z.enum(["update", "remove"]);

function refusal(error: unknown, body: AgendaItemFormData) {
  if (!isFormRefusal(error)) throw error;
  const current = error instanceof DomainError ? (error.current as AgendaItemFormData["current"]) : undefined;
  return data<AgendaItemFormData>(
    { ...body, formError: error.key, ...(current ? { current } : {}) },
    { status: error.code === "conflict" ? 409 : 400 },
  );
}

export async function handleAgendaItemForm(
  user: SessionUser,
  meetingId: string,
  itemId: string,
  formData: FormData,
  meta: Acting,
) {
  // Who may correct is asked before what was sent is looked at: to anyone else this page does not exist.
  await requireChairOf(user, meetingId);
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw badRequest("errors.unknownIntent");
  const form = intent.data;
  const values = {
    question: formText(formData.get("question")).slice(0, 2000),
    timeboxMinutes: formText(formData.get("timeboxMinutes")).slice(0, 10),
    tables: formData
      .getAll("tables")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 50),
    reason: formText(formData.get("reason")).slice(0, 2000),
  };
  const version = Number.parseInt(formText(formData.get("version")), 10);
  if (!Number.isInteger(version)) throw badRequest("errors.invalidVersion");
  const invalid = (issues: z.core.$ZodIssue[]) => {
    const errors = fieldErrorsFrom(issues);
    if (errors.tableOrganisationIds) errors.tables = errors.tableOrganisationIds;
    return data<AgendaItemFormData>({ form, values, errors }, { status: 400 });
  };
  try {
    if (form === "remove") {
      const parsed = agendaItemRemovalSchema.safeParse({ reason: values.reason, version });
      if (!parsed.success) return invalid(parsed.error.issues);
      await removeAgendaItem(user, meetingId, itemId, parsed.data, meta);
      throw redirect(`/overleggen/${meetingId}?gewijzigd=vervallen`);
    }
    const choice = formText(formData.get("contributions"));
    const parsed = agendaItemCorrectionSchema.safeParse({
      question: values.question,
      timeboxMinutes: Number(values.timeboxMinutes),
      tableOrganisationIds: values.tables,
      version,
      contributions: choice === "" ? undefined : choice,
    });
    if (!parsed.success) return invalid(parsed.error.issues);
    const result = await updateAgendaItem(user, meetingId, itemId, parsed.data, meta);
    if (!result.ok) {
      return data<AgendaItemFormData>(
        { form, values, formError: "meetings.errors.contributionsChoice", contributions: result.contributions },
        { status: 409 },
      );
    }
    throw redirect(`/overleggen/${meetingId}?gewijzigd=punt`);
  } catch (error) {
    return refusal(error, { form, values });
  }
}

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  itemSeat,
  meetingAccessSelect,
  meetingRecord,
  meetingSeat,
  meetingVisibleWhere,
  seesItemContent,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, fieldRule, notFound, ruleError } from "~/domain/errors.server";
import type { Prisma } from "~/generated/prisma/client";

import type { AmendmentChanges } from "./minutes-amendments.server";

export type MinutesItem = {
  id: string;
  position: number;
  reference: string;
  question: string;
  tableOrganisationIds: string[];
  closedWithOpenNeeds: boolean;
  responsibilities: { organisationId: string; involvement: string | null }[];
  roleCards: { organisationId: string; roleInCase: string; contribution: string; limitsHere: string }[];
  needs: {
    organisationId: string;
    text: string;
    status: "OPEN" | "ADDRESSED" | "WITHDRAWN";
    addressedByOrganisationId: string | null;
    addressedOnBehalf: boolean;
    note: string;
  }[];
  decisions: { text: string; earlierTexts: string[]; dissents: { organisationId: string; reason: string }[] }[];
  actions: {
    description: string;
    ownerOrganisationId: string;
    ownerName: string | null;
    dueDate: string;
    status: string;
  }[];
};

export type MinutesContent = {
  title: string;
  startsAt: string;
  location: string;
  chairName: string;
  startedAt: string | null;
  endedAt: string | null;
  organisations: { id: string; name: string; shortCode: string }[];
  /** Who joined the live meeting, per organisation (from the audit trail of joins). */
  attendance: { organisationId: string; people: string[] }[];
  items: MinutesItem[];
};

/** What the minutes are generated from: the meeting, its invitations and per item its structure. */
const minutesMeetingSelect = {
  title: true,
  startsAt: true,
  location: true,
  startedAt: true,
  endedAt: true,
  chair: { select: { name: true } },
  invitations: { select: { organisation: { select: { id: true, name: true, shortCode: true } } } },
  items: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      question: true,
      closedWithOpenNeeds: true,
      case: { select: { reference: true } },
      tables: { select: { organisationId: true, involvement: true } },
      roleCards: { select: { organisationId: true, roleInCase: true, contribution: true, limitsHere: true } },
      needs: {
        orderBy: { createdAt: "asc" },
        select: {
          organisationId: true,
          text: true,
          status: true,
          addressedByOrganisationId: true,
          addressedOnBehalf: true,
          addressedNote: true,
        },
      },
      decisions: {
        orderBy: { createdAt: "asc" },
        select: { text: true, earlierTexts: true, dissents: { select: { organisationId: true, reason: true } } },
      },
      actions: {
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        select: {
          description: true,
          ownerOrganisationId: true,
          ownerUser: { select: { name: true } },
          dueDate: true,
          status: true,
        },
      },
    },
  },
} satisfies Prisma.MeetingSelect;

function loadMinutesMeeting(meetingId: string) {
  return prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: minutesMeetingSelect });
}

type MinutesMeeting = Awaited<ReturnType<typeof loadMinutesMeeting>>;

/** Who joined the live meeting while it ran (from the audit trail of joins): name and organisation. */
async function loadAttendees(meetingId: string, meeting: Pick<MinutesMeeting, "startedAt" | "endedAt">) {
  const joins = await prisma.auditEvent.findMany({
    where: {
      action: "meeting.live.viewed",
      subjectId: meetingId,
      ...(meeting.startedAt ? { occurredAt: { gte: meeting.startedAt, lte: meeting.endedAt ?? new Date() } } : {}),
    },
    select: { actorUserId: true, actorOrganisationId: true },
  });
  const userIds = [...new Set(joins.map((j) => j.actorUserId).filter((id): id is string => Boolean(id)))];
  return prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { name: true, organisationId: true },
  });
}

function attendanceOf(
  organisations: MinutesContent["organisations"],
  people: { name: string; organisationId: string }[],
): MinutesContent["attendance"] {
  return organisations
    .map((o) => ({
      organisationId: o.id,
      people: people
        .filter((p) => p.organisationId === o.id)
        .map((p) => p.name)
        .sort(),
    }))
    .filter((a) => a.people.length > 0);
}

function toMinutesItem(item: MinutesMeeting["items"][number]): MinutesItem {
  return {
    id: item.id,
    position: item.position,
    reference: item.case.reference,
    question: item.question,
    tableOrganisationIds: item.tables.map((t) => t.organisationId),
    closedWithOpenNeeds: item.closedWithOpenNeeds,
    responsibilities: item.tables.map((t) => ({ organisationId: t.organisationId, involvement: t.involvement })),
    roleCards: item.roleCards,
    needs: item.needs.map((n) => ({
      organisationId: n.organisationId,
      text: n.text,
      status: n.status,
      addressedByOrganisationId: n.addressedByOrganisationId,
      addressedOnBehalf: n.addressedOnBehalf,
      note: n.addressedNote,
    })),
    decisions: item.decisions,
    actions: item.actions.map((a) => ({
      description: a.description,
      ownerOrganisationId: a.ownerOrganisationId,
      ownerName: a.ownerUser?.name ?? null,
      dueDate: a.dueDate.toISOString().slice(0, 10),
      status: a.status,
    })),
  };
}

/**
 * The minutes as the meeting's structure says now: attendance, and per item the table, the
 * responsibilities, the role cards in short, needs and how they were addressed, decisions with
 * dissent, and actions. Nothing is typed: it is generated.
 */
async function generate(meetingId: string): Promise<MinutesContent> {
  const meeting = await loadMinutesMeeting(meetingId);
  const people = await loadAttendees(meetingId, meeting);
  const organisations = meeting.invitations
    .map((i) => i.organisation)
    .sort((a, b) => a.shortCode.localeCompare(b.shortCode));
  return {
    title: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    location: meeting.location,
    chairName: meeting.chair.name,
    startedAt: meeting.startedAt?.toISOString() ?? null,
    endedAt: meeting.endedAt?.toISOString() ?? null,
    organisations,
    attendance: attendanceOf(organisations, people),
    items: meeting.items.map(toMinutesItem),
  };
}

async function finishedMeeting(viewer: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingVisibleWhere(viewer) },
    select: meetingAccessSelect,
  });
  ensure(meeting, notFound);
  return { ...meeting, ...meetingRecord(meeting) };
}

/**
 * The minutes for one reader: every item they were at the table for (the chair: all), the
 * amendments about those items and about the meeting as a whole. Draft minutes are generated
 * fresh; approved minutes are the frozen text plus amendments. Reading them is audited.
 */
/**
 * Approved minutes as they were stored: minutes approved before decisions kept their earlier
 * wording (or needs said who recorded them) read as having none.
 */
function storedContent(stored: unknown): MinutesContent {
  const content = stored as MinutesContent;
  return {
    ...content,
    items: content.items.map((item) => ({
      ...item,
      needs: item.needs.map((n) => ({ ...n, addressedOnBehalf: n.addressedOnBehalf ?? false })),
      decisions: item.decisions.map((d) => ({ ...d, earlierTexts: d.earlierTexts ?? [] })),
    })),
  };
}

export async function getMinutes(
  viewer: SessionUser,
  meetingId: string,
  meta: Acting,
  purpose: "view" | "pdf" | "csv" = "view",
) {
  const meeting = await finishedMeeting(viewer, meetingId);
  const isChair = meetingSeat(viewer, meeting) === "chair";
  if (meeting.status !== "FINISHED") return { available: false as const, isChair };
  const row = await prisma.minutes.findUnique({
    where: { meetingId },
    select: {
      status: true,
      content: true,
      approvedAt: true,
      approvedBy: true,
      amendments: { orderBy: { at: "asc" } },
    },
  });
  const content = row?.status === "APPROVED" ? storedContent(row.content) : await generate(meetingId);
  const items = content.items.filter((i) =>
    seesItemContent(itemSeat(viewer, meeting, { tableOrganisationIds: i.tableOrganisationIds })),
  );
  const visibleItemIds = new Set(items.map((i) => i.id));
  const amendments = (row?.amendments ?? [])
    .filter((a) => !a.agendaItemId || visibleItemIds.has(a.agendaItemId))
    .map((a) => ({
      id: a.id,
      agendaItemId: a.agendaItemId,
      at: a.at.toISOString(),
      byName: a.byName,
      change: a.change,
      reason: a.reason,
      kind: a.kind,
      changes: a.changes as AmendmentChanges | null,
    }));
  if (items.length > 0) {
    // Every view and every export is recorded, with the cases it showed.
    await recordAudit({
      actor: actorOf(viewer),
      action: purpose === "view" ? "minutes.viewed" : "minutes.exported",
      subjectType: "Meeting",
      subjectId: meetingId,
      clientAddress: meta.clientAddress,
      details: { cases: items.map((i) => i.reference), ...(purpose === "view" ? {} : { format: purpose }) },
      at: meta.now,
    });
  }
  return {
    available: true as const,
    isChair,
    status: row?.status ?? ("DRAFT" as const),
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    approvedBy: row?.approvedBy ?? null,
    content: { ...content, items },
    amendments,
  };
}

export async function requireChairOfFinished(user: SessionUser, meetingId: string) {
  const meeting = await finishedMeeting(user, meetingId);
  ensure(meetingSeat(user, meeting) === "chair", notFound);
  if (meeting.status !== "FINISHED") throw ruleError("minutes.errors.notFinished");
}

/**
 * The chair approves the minutes, having confirmed she read them: the generated text is frozen;
 * from now on only amendments.
 */
export async function approveMinutes(user: SessionUser, meetingId: string, meta: Acting, confirmed = true) {
  await requireChairOfFinished(user, meetingId);
  if (!confirmed) throw fieldRule("confirm", "minutes.errors.confirmApproval");
  const content = await generate(meetingId);
  const now = meta.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const existing = await tx.minutes.findUnique({ where: { meetingId }, select: { status: true } });
    if (existing?.status === "APPROVED") throw ruleError("minutes.errors.alreadyApproved");
    const data = {
      status: "APPROVED" as const,
      content: content as unknown as Prisma.InputJsonValue,
      approvedAt: now,
      approvedById: user.id,
      approvedBy: user.name,
    };
    // Two approvals at once: the unique meeting id lets only one row exist; the status check above
    // and this conditional update let only one of them write.
    if (existing) {
      const updated = await tx.minutes.updateMany({ where: { meetingId, status: "DRAFT" }, data });
      if (updated.count !== 1) throw ruleError("minutes.errors.alreadyApproved");
    } else {
      await tx.minutes.create({ data: { meetingId, ...data } });
    }
    await recordAudit(
      {
        actor: actorOf(user),
        action: "minutes.approved",
        subjectType: "Meeting",
        subjectId: meetingId,
        clientAddress: meta.clientAddress,
        at: now,
      },
      tx,
    );
  });
}

/** After approval a change is an amendment: who, when, what and why, shown as such. */
export async function amendMinutes(
  user: SessionUser,
  meetingId: string,
  input: { agendaItemId: string; change: string; reason: string },
  meta: Acting,
) {
  await requireChairOfFinished(user, meetingId);
  const minutes = await prisma.minutes.findUnique({ where: { meetingId }, select: { id: true, status: true } });
  if (minutes?.status !== "APPROVED") throw ruleError("minutes.errors.notApproved");
  if (input.agendaItemId) {
    const item = await prisma.agendaItem.count({ where: { id: input.agendaItemId, meetingId } });
    if (item !== 1) throw ruleError("minutes.errors.unknownItem");
  }
  const now = meta.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const amendment = await tx.minutesAmendment.create({
      data: {
        minutesId: minutes.id,
        agendaItemId: input.agendaItemId || null,
        at: now,
        byUserId: user.id,
        byName: user.name,
        byOrganisationId: user.organisation.id,
        change: input.change,
        reason: input.reason,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actor: actorOf(user),
        action: "minutes.amended",
        subjectType: "Meeting",
        subjectId: meetingId,
        clientAddress: meta.clientAddress,
        details: { amendmentId: amendment.id, agendaItemId: input.agendaItemId || null },
        at: now,
      },
      tx,
    );
  });
}

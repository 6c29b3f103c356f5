import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  itemSeat,
  meetingRecord,
  meetingSeat,
  meetingVisibleWhere,
  seesItemContent,
  verifiedMeeting,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, forbidden, notFound, ruleError } from "~/domain/errors.server";
import { publishAccessChange } from "~/realtime/publish.server";

import { requireChairOf } from "./meeting-chair.server";
import { readMeetingRow } from "./meeting-read.server";
import type { NewMeeting } from "./meeting.schema";

/** Chairs create meetings; the creator chairs it, and their own organisation is always invited. */
export async function createMeeting(user: SessionUser, input: NewMeeting, meta: Acting) {
  ensure(user.roles.includes("CHAIR"), forbidden);
  const invited = new Set([...input.invitedOrganisationIds, user.organisation.id]);
  const known = await prisma.organisation.count({ where: { id: { in: [...invited] } } });
  if (known !== invited.size) throw ruleError("meetings.errors.unknownOrganisation");
  const meeting = await prisma.meeting.create({
    data: {
      title: input.title,
      region: input.region,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      location: input.location,
      chairId: user.id,
      invitations: { create: [...invited].map((organisationId) => ({ organisationId })) },
    },
    select: { id: true },
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.created",
    subjectType: "Meeting",
    subjectId: meeting.id,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
  return meeting;
}

/**
 * The chair changes the meeting's details and invitations. `version` is the version the form
 * showed: if the meeting changed meanwhile, nothing is written and the current details come back.
 * An organisation that sits at a table cannot be uninvited. After publishing, the change is marked.
 */
export async function updateMeeting(
  user: SessionUser,
  meetingId: string,
  input: NewMeeting & { version: number },
  meta: Acting,
) {
  const meeting = await requireChairOf(user, meetingId);
  if (meeting.status === "LIVE" || meeting.status === "FINISHED") throw ruleError("meetings.errors.closedForChanges");
  const invited = new Set([...input.invitedOrganisationIds, user.organisation.id]);
  const known = await prisma.organisation.count({ where: { id: { in: [...invited] } } });
  if (known !== invited.size) throw ruleError("meetings.errors.unknownOrganisation");
  const removed = meeting.invitations.map((i) => i.organisationId).filter((id) => !invited.has(id));
  const seated = removed.length
    ? await prisma.agendaItemTable.count({ where: { organisationId: { in: removed }, agendaItem: { meetingId } } })
    : 0;
  if (seated > 0) throw ruleError("meetings.errors.inviteeAtTable");
  const now = meta.now ?? new Date();
  const written = await prisma.$transaction(async (tx) => {
    const updated = await tx.meeting.updateMany({
      where: { id: meetingId, version: input.version },
      data: {
        title: input.title,
        region: input.region,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        location: input.location,
        version: { increment: 1 },
        ...(meeting.status === "PUBLISHED" ? { changedAfterPublishAt: now } : {}),
      },
    });
    if (updated.count !== 1) return false;
    await tx.meetingInvitation.deleteMany({ where: { meetingId, organisationId: { in: removed } } });
    await tx.meetingInvitation.createMany({
      data: [...invited].map((organisationId) => ({ meetingId, organisationId })),
      skipDuplicates: true,
    });
    return true;
  });
  if (!written) {
    const current = await prisma.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { title: true, region: true, startsAt: true, durationMinutes: true, location: true, version: true },
    });
    return { ok: false as const, current };
  }
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.updated",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    at: now,
  });
  return { ok: true as const };
}

/** The meeting's details as the edit form starts from them (chair only). */
export async function getMeetingForEdit(user: SessionUser, meetingId: string) {
  await requireChairOf(user, meetingId);
  return prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      region: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      version: true,
      status: true,
      invitations: { select: { organisationId: true } },
    },
  });
}

/**
 * A meeting for someone who may see it: its chair always; members of invited organisations once
 * it is published. Each agenda item shows its content only to the chair and to the organisations
 * at its table; the others see that it exists (reference and timebox).
 */
export async function getMeeting(viewer: SessionUser, meetingId: string, meta: Acting) {
  const { view, audited } = await readMeeting(viewer, meetingId, meta);
  await audited;
  return view;
}

/**
 * The meeting as `getMeeting` shows it, the verified meeting for the page's other reads, and the
 * view's audit row as a write already under way: the page awaits it together with its other
 * reads, so recording the view costs no round trip of its own (and no page is sent unrecorded).
 */
export async function readMeeting(viewer: SessionUser, meetingId: string, meta: Acting) {
  const meeting = await readMeetingRow(meetingId);
  // The meeting rule on the loaded record: not invited and not the chair is "not found".
  const record = meeting ? meetingRecord(meeting) : null;
  const seat = record ? meetingSeat(viewer, record) : "none";
  ensure(meeting && record && seat !== "none", notFound);
  const isChair = seat === "chair";
  const items = meeting.items.map((item) => {
    const seat = itemSeat(viewer, record, { tableOrganisationIds: item.tables.map((t) => t.organisation.id) });
    const atTable = seesItemContent(seat);
    return {
      id: item.id,
      position: item.position,
      timeboxMinutes: item.timeboxMinutes,
      reference: item.case.reference,
      changedAfterPublish: item.changedAfterPublishAt !== null,
      closed: item.closedAt !== null,
      content: atTable
        ? {
            question: item.question,
            riskLevel: item.case.riskLevel,
            askingOrganisation: item.askingOrganisation.shortCode,
            tables: item.tables.map((t) => t.organisation.shortCode),
          }
        : null,
    };
  });
  // An item taken off the agenda: everyone invited sees that it went; why, only whoever saw its content.
  const removedItems = meeting.removedItems.map((r) => ({
    id: r.id,
    reference: r.caseReference,
    timeboxMinutes: r.timeboxMinutes,
    removedAt: r.removedAt,
    reason: seesItemContent(itemSeat(viewer, record, r)) ? r.reason : null,
  }));
  const shown = items.filter((i) => i.content).map((i) => i.reference);
  // The agenda shows case content (questions): record who saw which, as for opening a case.
  const audited =
    shown.length > 0
      ? recordAudit({
          actor: actorOf(viewer),
          action: "meeting.agenda.viewed",
          subjectType: "Meeting",
          subjectId: meeting.id,
          clientAddress: meta.clientAddress,
          details: { cases: shown },
          at: meta.now,
        })
      : Promise.resolve();
  const verified = verifiedMeeting({
    id: meeting.id,
    startsAt: meeting.startsAt,
    record,
    items: meeting.items.map((i) => ({
      caseId: i.caseId,
      reference: i.case.reference,
      tableOrganisationIds: i.tables.map((t) => t.organisation.id),
    })),
  });
  const view = {
    id: meeting.id,
    title: meeting.title,
    region: meeting.region,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    status: meeting.status,
    publishedAt: meeting.publishedAt,
    changedAfterPublishAt: meeting.changedAfterPublishAt,
    chairId: meeting.chairId,
    chair: meeting.chair,
    invitations: meeting.invitations,
    isChair,
    items,
    removedItems,
    plannedMinutes: items.reduce((sum, i) => sum + i.timeboxMinutes, 0),
  };
  return { view, verified, audited };
}

/** The meetings a user may see: the ones they chair (drafts too), and published ones their organisation is invited to. */
export async function listMeetings(viewer: SessionUser, now = new Date()) {
  const meetings = await prisma.meeting.findMany({
    where: {
      ...meetingVisibleWhere(viewer),
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      status: true,
      _count: { select: { items: true } },
    },
  });
  // A finished meeting is past, even when it ended before its planned time was over.
  const isPast = (m: { startsAt: Date; durationMinutes: number; status: string }) =>
    m.status === "FINISHED" || m.startsAt.getTime() + m.durationMinutes * 60_000 < now.getTime();
  return {
    upcoming: meetings.filter((m) => !isPast(m)),
    past: meetings.filter(isPast).reverse(),
  };
}

/** Every organisation, to choose invitees from. */
export function invitableOrganisations() {
  return prisma.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, shortCode: true } });
}

/** For platform admins: every meeting, with no agenda content (they are usually not invited). */
export async function listMeetingsForAdmin(admin: SessionUser) {
  ensure(admin.roles.includes("PLATFORM_ADMIN"), forbidden);
  const [meetings, chairs] = await Promise.all([
    prisma.meeting.findMany({
      orderBy: { startsAt: "desc" },
      take: 200,
      select: {
        id: true,
        title: true,
        startsAt: true,
        status: true,
        chairId: true,
        chair: { select: { name: true, organisation: { select: { shortCode: true } } } },
      },
    }),
    prisma.user.findMany({
      where: { roles: { has: "CHAIR" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, organisation: { select: { shortCode: true } } },
    }),
  ]);
  return { meetings, chairs };
}

/**
 * A platform admin hands a meeting to another chair (illness, leave). The new chair's
 * organisation is invited if it was not; the old chair keeps no special rights.
 */
export async function reassignChair(admin: SessionUser, meetingId: string, newChairId: string, meta: Acting) {
  ensure(admin.roles.includes("PLATFORM_ADMIN"), forbidden);
  const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, select: { id: true, chairId: true } });
  ensure(meeting, notFound);
  const chair = await prisma.user.findFirst({
    where: { id: newChairId, roles: { has: "CHAIR" } },
    select: { id: true, organisationId: true },
  });
  if (!chair) throw ruleError("meetings.errors.notAChair");
  await prisma.$transaction([
    prisma.meeting.update({ where: { id: meetingId }, data: { chairId: chair.id, version: { increment: 1 } } }),
    prisma.meetingInvitation.createMany({
      data: [{ meetingId, organisationId: chair.organisationId }],
      skipDuplicates: true,
    }),
  ]);
  await recordAudit({
    actor: actorOf(admin),
    action: "meeting.chair.reassigned",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    details: { from: meeting.chairId, to: chair.id },
    at: meta.now,
  });
  // Sockets at the live table follow at once, not at the next session round.
  await publishAccessChange(meetingId);
}

export { addAgendaItem, moveAgendaItem, publishMeeting, reorderAgenda } from "./agenda.server";
export { meetingCalendar } from "./meeting-calendar.server";
export { acceptProposal, declineProposal, listProposals, proposeItem } from "./proposals.server";

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  caseOwnedWhere,
  caseVisibleWhere,
  itemSeat,
  meetingChairedWhere,
  meetingSeat,
  meetingVisibleWhere,
  seesItemContent,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, forbidden, notFound, ruleError } from "~/domain/errors.server";
import type { Prisma } from "~/generated/prisma/client";

import type { NewAgendaItem, NewMeeting, Proposal } from "./meeting.schema";

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

/** The meeting as its chair, for changes: 404 when it does not exist or is not theirs. */
async function requireChairOf(user: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingChairedWhere(user) },
    select: { id: true, status: true, invitations: { select: { organisationId: true } } },
  });
  ensure(meeting, notFound);
  return meeting;
}

/**
 * A meeting for someone who may see it: its chair always; members of invited organisations once
 * it is published. Each agenda item shows its content only to the chair and to the organisations
 * at its table; the others see that it exists (reference and timebox).
 */
export async function getMeeting(viewer: SessionUser, meetingId: string, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: {
      id: meetingId,
      ...meetingVisibleWhere(viewer),
    },
    select: {
      id: true,
      title: true,
      region: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      status: true,
      publishedAt: true,
      changedAfterPublishAt: true,
      chairId: true,
      chair: { select: { name: true, organisation: { select: { shortCode: true } } } },
      invitations: { select: { organisation: { select: { id: true, name: true, shortCode: true } } } },
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          timeboxMinutes: true,
          question: true,
          changedAfterPublishAt: true,
          case: { select: { reference: true, riskLevel: true } },
          askingOrganisation: { select: { id: true, shortCode: true } },
          tables: { select: { organisation: { select: { id: true, shortCode: true } } } },
        },
      },
    },
  });
  ensure(meeting, notFound);
  const record = { ...meeting, invitedOrganisationIds: meeting.invitations.map((i) => i.organisation.id) };
  const isChair = meetingSeat(viewer, record) === "chair";
  const items = meeting.items.map((item) => {
    const seat = itemSeat(viewer, record, { tableOrganisationIds: item.tables.map((t) => t.organisation.id) });
    const atTable = seesItemContent(seat);
    return {
      id: item.id,
      position: item.position,
      timeboxMinutes: item.timeboxMinutes,
      reference: item.case.reference,
      changedAfterPublish: item.changedAfterPublishAt !== null,
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
  const shown = items.filter((i) => i.content).map((i) => i.reference);
  if (shown.length > 0) {
    // The agenda shows case content (questions): record who saw which, as for opening a case.
    await recordAudit({
      actor: actorOf(viewer),
      action: "meeting.agenda.viewed",
      subjectType: "Meeting",
      subjectId: meeting.id,
      clientAddress: meta.clientAddress,
      details: { cases: shown },
      at: meta.now,
    });
  }
  const { items: _items, ...rest } = meeting;
  return {
    ...rest,
    isChair,
    items,
    plannedMinutes: items.reduce((sum, i) => sum + i.timeboxMinutes, 0),
  };
}

/**
 * Puts a case on the agenda. Only the chair; only a case the chair may see; the asking
 * organisation and every organisation at the table must be invited (the asking one is always at
 * the table). After publishing, the item is marked as a change.
 */
export async function addAgendaItem(user: SessionUser, meetingId: string, input: NewAgendaItem, meta: Acting) {
  const meeting = await requireChairOf(user, meetingId);
  const found = await prisma.case.findFirst({
    where: { reference: input.caseReference, ...caseVisibleWhere(user) },
    select: { id: true },
  });
  if (!found) throw ruleError("meetings.errors.unknownCase");
  const item = await insertItem(meeting, { ...input, caseId: found.id }, meta.now ?? new Date());
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.item.added",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    details: { case: input.caseReference },
    at: meta.now,
  });
  return item;
}

type ChairedMeeting = Awaited<ReturnType<typeof requireChairOf>>;

/** The one place an item joins an agenda (directly or from an accepted proposal). */
async function insertItem(
  meeting: ChairedMeeting,
  input: Omit<NewAgendaItem, "caseReference"> & { caseId: string },
  now: Date,
  tx: Prisma.TransactionClient | null = null,
) {
  if (meeting.status === "LIVE" || meeting.status === "FINISHED") throw ruleError("meetings.errors.closedForChanges");
  const invited = new Set(meeting.invitations.map((i) => i.organisationId));
  const tables = new Set([...input.tableOrganisationIds, input.askingOrganisationId]);
  if (![...tables].every((id) => invited.has(id))) throw ruleError("meetings.errors.tableNotInvited");
  const write = async (db: Prisma.TransactionClient) => {
    const last = await db.agendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
    return db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        caseId: input.caseId,
        question: input.question,
        askingOrganisationId: input.askingOrganisationId,
        timeboxMinutes: input.timeboxMinutes,
        position: (last._max.position ?? 0) + 1,
        changedAfterPublishAt: meeting.status === "PUBLISHED" ? now : null,
        tables: { create: [...tables].map((organisationId) => ({ organisationId })) },
      },
      select: { id: true },
    });
  };
  return tx ? write(tx) : prisma.$transaction(write);
}

/**
 * Writes a new order. Items whose place changed after publishing are marked as changed, and the
 * change is audited like every other change to the agenda.
 */
async function writeOrder(user: SessionUser, meeting: ChairedMeeting, before: string[], order: string[], meta: Acting) {
  const now = meta.now ?? new Date();
  const published = meeting.status === "PUBLISHED";
  await prisma.$transaction(
    order.map((id, index) =>
      prisma.agendaItem.update({
        where: { id },
        data: { position: index + 1, ...(published && before[index] !== id ? { changedAfterPublishAt: now } : {}) },
      }),
    ),
  );
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.agenda.reordered",
    subjectType: "Meeting",
    subjectId: meeting.id,
    clientAddress: meta.clientAddress,
    at: now,
  });
}

/** Moves an item one place up or down (the keyboard alternative to drag and drop). */
export async function moveAgendaItem(
  user: SessionUser,
  meetingId: string,
  itemId: string,
  direction: "up" | "down",
  meta: Acting = { clientAddress: null },
) {
  const meeting = await requireChairOf(user, meetingId);
  const items = await prisma.agendaItem.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const at = items.findIndex((i) => i.id === itemId);
  ensure(at >= 0, notFound);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= items.length) return;
  const before = items.map((i) => i.id);
  const order = [...before];
  [order[at], order[to]] = [order[to] as string, order[at] as string];
  await writeOrder(user, meeting, before, order, meta);
}

/**
 * Sets the whole order at once (drag and drop). The list must be exactly the agenda's current
 * items: if someone added or removed one meanwhile, the order is refused rather than guessed.
 */
export async function reorderAgenda(
  user: SessionUser,
  meetingId: string,
  orderedIds: string[],
  meta: Acting = { clientAddress: null },
) {
  const meeting = await requireChairOf(user, meetingId);
  const current = await prisma.agendaItem.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const same =
    orderedIds.length === current.length &&
    new Set(orderedIds).size === orderedIds.length &&
    current.every((i) => orderedIds.includes(i.id));
  if (!same) throw ruleError("meetings.errors.staleOrder");
  await writeOrder(
    user,
    meeting,
    current.map((i) => i.id),
    orderedIds,
    meta,
  );
}

/** Draft → published: from now on invitees see the meeting, and changes are marked. */
export async function publishMeeting(user: SessionUser, meetingId: string, meta: Acting) {
  const meeting = await requireChairOf(user, meetingId);
  if (meeting.status !== "DRAFT") throw ruleError("meetings.errors.alreadyPublished");
  await prisma.meeting.update({
    where: { id: meetingId },
    data: { status: "PUBLISHED", publishedAt: meta.now ?? new Date() },
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.published",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
}

/**
 * A member of an invited organisation proposes one of its own cases for a published meeting.
 * The chair sees the proposal and decides; until then it is not on the agenda.
 */
export async function proposeItem(user: SessionUser, meetingId: string, input: Proposal, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, status: "PUBLISHED", invitations: { some: { organisationId: user.organisation.id } } },
    select: { id: true },
  });
  ensure(meeting, notFound);
  const found = await prisma.case.findFirst({
    where: { reference: input.caseReference, ...caseOwnedWhere(user) },
    select: { id: true },
  });
  if (!found) throw ruleError("meetings.errors.unknownCase");
  const proposal = await prisma.agendaProposal.create({
    data: {
      meetingId,
      caseId: found.id,
      question: input.question,
      timeboxMinutes: input.timeboxMinutes,
      proposingOrganisationId: user.organisation.id,
      proposedById: user.id,
    },
    select: { id: true },
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.proposal.made",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    details: { case: input.caseReference },
    at: meta.now,
  });
  return proposal;
}

/** The proposals a user may see: all of them for the chair, their own organisation's otherwise. */
export async function listProposals(user: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: {
      id: meetingId,
      ...meetingVisibleWhere(user),
    },
    select: { chairId: true },
  });
  ensure(meeting, notFound);
  return prisma.agendaProposal.findMany({
    where: { meetingId, ...(meeting.chairId === user.id ? {} : { proposingOrganisationId: user.organisation.id }) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      question: true,
      timeboxMinutes: true,
      status: true,
      declineReason: true,
      case: { select: { reference: true, riskLevel: true } },
      proposingOrganisation: { select: { id: true, shortCode: true } },
    },
  });
}

async function requirePendingProposal(user: SessionUser, proposalId: string) {
  const proposal = await prisma.agendaProposal.findFirst({
    where: { id: proposalId, meeting: meetingChairedWhere(user) },
    select: {
      id: true,
      meetingId: true,
      caseId: true,
      question: true,
      timeboxMinutes: true,
      status: true,
      proposingOrganisationId: true,
      case: { select: { reference: true } },
    },
  });
  ensure(proposal, notFound);
  if (proposal.status !== "PENDING") throw ruleError("meetings.errors.alreadyDecided");
  return proposal;
}

/** The chair accepts: the case joins the agenda, asked by the proposing organisation. */
export async function acceptProposal(
  user: SessionUser,
  proposalId: string,
  input: { tableOrganisationIds: string[] },
  meta: Acting,
) {
  const proposal = await requirePendingProposal(user, proposalId);
  const meeting = await requireChairOf(user, proposal.meetingId);
  const now = meta.now ?? new Date();
  const item = await prisma.$transaction(async (tx) => {
    // Decide first, conditionally: two clicks on "accept" cannot add the case twice.
    const decided = await tx.agendaProposal.updateMany({
      where: { id: proposalId, status: "PENDING" },
      data: { status: "ACCEPTED", decidedById: user.id, decidedAt: now },
    });
    if (decided.count !== 1) throw ruleError("meetings.errors.alreadyDecided");
    const created = await insertItem(
      meeting,
      {
        caseId: proposal.caseId,
        question: proposal.question,
        askingOrganisationId: proposal.proposingOrganisationId,
        timeboxMinutes: proposal.timeboxMinutes,
        tableOrganisationIds: input.tableOrganisationIds,
      },
      now,
      tx,
    );
    await tx.agendaProposal.update({ where: { id: proposalId }, data: { agendaItemId: created.id } });
    return created;
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.proposal.accepted",
    subjectType: "Meeting",
    subjectId: proposal.meetingId,
    clientAddress: meta.clientAddress,
    details: { case: proposal.case.reference },
    at: now,
  });
  return item;
}

/** The chair declines, with a reason the proposing organisation sees. */
export async function declineProposal(user: SessionUser, proposalId: string, input: { reason: string }, meta: Acting) {
  const proposal = await requirePendingProposal(user, proposalId);
  const decided = await prisma.agendaProposal.updateMany({
    where: { id: proposalId, status: "PENDING" },
    data: { status: "DECLINED", declineReason: input.reason, decidedById: user.id, decidedAt: meta.now ?? new Date() },
  });
  if (decided.count !== 1) throw ruleError("meetings.errors.alreadyDecided");
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.proposal.declined",
    subjectType: "Meeting",
    subjectId: proposal.meetingId,
    clientAddress: meta.clientAddress,
    details: { case: proposal.case.reference },
    at: meta.now,
  });
}

/**
 * The meeting as an .ics calendar file, for its chair and the invitees of a published meeting.
 * It carries the title, time, place and a link: no agenda content (a calendar leaves the product).
 */
export async function meetingCalendar(viewer: SessionUser, meetingId: string, baseUrl: string, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: {
      id: meetingId,
      ...meetingVisibleWhere(viewer),
    },
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      status: true,
      updatedAt: true,
    },
  });
  ensure(meeting, notFound);
  const { createEvent } = await import("ics");
  const url = new URL(`/overleggen/${meeting.id}`, baseUrl).toString();
  // Times are stored in UTC and written as UTC: `ics` would read "local" as the server's zone.
  const { error, value } = createEvent({
    uid: `${meeting.id}@actie-overleg`,
    title: meeting.title,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.durationMinutes },
    location: meeting.location,
    url,
    description: url,
    status: "CONFIRMED",
    productId: "actie-overleg",
    lastModified: meeting.updatedAt.getTime(),
  });
  if (error || !value) throw error ?? new Error("ics failed");
  await recordAudit({
    actor: actorOf(viewer),
    action: "meeting.calendar.downloaded",
    subjectType: "Meeting",
    subjectId: meeting.id,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
  return { filename: `actie-overleg-${meeting.startsAt.toISOString().slice(0, 10)}.ics`, body: value };
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
  const endOf = (m: { startsAt: Date; durationMinutes: number }) => m.startsAt.getTime() + m.durationMinutes * 60_000;
  return {
    upcoming: meetings.filter((m) => endOf(m) >= now.getTime()),
    past: meetings.filter((m) => endOf(m) < now.getTime()).reverse(),
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
}

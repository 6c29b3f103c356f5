/** Starting a live meeting, access to it (asked once per join) and the board as one user sees it. */
import type { AuditInput } from "~/audit/audit.server";
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { isoOf, prisma, sqlQuery } from "~/db.server";
import type { ItemCapabilities, ItemSeat, MeetingSeat } from "~/domain/access/access.server";
import {
  itemCapabilities,
  itemSeat,
  meetingChairedWhere,
  meetingRecord,
  meetingSeat,
  seesItemContent,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ruleError } from "~/domain/errors.server";
import type { MeetingRow } from "~/domain/meetings/meeting-read.server";
import { readMeetingRow } from "~/domain/meetings/meeting-read.server";
import { roleProfileSchema } from "~/domain/organisations/role-profile.schema";
import { Prisma } from "~/generated/prisma/client";
import type { LiveBoard, LiveMeetingState, ProfileExcerpt } from "~/realtime/events";
import { publishMeetingState } from "~/realtime/publish.server";

import { boardsOf, meetingState, notFound } from "./live-views.server";

// ---- Starting, joining ------------------------------------------------------------------------

function excerptOf(profileVersion: number, content: unknown): ProfileExcerpt {
  const parsed = roleProfileSchema.safeParse(content);
  if (!parsed.success) return { profileVersion, offers: [], limits: [], legalBases: [] };
  return {
    profileVersion,
    offers: parsed.data.capabilities.map((c) => c.title),
    limits: parsed.data.limits.map((l) => l.title),
    legalBases: parsed.data.legalBases.map((b) => ({
      label: [b.law, b.article].filter(Boolean).join(" "),
      allows: b.allows,
    })),
  };
}

type Seat = { itemId: string; organisationId: string };

/** What each organisation's current role profile says it offers, cannot do and may share. */
export async function profileExcerpts(organisationIds: string[]): Promise<Map<string, ProfileExcerpt>> {
  const profiles = await prisma.organisation.findMany({
    where: { id: { in: [...new Set(organisationIds)] } },
    select: { id: true, profileVersion: true },
  });
  const contents = profiles.length
    ? await prisma.roleProfileVersion.findMany({
        where: { OR: profiles.map((p) => ({ organisationId: p.id, number: p.profileVersion })) },
        select: { organisationId: true, number: true, content: true },
      })
    : [];
  const excerpts = new Map(profiles.map((p) => [p.id, excerptOf(p.profileVersion, null)]));
  for (const c of contents) excerpts.set(c.organisationId, excerptOf(c.number, c.content));
  return excerpts;
}

/** A role card per organisation at an item's table, pre-filled from its profile (start, or joining later). */
export async function createRoleCards(
  tx: Prisma.TransactionClient,
  seats: Seat[],
  excerpts: Map<string, ProfileExcerpt>,
): Promise<void> {
  if (seats.length === 0) return;
  await tx.roleCard.createMany({
    data: seats.map((seat) => ({
      agendaItemId: seat.itemId,
      organisationId: seat.organisationId,
      profile: (excerpts.get(seat.organisationId) ?? excerptOf(0, null)) as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
}

/**
 * The chair opens the published meeting. Every organisation at an item's table gets its role card
 * for that item, pre-filled with what its current role profile says it offers, cannot do and may
 * share on which legal basis.
 */
export async function startMeeting(user: SessionUser, meetingId: string, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingChairedWhere(user) },
    select: {
      status: true,
      // In agenda order: the first item is on the table when the meeting starts.
      items: { orderBy: { position: "asc" }, select: { id: true, tables: { select: { organisationId: true } } } },
    },
  });
  if (!meeting) throw notFound();
  if (meeting.status !== "PUBLISHED") throw ruleError("live.errors.notStartable");
  const seats = meeting.items.flatMap((item) =>
    item.tables.map((t) => ({ itemId: item.id, organisationId: t.organisationId })),
  );
  const excerpts = await profileExcerpts(seats.map((s) => s.organisationId));
  const now = meta.now ?? new Date();
  const first = meeting.items[0]?.id ?? null;
  await prisma.$transaction(async (tx) => {
    const started = await tx.meeting.updateMany({
      where: { id: meetingId, status: "PUBLISHED" },
      data: {
        status: "LIVE",
        startedAt: now,
        currentItemId: first,
        currentItemSince: first ? now : null,
        liveSeq: { increment: 1 },
      },
    });
    if (started.count !== 1) throw ruleError("live.errors.notStartable");
    await createRoleCards(tx, seats, excerpts);
    await recordAudit(
      { actor: actorOf(user), action: "meeting.started", subjectType: "Meeting", subjectId: meetingId, at: now },
      tx,
    );
  });
  publishMeetingState(meetingId, await readMeetingState(meetingId));
}

export async function readMeetingState(meetingId: string): Promise<LiveMeetingState> {
  return (await readStateAndSeqs(meetingId)).state;
}

/**
 * The meeting-level state and every item's sequence number, in one statement through the pool:
 * read after each chair control and on every join.
 */
async function readStateAndSeqs(meetingId: string) {
  const [row] = await sqlQuery<{
    state: LiveMeetingState;
    seqs: { id: string; liveSeq: number }[];
  }>(Prisma.sql`
    SELECT json_build_object('seq', m."liveSeq", 'status', m.status, 'currentItemId', m."currentItemId",
             'currentItemSince', ${isoOf('m."currentItemSince"')}, 'endedAt', ${isoOf('m."endedAt"')},
             'items', COALESCE((SELECT json_agg(json_build_object('id', a.id, 'closedAt', ${isoOf('a."closedAt"')},
                                  'closedWithOpenNeeds', a."closedWithOpenNeeds") ORDER BY a.position, a.id)
                                FROM "AgendaItem" a WHERE a."meetingId" = m.id), '[]')) AS state,
           COALESCE((SELECT json_agg(json_build_object('id', a.id, 'liveSeq', a."liveSeq"))
                     FROM "AgendaItem" a WHERE a."meetingId" = m.id), '[]') AS seqs
    FROM "Meeting" m WHERE m.id = ${meetingId}`);
  if (!row) throw notFound();
  return row;
}

/** One user's access to one live meeting, from one query: the seat and capabilities per item. */
export type LiveAccess = {
  meeting: MeetingRow;
  seat: MeetingSeat;
  items: { row: MeetingRow["items"][number]; seat: ItemSeat; can: ItemCapabilities }[];
  /** The items whose content (and room) this user may have. */
  visibleItemIds: string[];
};

/**
 * Whether this user may be in the live meeting at all (invited or chair, meeting started), and
 * which items they see in full (the access module's item rule). Checked before a socket joins
 * any room, and the same answer then shapes the board: the rule is asked once per join.
 */
export async function liveAccess(user: SessionUser, meetingId: string): Promise<LiveAccess> {
  return liveAccessTo(user, await readMeetingRow(meetingId));
}

/** `liveAccess` on a meeting already read: for asking about many people at once. */
export function liveAccessTo(user: SessionUser, meeting: MeetingRow | null): LiveAccess {
  // The meeting rule on the loaded record: not invited and not the chair is "not found".
  const record = meeting ? meetingRecord(meeting) : null;
  if (!meeting || !record || meetingSeat(user, record) === "none") throw notFound();
  if (meeting.status !== "LIVE" && meeting.status !== "FINISHED") throw ruleError("live.errors.notStarted");
  const items = meeting.items.map((row) => {
    const item = { tableOrganisationIds: row.tables.map((t) => t.organisationId) };
    const seat = itemSeat(user, record, item);
    return { row, seat, can: itemCapabilities(user, seat, item) };
  });
  return {
    meeting,
    seat: meetingSeat(user, record),
    items,
    visibleItemIds: items.filter((i) => seesItemContent(i.seat)).map((i) => i.row.id),
  };
}

/**
 * The whole live meeting as this user may see it: meeting-level state for every invitee, each
 * item's content and board only for the chair and the organisations at its table. Used on first
 * load and on every reconnect (catch-up). Showing case content is recorded in the audit trail.
 *
 * Given the access read before a socket joined its rooms, only what can have changed since is
 * read again (sequence numbers, state and boards): an event written in between carries a
 * sequence number above the board's and is applied by the client.
 */
export async function loadBoard(
  user: SessionUser,
  meetingId: string,
  meta: Acting,
  known?: LiveAccess,
): Promise<LiveBoard> {
  const access = known ?? (await liveAccess(user, meetingId));
  const { meeting } = access;
  const visible = access.items.filter((i) => seesItemContent(i.seat));
  // What can have moved on between the access query and joining the rooms.
  const fresh = known ? await readStateAndSeqs(meetingId) : null;
  const state = fresh?.state ?? meetingState(meeting);
  const seqs = fresh?.seqs ?? meeting.items;
  const seqOf = new Map(seqs.map((r) => [r.id, r.liveSeq]));
  // Showing case content is recorded, in the statement that reads it.
  const shown = visible.map((i) => i.row.case.reference);
  const audit: AuditInput | null =
    shown.length > 0
      ? {
          actor: actorOf(user),
          action: "meeting.live.viewed",
          subjectType: "Meeting",
          subjectId: meetingId,
          clientAddress: meta.clientAddress,
          details: { cases: shown },
          at: meta.now,
        }
      : null;
  const { boards, people } = await boardsOf(
    visible.map((i) => ({ id: i.row.id, caseId: i.row.caseId, seq: seqOf.get(i.row.id) ?? 0 })),
    {
      meetingId,
      startsAt: meeting.startsAt,
      organisationIds: meeting.invitations.map((i) => i.organisationId),
      audit,
    },
  );
  const items = access.items.map(({ row, can }) => {
    const board = boards.get(row.id);
    return {
      id: row.id,
      position: row.position,
      reference: row.case.reference,
      timeboxMinutes: row.timeboxMinutes,
      content: board
        ? { question: row.question, tableOrganisationIds: row.tables.map((t) => t.organisationId), can, board }
        : null,
    };
  });
  const organisations = meeting.invitations
    .map((i) => i.organisation)
    .sort((a, b) => a.shortCode.localeCompare(b.shortCode));
  const isChair = access.seat === "chair";
  return {
    meetingId,
    title: meeting.title,
    chairId: meeting.chairId,
    isChair,
    can: { runMeeting: isChair },
    viewer: { userId: user.id, organisationId: user.organisation.id },
    organisations,
    people,
    state,
    items,
  };
}

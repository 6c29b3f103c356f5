import { randomUUID } from "node:crypto";

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { AuditAction } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { ItemCapabilities, ItemSeat, MeetingSeat } from "~/domain/access/access.server";
import {
  itemCapabilities,
  itemSeat,
  maySetInvolvement,
  meetingChairedWhere,
  meetingSeat,
  meetingVisibleWhere,
  seesItemContent,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import {
  applyActionUpdate,
  checkActionOwner,
  currentAction,
  earlierActionById,
  earlierActionsByCase,
} from "~/domain/actions/actions.server";
import { conflict, forbidden, notFound as notFoundError, ruleError } from "~/domain/errors.server";
import { roleProfileSchema } from "~/domain/organisations/role-profile.schema";
import { Prisma } from "~/generated/prisma/client";
import type {
  ActionView,
  BoardChange,
  DecisionView,
  ItemBoard,
  LiveBoard,
  LiveMeetingState,
  NeedView,
  ProfileExcerpt,
  ResponsibilityView,
  RoleCardView,
  WriteResult,
} from "~/realtime/events";
import { publishItemChange, publishMeetingState } from "~/realtime/publish.server";

import type {
  ActionInput,
  ActionStatusInput,
  AddressNeedInput,
  DecisionInput,
  EarlierActionInput,
  NeedInput,
  ResponsibilityInput,
  RoleCardInput,
} from "./live.schema";

type Tx = Prisma.TransactionClient;

const notFound = () => notFoundError("live.errors.notFound");

// ---- Views ------------------------------------------------------------------------------------

const roleCardSelect = {
  id: true,
  organisationId: true,
  profile: true,
  roleInCase: true,
  knowledge: true,
  knowledgeLegalBasis: true,
  contribution: true,
  limitsHere: true,
  completedAt: true,
  version: true,
} as const;
type RoleCardRow = Prisma.RoleCardGetPayload<{ select: typeof roleCardSelect }>;

function roleCardView(row: RoleCardRow): RoleCardView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    profile: row.profile as ProfileExcerpt,
    roleInCase: row.roleInCase,
    knowledge: row.knowledge,
    knowledgeLegalBasis: row.knowledgeLegalBasis,
    contribution: row.contribution,
    limitsHere: row.limitsHere,
    completed: row.completedAt !== null,
    version: row.version,
  };
}

const needSelect = {
  id: true,
  organisationId: true,
  text: true,
  status: true,
  addressedByOrganisationId: true,
  addressedNote: true,
  version: true,
} as const;
const needView = (row: Prisma.NeedGetPayload<{ select: typeof needSelect }>): NeedView => ({ ...row });

const decisionSelect = {
  id: true,
  text: true,
  version: true,
  dissents: { select: { organisationId: true, reason: true }, orderBy: { organisationId: "asc" } },
} as const;
const decisionView = (row: Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>): DecisionView => ({
  ...row,
});

const actionSelect = {
  id: true,
  description: true,
  ownerOrganisationId: true,
  ownerUserId: true,
  ownerUser: { select: { name: true } },
  dueDate: true,
  status: true,
  version: true,
} as const;
function actionView(row: Prisma.ActionGetPayload<{ select: typeof actionSelect }>): ActionView {
  return {
    id: row.id,
    description: row.description,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerUser?.name ?? null,
    dueDate: row.dueDate.toISOString().slice(0, 10),
    status: row.status,
    version: row.version,
  };
}

const responsibilitySelect = { organisationId: true, involvement: true, version: true } as const;

async function responsibilitiesOf(db: Tx, agendaItemId: string): Promise<ResponsibilityView[]> {
  return db.agendaItemTable.findMany({
    where: { agendaItemId },
    select: responsibilitySelect,
    orderBy: { organisation: { shortCode: "asc" } },
  });
}

/**
 * The boards of the given items (same meeting): one statement per kind of entry for all items
 * together, and two for the earlier actions of all their cases — however many items there are.
 */
async function boardsOf(
  items: { id: string; caseId: string; seq: number }[],
  context: { meetingId: string; startsAt: Date },
): Promise<Map<string, ItemBoard>> {
  const ids = items.map((i) => i.id);
  const inItems = { agendaItemId: { in: ids } };
  const [earlier, roleCards, tables, needs, decisions, actions] = await Promise.all([
    earlierActionsByCase(
      context.meetingId,
      context.startsAt,
      items.map((i) => i.caseId),
    ),
    prisma.roleCard.findMany({
      where: inItems,
      select: { agendaItemId: true, ...roleCardSelect },
      orderBy: { organisation: { shortCode: "asc" } },
    }),
    prisma.agendaItemTable.findMany({
      where: inItems,
      select: { agendaItemId: true, ...responsibilitySelect },
      orderBy: { organisation: { shortCode: "asc" } },
    }),
    prisma.need.findMany({
      where: inItems,
      select: { agendaItemId: true, ...needSelect },
      orderBy: { createdAt: "asc" },
    }),
    prisma.decision.findMany({
      where: inItems,
      select: { agendaItemId: true, ...decisionSelect },
      orderBy: { createdAt: "asc" },
    }),
    prisma.action.findMany({
      where: inItems,
      select: { agendaItemId: true, ...actionSelect },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const of = <T extends { agendaItemId: string }>(rows: T[], id: string) => rows.filter((r) => r.agendaItemId === id);
  return new Map(
    items.map((item) => [
      item.id,
      {
        seq: item.seq,
        earlierActions: earlier.get(item.caseId) ?? [],
        roleCards: of(roleCards, item.id).map(roleCardView),
        responsibilities: of(tables, item.id).map(({ agendaItemId: _, ...r }) => r),
        needs: of(needs, item.id).map(({ agendaItemId: _, ...n }) => needView(n)),
        decisions: of(decisions, item.id).map(({ agendaItemId: _, ...d }) => decisionView(d)),
        actions: of(actions, item.id).map(actionView),
      },
    ]),
  );
}

const meetingStateSelect = {
  liveSeq: true,
  status: true,
  currentItemId: true,
  currentItemSince: true,
  endedAt: true,
  items: {
    orderBy: { position: "asc" },
    select: { id: true, closedAt: true, closedWithOpenNeeds: true },
  },
} as const;

function meetingState(row: Prisma.MeetingGetPayload<{ select: typeof meetingStateSelect }>): LiveMeetingState {
  return {
    seq: row.liveSeq,
    status: row.status,
    currentItemId: row.currentItemId,
    currentItemSince: row.currentItemSince?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    items: row.items.map((i) => ({
      id: i.id,
      closedAt: i.closedAt?.toISOString() ?? null,
      closedWithOpenNeeds: i.closedWithOpenNeeds,
    })),
  };
}

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

/**
 * The chair opens the published meeting. Every organisation at an item's table gets its role card
 * for that item, pre-filled with what its current role profile says it offers, cannot do and may
 * share on which legal basis.
 */
export async function startMeeting(user: SessionUser, meetingId: string, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingChairedWhere(user) },
    select: { status: true, items: { select: { id: true, tables: { select: { organisationId: true } } } } },
  });
  if (!meeting) throw notFound();
  if (meeting.status !== "PUBLISHED") throw ruleError("live.errors.notStartable");
  const organisationIds = [...new Set(meeting.items.flatMap((i) => i.tables.map((t) => t.organisationId)))];
  const profiles = await prisma.organisation.findMany({
    where: { id: { in: organisationIds } },
    select: { id: true, profileVersion: true },
  });
  const contents = await prisma.roleProfileVersion.findMany({
    where: { OR: profiles.map((p) => ({ organisationId: p.id, number: p.profileVersion })) },
    select: { organisationId: true, number: true, content: true },
  });
  const excerpts = new Map(profiles.map((p) => [p.id, excerptOf(p.profileVersion, null)]));
  for (const c of contents) excerpts.set(c.organisationId, excerptOf(c.number, c.content));
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
    await tx.roleCard.createMany({
      data: meeting.items.flatMap((item) =>
        item.tables.map((t) => ({
          agendaItemId: item.id,
          organisationId: t.organisationId,
          profile: excerpts.get(t.organisationId) as Prisma.InputJsonValue,
        })),
      ),
      skipDuplicates: true,
    });
    await recordAudit(
      { actor: actorOf(user), action: "meeting.started", subjectType: "Meeting", subjectId: meetingId, at: now },
      tx,
    );
  });
  publishMeetingState(meetingId, await readMeetingState(meetingId));
}

async function readMeetingState(meetingId: string): Promise<LiveMeetingState> {
  const row = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: meetingStateSelect });
  return meetingState(row);
}

const liveMeetingSelect = {
  id: true,
  title: true,
  chairId: true,
  startsAt: true,
  ...meetingStateSelect,
  invitations: { select: { organisation: { select: { id: true, name: true, shortCode: true } } } },
  items: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      timeboxMinutes: true,
      question: true,
      liveSeq: true,
      closedAt: true,
      closedWithOpenNeeds: true,
      caseId: true,
      case: { select: { reference: true } },
      tables: { select: { organisationId: true } },
    },
  },
} as const;
type LiveMeetingRow = Prisma.MeetingGetPayload<{ select: typeof liveMeetingSelect }>;

/** One user's access to one live meeting, from one query: the seat and capabilities per item. */
export type LiveAccess = {
  meeting: LiveMeetingRow;
  seat: MeetingSeat;
  items: { row: LiveMeetingRow["items"][number]; seat: ItemSeat; can: ItemCapabilities }[];
  /** The items whose content (and room) this user may have. */
  visibleItemIds: string[];
};

/**
 * Whether this user may be in the live meeting at all (invited or chair, meeting started), and
 * which items they see in full (the access module's item rule). Checked before a socket joins
 * any room, and the same answer then shapes the board: the rule is asked once per join.
 */
export async function liveAccess(user: SessionUser, meetingId: string): Promise<LiveAccess> {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingVisibleWhere(user) },
    select: liveMeetingSelect,
  });
  if (!meeting) throw notFound();
  if (meeting.status !== "LIVE" && meeting.status !== "FINISHED") throw ruleError("live.errors.notStarted");
  const record = { ...meeting, invitedOrganisationIds: meeting.invitations.map((i) => i.organisation.id) };
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

/** What can have moved on between the access query and joining the rooms. */
async function readSinceJoin(meetingId: string, itemIds: string[]) {
  const [state, seqs] = await Promise.all([
    readMeetingState(meetingId),
    prisma.agendaItem.findMany({ where: { id: { in: itemIds } }, select: { id: true, liveSeq: true } }),
  ]);
  return { state, seqs };
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
  const [fresh, people] = await Promise.all([
    known
      ? readSinceJoin(
          meetingId,
          visible.map((i) => i.row.id),
        )
      : null,
    prisma.user.findMany({
      where: { organisationId: { in: meeting.invitations.map((i) => i.organisation.id) } },
      select: { id: true, name: true, organisationId: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const state = fresh?.state ?? meetingState(meeting);
  const seqs = fresh?.seqs ?? meeting.items;
  const seqOf = new Map(seqs.map((r) => [r.id, r.liveSeq]));
  const boards = await boardsOf(
    visible.map((i) => ({ id: i.row.id, caseId: i.row.caseId, seq: seqOf.get(i.row.id) ?? 0 })),
    { meetingId, startsAt: meeting.startsAt },
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
  const shown = items.filter((i) => i.content).map((i) => i.reference);
  if (shown.length > 0) {
    await recordAudit({
      actor: actorOf(user),
      action: "meeting.live.viewed",
      subjectType: "Meeting",
      subjectId: meetingId,
      clientAddress: meta.clientAddress,
      details: { cases: shown },
      at: meta.now,
    });
  }
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

// ---- The chair's controls ---------------------------------------------------------------------

async function requireLiveChair(user: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingChairedWhere(user) },
    select: { status: true },
  });
  if (!meeting) throw notFound();
  if (meeting.status !== "LIVE") throw ruleError("live.errors.notLive");
}

async function changeMeeting(
  user: SessionUser,
  meetingId: string,
  action: AuditAction,
  meta: Acting,
  write: (tx: Tx, now: Date) => Promise<void>,
  details?: Prisma.InputJsonValue,
): Promise<LiveMeetingState> {
  await requireLiveChair(user, meetingId);
  const now = meta.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    // The status condition makes a change racing "end meeting" fail instead of writing after it.
    const bumped = await tx.meeting.updateMany({
      where: { id: meetingId, status: "LIVE" },
      data: { liveSeq: { increment: 1 } },
    });
    if (bumped.count !== 1) throw ruleError("live.errors.notLive");
    await write(tx, now);
    await recordAudit(
      {
        actor: actorOf(user),
        action,
        subjectType: "Meeting",
        subjectId: meetingId,
        clientAddress: meta.clientAddress,
        details,
        at: now,
      },
      tx,
    );
  });
  const state = await readMeetingState(meetingId);
  publishMeetingState(meetingId, state);
  return state;
}

/** "Nu aan tafel": every participant's screen follows, and the item's timer starts. */
export function setCurrentItem(user: SessionUser, meetingId: string, itemId: string, meta: Acting) {
  return changeMeeting(
    user,
    meetingId,
    "meeting.item.current",
    meta,
    async (tx, now) => {
      const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { closedAt: true } });
      if (!item) throw notFound();
      if (item.closedAt) throw ruleError("live.errors.itemClosed");
      await tx.meeting.update({ where: { id: meetingId }, data: { currentItemId: itemId, currentItemSince: now } });
    },
    { itemId },
  );
}

/**
 * The chair closes an item. While needs are open that needs an explicit confirmation, which is
 * recorded (on the item and in the audit trail) so no party's open question disappears silently.
 */
export function closeItem(
  user: SessionUser,
  meetingId: string,
  input: { itemId: string; confirmOpenNeeds: boolean },
  meta: Acting,
) {
  return changeMeeting(
    user,
    meetingId,
    "meeting.item.closed",
    meta,
    async (tx, now) => {
      const item = await tx.agendaItem.findFirst({
        where: { id: input.itemId, meetingId },
        select: { closedAt: true, _count: { select: { needs: { where: { status: "OPEN" } } } } },
      });
      if (!item) throw notFound();
      if (item.closedAt) throw ruleError("live.errors.itemClosed");
      const openNeeds = item._count.needs;
      if (openNeeds > 0 && !input.confirmOpenNeeds) throw ruleError("live.errors.openNeeds", { openNeeds });
      await tx.agendaItem.update({
        where: { id: input.itemId },
        data: { closedAt: now, closedWithOpenNeeds: openNeeds > 0, liveSeq: { increment: 1 } },
      });
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { currentItemId: true } });
      if (meeting.currentItemId === input.itemId) {
        await tx.meeting.update({ where: { id: meetingId }, data: { currentItemId: null, currentItemSince: null } });
      }
    },
    { itemId: input.itemId, confirmedOpenNeeds: input.confirmOpenNeeds },
  );
}

/** The chair ends the meeting (status afgerond): from now on the boards are read-only. */
export function endMeeting(user: SessionUser, meetingId: string, meta: Acting) {
  return changeMeeting(user, meetingId, "meeting.ended", meta, async (tx, now) => {
    await tx.meeting.update({
      where: { id: meetingId },
      data: { status: "FINISHED", endedAt: now, currentItemId: null, currentItemSince: null },
    });
  });
}

// ---- Writes on an item's board ----------------------------------------------------------------

type ItemContext = {
  itemId: string;
  meetingId: string;
  caseId: string;
  seat: ItemSeat;
  can: ItemCapabilities;
  tableOrganisationIds: string[];
};

/**
 * The item, for someone who sees its content (the access module's item rule) in a live meeting,
 * with what they may do there. Not at the table is answered like "does not exist": need-to-know
 * also means not confirming what is there. One SQL statement: this runs on every live write
 * (see bench/live.ts).
 */
async function requireItemAtTable(user: SessionUser, itemId: string): Promise<ItemContext> {
  const rows = await prisma.$queryRaw<
    {
      meetingId: string;
      caseId: string;
      closed: boolean;
      chairId: string;
      status: "DRAFT" | "PUBLISHED" | "LIVE" | "FINISHED";
      tables: string[];
      invited: string[];
    }[]
  >`
    SELECT i."meetingId", i."caseId", i."closedAt" IS NOT NULL AS closed, m."chairId", m.status::text AS status,
           ARRAY(SELECT t."organisationId" FROM "AgendaItemTable" t WHERE t."agendaItemId" = i.id) AS tables,
           ARRAY(SELECT v."organisationId" FROM "MeetingInvitation" v WHERE v."meetingId" = m.id) AS invited
    FROM "AgendaItem" i JOIN "Meeting" m ON m.id = i."meetingId"
    WHERE i.id = ${itemId}`;
  const row = rows[0];
  if (!row) throw notFound();
  const item = { tableOrganisationIds: row.tables };
  const seat = itemSeat(user, { chairId: row.chairId, status: row.status, invitedOrganisationIds: row.invited }, item);
  if (!seesItemContent(seat)) throw notFound();
  if (row.status !== "LIVE") throw ruleError("live.errors.notLive");
  if (row.closed) throw ruleError("live.errors.itemClosed");
  return {
    itemId,
    meetingId: row.meetingId,
    caseId: row.caseId,
    seat,
    can: itemCapabilities(user, seat, item),
    tableOrganisationIds: row.tables,
  };
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Runs one board write exactly once per idempotency key: the change, the item's sequence number,
 * the audit row and the key are written in one transaction. A retry with the same key (after a
 * timeout, or two in flight) gets the stored result and writes nothing.
 */
async function writeOnItem(
  user: SessionUser,
  itemId: string,
  key: string,
  action: AuditAction,
  meta: Acting,
  write: (tx: Tx, ctx: ItemContext, now: Date) => Promise<{ change: BoardChange; subjectId: string }>,
): Promise<WriteResult> {
  const stored = () =>
    prisma.liveMutation.findUnique({ where: { userId_key: { userId: user.id, key } }, select: { result: true } });
  const now = meta.now ?? new Date();
  let ctx: ItemContext;
  let result: WriteResult;
  try {
    ctx = await requireItemAtTable(user, itemId);
    result = await prisma.$transaction(async (tx) => {
      // First: lock the item row, number this change, and re-check it is still open and live.
      const bumped = await tx.$queryRaw<{ liveSeq: number }[]>`
        UPDATE "AgendaItem" i SET "liveSeq" = i."liveSeq" + 1
        FROM "Meeting" m
        WHERE i.id = ${itemId} AND i."closedAt" IS NULL AND m.id = i."meetingId" AND m.status = 'LIVE'
        RETURNING i."liveSeq"`;
      const liveSeq = bumped[0]?.liveSeq;
      if (liveSeq === undefined) throw ruleError("live.errors.itemClosed");
      const { change, subjectId } = await write(tx, ctx, now);
      const written: WriteResult = { itemId, seq: liveSeq, change };
      await recordAudit(
        {
          actor: actorOf(user),
          action,
          subjectType: change.kind,
          subjectId,
          clientAddress: meta.clientAddress,
          details: { itemId },
          at: now,
        },
        tx,
      );
      await tx.liveMutation.createMany({
        data: { userId: user.id, key, result: written as unknown as Prisma.InputJsonValue },
      });
      return written;
    });
  } catch (error) {
    // A retry of a write that went through answers its first result, whatever happened since
    // (the key's row made this attempt fail, or the item closed, or the version moved on).
    // Looked up only on failure: the usual write does not pay for it.
    const earlier = await stored();
    if (earlier) return earlier.result as WriteResult;
    if (isDuplicateKey(error)) throw conflict("live.errors.stale");
    throw error;
  }
  publishItemChange({
    meetingId: ctx.meetingId,
    itemId,
    seq: result.seq,
    change: result.change,
    by: { userId: user.id, name: user.name, organisationId: user.organisation.id },
  });
  return result;
}

/**
 * An organisation's members complete its own role card. Information is shared only on a legal
 * basis from the card's profile excerpt. A card saved from an outdated version is refused with
 * the current card.
 */
export async function saveRoleCard(user: SessionUser, input: RoleCardInput, meta: Acting): Promise<WriteResult> {
  const card = await prisma.roleCard.findUnique({
    where: { id: input.cardId },
    select: { agendaItemId: true, organisationId: true, profile: true },
  });
  if (!card) throw notFound();
  return writeOnItem(user, card.agendaItemId, input.key, "live.roleCard.saved", meta, async (tx, ctx, now) => {
    if (!ctx.can.editRoleCardOf.includes(card.organisationId)) throw forbidden("live.errors.notYourCard");
    const bases = (card.profile as ProfileExcerpt).legalBases.map((b) => b.label);
    if (input.knowledgeLegalBasis && !bases.includes(input.knowledgeLegalBasis))
      throw ruleError("live.errors.unknownLegalBasis");
    const completedAt = input.roleInCase && input.contribution ? now : null;
    // One statement with RETURNING: card edits are the most frequent live write.
    const [row] = await tx.$queryRaw<RoleCardRow[]>`
      UPDATE "RoleCard" SET "roleInCase" = ${input.roleInCase}, "knowledge" = ${input.knowledge},
        "knowledgeLegalBasis" = ${input.knowledge ? input.knowledgeLegalBasis : ""},
        "contribution" = ${input.contribution}, "limitsHere" = ${input.limitsHere}, "completedAt" = ${completedAt},
        "updatedById" = ${user.id}, "version" = "version" + 1, "updatedAt" = ${now}
      WHERE id = ${input.cardId} AND version = ${input.version}
      RETURNING id, "organisationId", profile, "roleInCase", knowledge, "knowledgeLegalBasis", contribution,
        "limitsHere", "completedAt", version`;
    if (!row) {
      const current = await tx.roleCard.findUniqueOrThrow({ where: { id: input.cardId }, select: roleCardSelect });
      throw conflict("live.errors.stale", roleCardView(current));
    }
    return { change: { kind: "roleCard", roleCard: roleCardView(row) }, subjectId: row.id };
  });
}

/**
 * Regie en verantwoordelijkheden. The chair records what the table agreed, for any organisation
 * at the table; a member may set their own organisation's part, except taking the lead, which the
 * table decides. One lead per item: a new lead makes the previous one "contributes".
 */
export async function setResponsibility(user: SessionUser, input: ResponsibilityInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.responsibility.set", meta, async (tx, ctx) => {
    if (!ctx.tableOrganisationIds.includes(input.organisationId)) throw notFound();
    if (!maySetInvolvement(ctx.can, input.organisationId, input.involvement))
      throw forbidden("live.errors.chairDecidesLead");
    const updated = await tx.agendaItemTable.updateMany({
      where: { agendaItemId: input.itemId, organisationId: input.organisationId, version: input.version },
      data: { involvement: input.involvement, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw conflict("live.errors.stale", await responsibilitiesOf(tx, input.itemId));
    }
    if (input.involvement === "LEADS") {
      await tx.agendaItemTable.updateMany({
        where: { agendaItemId: input.itemId, involvement: "LEADS", organisationId: { not: input.organisationId } },
        data: { involvement: "CONTRIBUTES", version: { increment: 1 } },
      });
    }
    return {
      change: { kind: "responsibilities", responsibilities: await responsibilitiesOf(tx, input.itemId) },
      subjectId: input.itemId,
    };
  });
}

/** A member raises a need on behalf of their own organisation. */
export async function addNeed(user: SessionUser, input: NeedInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.need.raised", meta, async (tx, ctx) => {
    if (!ctx.can.raiseNeed) throw forbidden("live.errors.notAtTable");
    // createMany with our own id: nothing to read back, the view is what was written.
    const need: NeedView = {
      id: randomUUID(),
      organisationId: user.organisation.id,
      text: input.text,
      status: "OPEN",
      addressedByOrganisationId: null,
      addressedNote: "",
      version: 1,
    };
    await tx.need.createMany({
      data: {
        id: need.id,
        agendaItemId: input.itemId,
        organisationId: need.organisationId,
        text: need.text,
        createdById: user.id,
      },
    });
    return { change: { kind: "need", need }, subjectId: need.id };
  });
}

/** Anyone at the table marks a need addressed, saying which organisation takes it up. */
export async function addressNeed(user: SessionUser, input: AddressNeedInput, meta: Acting) {
  const need = await prisma.need.findUnique({ where: { id: input.needId }, select: { agendaItemId: true } });
  if (!need) throw notFound();
  return writeOnItem(user, need.agendaItemId, input.key, "live.need.addressed", meta, async (tx, ctx, now) => {
    if (!ctx.tableOrganisationIds.includes(input.addressedByOrganisationId))
      throw ruleError("live.errors.notAtTableOrganisation");
    const updated = await tx.need.updateMany({
      where: { id: input.needId, version: input.version, status: "OPEN" },
      data: {
        status: "ADDRESSED",
        addressedByOrganisationId: input.addressedByOrganisationId,
        addressedNote: input.note,
        addressedById: user.id,
        addressedAt: now,
        version: { increment: 1 },
      },
    });
    const row = await tx.need.findUniqueOrThrow({ where: { id: input.needId }, select: needSelect });
    if (updated.count !== 1) throw conflict("live.errors.stale", needView(row));
    return { change: { kind: "need", need: needView(row) }, subjectId: row.id };
  });
}

/** The chair records what the table decided, with each dissenting organisation and its reason. */
export async function addDecision(user: SessionUser, input: DecisionInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.decision.recorded", meta, async (tx, ctx) => {
    if (!ctx.can.addDecision) throw forbidden("live.errors.chairOnly");
    const dissenting = new Set(input.dissents.map((d) => d.organisationId));
    if (dissenting.size !== input.dissents.length) throw ruleError("live.errors.duplicateDissent");
    if ([...dissenting].some((id) => !ctx.tableOrganisationIds.includes(id)))
      throw ruleError("live.errors.notAtTableOrganisation");
    const decision: DecisionView = {
      id: randomUUID(),
      text: input.text,
      dissents: input.dissents
        .map((d) => ({ organisationId: d.organisationId, reason: d.reason }))
        .sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
      version: 1,
    };
    await tx.decision.createMany({
      data: { id: decision.id, agendaItemId: input.itemId, text: decision.text, createdById: user.id },
    });
    if (decision.dissents.length) {
      await tx.decisionDissent.createMany({ data: decision.dissents.map((d) => ({ decisionId: decision.id, ...d })) });
    }
    return { change: { kind: "decision", decision }, subjectId: decision.id };
  });
}

/** Anyone at the table adds an action for an organisation at the table, optionally a named owner. */
export async function addAction(user: SessionUser, input: ActionInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.action.added", meta, async (tx, ctx) => {
    if (!ctx.tableOrganisationIds.includes(input.ownerOrganisationId))
      throw ruleError("live.errors.notAtTableOrganisation");
    let ownerName: string | null = null;
    if (input.ownerUserId) {
      const owner = await tx.user.findFirst({
        where: { id: input.ownerUserId, organisationId: input.ownerOrganisationId },
        select: { name: true },
      });
      if (!owner) throw ruleError("live.errors.ownerNotInOrganisation");
      ownerName = owner.name;
    }
    const action: ActionView = {
      id: randomUUID(),
      description: input.description,
      ownerOrganisationId: input.ownerOrganisationId,
      ownerUserId: input.ownerUserId || null,
      ownerName,
      dueDate: input.dueDate,
      status: "OPEN",
      version: 1,
    };
    await tx.action.createMany({
      data: {
        id: action.id,
        agendaItemId: input.itemId,
        caseId: ctx.caseId,
        description: action.description,
        ownerOrganisationId: action.ownerOrganisationId,
        ownerUserId: action.ownerUserId,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        createdById: user.id,
      },
    });
    return { change: { kind: "action", action }, subjectId: action.id };
  });
}

/** The owning organisation's members (or the chair) move an action's status. */
export async function setActionStatus(user: SessionUser, input: ActionStatusInput, meta: Acting) {
  const action = await prisma.action.findUnique({
    where: { id: input.actionId },
    select: { agendaItemId: true, ownerOrganisationId: true },
  });
  if (!action) throw notFound();
  return writeOnItem(user, action.agendaItemId, input.key, "live.action.status", meta, async (tx, ctx) => {
    if (!ctx.can.updateActionsOf.includes(action.ownerOrganisationId)) throw forbidden("live.errors.notYourAction");
    const updated = await tx.action.updateMany({
      where: { id: input.actionId, version: input.version, status: { not: "DONE" } },
      data: { status: input.status, version: { increment: 1 } },
    });
    const row = await tx.action.findUniqueOrThrow({ where: { id: input.actionId }, select: actionSelect });
    if (updated.count !== 1) throw conflict("live.errors.stale", actionView(row));
    return { change: { kind: "action", action: actionView(row) }, subjectId: row.id };
  });
}

/**
 * An action about this case from an earlier meeting, updated at the table by its owning
 * organisation (status with a note; closing with a reason): the same rules and history as in
 * /acties, and everyone at the table sees it at once.
 */
export async function updateEarlierAction(user: SessionUser, input: EarlierActionInput, meta: Acting) {
  const { key, itemId, ...update } = input;
  const audit = update.status === "DONE" ? "action.closed" : "action.updated";
  return writeOnItem(user, itemId, key, audit, meta, async (tx, ctx, now) => {
    const action = await tx.action.findFirst({
      where: { id: update.actionId, caseId: ctx.caseId, agendaItem: { meetingId: { not: ctx.meetingId } } },
      select: { ownerOrganisationId: true, status: true },
    });
    if (!action) throw notFound();
    if (!ctx.can.updateEarlierActionsOf.includes(action.ownerOrganisationId))
      throw forbidden("live.errors.notYourAction");
    if (action.status === "DONE") throw ruleError("actions.errors.alreadyClosed");
    const ownerProblem = await checkActionOwner(tx, user, update.ownerUserId);
    if (ownerProblem) throw ruleError(ownerProblem);
    if (!(await applyActionUpdate(tx, user, update, now)))
      throw conflict("live.errors.stale", await currentAction(tx, update.actionId));
    return {
      change: { kind: "earlierAction", action: await earlierActionById(tx, update.actionId) },
      subjectId: update.actionId,
    };
  });
}

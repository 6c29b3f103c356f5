/**
 * Correcting the agenda: an item's question, timebox and table changed, or the item taken off the
 * agenda, before and after publishing and at the live table (items not yet closed). Every
 * correction builds on the version the form showed: a stale one is refused with the item as it is
 * now. At a live table the sockets follow at once (`publishAccessChange`): an organisation taken
 * off the table leaves its room and sees none of the item from then on.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { withdrawOffersTo } from "~/domain/actions/action-corrections.server";
import { conflict, ensure, notFound, ruleError } from "~/domain/errors.server";
import { createRoleCards, profileExcerpts } from "~/domain/live/live-board.server";
import type { Prisma } from "~/generated/prisma/client";
import { publishAccessChange } from "~/realtime/publish.server";

import type { ChairedMeeting } from "./meeting-chair.server";
import { requireChairOf } from "./meeting-chair.server";
import type { AgendaItemCorrection, AgendaItemRemoval } from "./meeting.schema";

type Tx = Prisma.TransactionClient;

/** The item as a correction starts from it, for the chair of a meeting that is not finished. */
async function correctableItem(user: SessionUser, meetingId: string, itemId: string) {
  const meeting = await requireChairOf(user, meetingId);
  if (meeting.status === "FINISHED") throw ruleError("meetings.errors.closedForChanges");
  const item = await prisma.agendaItem.findFirst({
    where: { id: itemId, meetingId },
    select: {
      id: true,
      caseId: true,
      question: true,
      timeboxMinutes: true,
      askingOrganisationId: true,
      closedAt: true,
      version: true,
      case: { select: { reference: true } },
      tables: { select: { organisationId: true } },
    },
  });
  ensure(item, notFound);
  if (item.closedAt) throw ruleError("live.errors.itemClosed");
  return { meeting, item };
}

type CorrectableItem = Awaited<ReturnType<typeof correctableItem>>["item"];

/**
 * In a correction's transaction: the meeting row locked (starting, ending and the chair's live
 * controls write it, so they wait), and still in the state the correction was decided for.
 */
async function lockMeeting(tx: Tx, meetingId: string, status: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
  if (row?.status !== status) throw ruleError("meetings.errors.meetingMovedOn");
}

/** The item as it is now, for the editor whose version was stale. */
export async function currentItem(itemId: string) {
  const item = await prisma.agendaItem.findUnique({
    where: { id: itemId },
    select: { question: true, timeboxMinutes: true, version: true, tables: { select: { organisationId: true } } },
  });
  // Taken off the agenda meanwhile: there is nothing left to correct.
  ensure(item, notFound);
  return {
    question: item.question,
    timeboxMinutes: item.timeboxMinutes,
    version: item.version,
    tableOrganisationIds: item.tables.map((t) => t.organisationId),
  };
}

/** A role card nobody wrote on: as the profile pre-filled it at the start. */
const untouchedCard = { version: 1, completedAt: null } satisfies Prisma.RoleCardWhereInput;
const touchedCard = {
  OR: [{ version: { gt: 1 } }, { completedAt: { not: null } }],
} satisfies Prisma.RoleCardWhereInput;

/**
 * What these organisations wrote on the item's board: a role card they completed or changed, or
 * a need they raised. (Decisions and actions are what the table agreed; they stay whatever happens.)
 */
async function contributionsOf(itemId: string, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const [cards, needs] = await Promise.all([
    prisma.roleCard.findMany({
      where: {
        agendaItemId: itemId,
        organisationId: { in: organisationIds },
        ...touchedCard,
      },
      select: { organisationId: true },
    }),
    prisma.need.findMany({
      where: { agendaItemId: itemId, organisationId: { in: organisationIds } },
      select: { organisationId: true },
    }),
  ]);
  return [...new Set([...cards, ...needs].map((c) => c.organisationId))].sort();
}

export type CorrectionResult =
  | { ok: true }
  /** Organisations leaving the table wrote on its board: the chair chooses what happens to that. */
  | { ok: false; contributions: string[] };

function checkTable(meeting: ChairedMeeting, item: CorrectableItem, tableOrganisationIds: string[]) {
  const invited = new Set(meeting.invitations.map((i) => i.organisationId));
  const tables = new Set([...tableOrganisationIds, item.askingOrganisationId]);
  if (![...tables].every((id) => invited.has(id))) throw ruleError("meetings.errors.tableNotInvited");
  const before = item.tables.map((t) => t.organisationId);
  return {
    added: [...tables].filter((id) => !before.includes(id)),
    removed: before.filter((id) => !tables.has(id)),
  };
}

/**
 * Organisations leaving a live table: their empty role cards go; what they wrote stays on the
 * board (`keep`) or goes with them (`remove`: their role card and the needs they raised).
 */
async function settleContributions(tx: Tx, itemId: string, removed: string[], choice: "keep" | "remove" | null) {
  if (removed.length === 0) return;
  const theirs = { agendaItemId: itemId, organisationId: { in: removed } };
  if (choice !== "remove") {
    await tx.roleCard.deleteMany({ where: { ...theirs, ...untouchedCard } });
    return;
  }
  await tx.roleCard.deleteMany({ where: theirs });
  await tx.need.deleteMany({ where: theirs });
}

/**
 * The chair corrects an item's question, timebox or table. The asking organisation stays at the
 * table; every organisation at it must be invited. At a live table an organisation that joins gets
 * its role card; one that leaves after writing on the board needs the chair's choice (`keep` or
 * `remove`), which is recorded.
 */
export async function updateAgendaItem(
  user: SessionUser,
  meetingId: string,
  itemId: string,
  input: AgendaItemCorrection,
  meta: Acting,
): Promise<CorrectionResult> {
  const { meeting, item } = await correctableItem(user, meetingId, itemId);
  if (item.version !== input.version) throw conflict("meetings.errors.staleItem", await currentItem(itemId));
  const { added, removed } = checkTable(meeting, item, input.tableOrganisationIds);
  const live = meeting.status === "LIVE";
  const contributed = live ? await contributionsOf(itemId, removed) : [];
  if (contributed.length > 0 && !input.contributions) return { ok: false, contributions: contributed };
  const excerpts = live && added.length ? await profileExcerpts(added) : new Map();
  const now = meta.now ?? new Date();
  const written = await prisma.$transaction(async (tx) => {
    await lockMeeting(tx, meetingId, meeting.status);
    const updated = await tx.agendaItem.updateMany({
      where: { id: itemId, version: input.version, closedAt: null },
      data: {
        question: input.question,
        timeboxMinutes: input.timeboxMinutes,
        version: { increment: 1 },
        ...(meeting.status === "DRAFT" ? {} : { changedAfterPublishAt: now }),
      },
    });
    if (updated.count !== 1) return false;
    await tx.agendaItemTable.deleteMany({ where: { agendaItemId: itemId, organisationId: { in: removed } } });
    await withdrawOffersTo(tx, user, itemId, removed, now);
    await tx.agendaItemTable.createMany({
      data: added.map((organisationId) => ({ agendaItemId: itemId, organisationId })),
    });
    if (live) {
      await createRoleCards(
        tx,
        added.map((organisationId) => ({ itemId, organisationId })),
        excerpts,
      );
      await settleContributions(tx, itemId, removed, input.contributions ?? null);
    }
    await recordAudit(
      {
        actor: actorOf(user),
        action: "meeting.item.updated",
        subjectType: "Meeting",
        subjectId: meetingId,
        clientAddress: meta.clientAddress,
        details: {
          case: item.case.reference,
          added,
          removed,
          ...(contributed.length ? { contributionsOf: contributed, contributions: input.contributions ?? null } : {}),
        },
        at: now,
      },
      tx,
    );
    return true;
  });
  if (!written) throw conflict("meetings.errors.staleItem", await currentItem(itemId));
  if (live) await publishAccessChange(meetingId);
  return { ok: true };
}

/**
 * The chair takes an item off the agenda. A draft's item simply goes; after publishing the
 * invitees see that it went ("vervallen") and the chair and its table see why. At a live table an
 * item that was written on (or is on the table now) is closed, not removed.
 */
export async function removeAgendaItem(
  user: SessionUser,
  meetingId: string,
  itemId: string,
  input: AgendaItemRemoval,
  meta: Acting,
): Promise<void> {
  const { meeting, item } = await correctableItem(user, meetingId, itemId);
  if (item.version !== input.version) throw conflict("meetings.errors.staleItem", await currentItem(itemId));
  const published = meeting.status !== "DRAFT";
  if (published && !input.reason) throw ruleError("meetings.errors.removalReason");
  const now = meta.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    await lockMeeting(tx, meetingId, meeting.status);
    // The item's row locked too: a board write bumps it, so none can land between check and delete.
    await tx.$executeRaw`SELECT 1 FROM "AgendaItem" WHERE id = ${itemId} FOR UPDATE`;
    if (meeting.status === "LIVE") await ensureUntouched(tx, meetingId, itemId);
    const gone = await tx.agendaItem.deleteMany({ where: { id: itemId, version: input.version, closedAt: null } });
    if (gone.count !== 1) throw conflict("meetings.errors.staleItem");
    if (published) {
      await tx.removedAgendaItem.create({
        data: {
          meetingId,
          caseId: item.caseId,
          caseReference: item.case.reference,
          timeboxMinutes: item.timeboxMinutes,
          tableOrganisationIds: item.tables.map((t) => t.organisationId),
          reason: input.reason,
          removedById: user.id,
          removedAt: now,
        },
      });
      await tx.meeting.update({ where: { id: meetingId }, data: { changedAfterPublishAt: now } });
    }
    await recordAudit(
      {
        actor: actorOf(user),
        action: "meeting.item.removed",
        subjectType: "Meeting",
        subjectId: meetingId,
        clientAddress: meta.clientAddress,
        details: { case: item.case.reference },
        at: now,
      },
      tx,
    );
  });
  if (meeting.status === "LIVE") await publishAccessChange(meetingId);
}

/** At a live table: nothing written on the item's board yet, and it is not the item on the table. */
async function ensureUntouched(tx: Tx, meetingId: string, itemId: string) {
  const [meeting, written] = await Promise.all([
    tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { currentItemId: true } }),
    tx.agendaItem.findUnique({
      where: { id: itemId },
      select: {
        _count: { select: { needs: true, decisions: true, actions: true } },
        roleCards: { where: touchedCard, select: { id: true } },
      },
    }),
  ]);
  if (!written) throw conflict("meetings.errors.staleItem"); // removed meanwhile
  if (meeting.currentItemId === itemId) throw ruleError("meetings.errors.itemOnTable");
  const counts = written._count;
  if (counts.needs + counts.decisions + counts.actions + written.roleCards.length > 0)
    throw ruleError("meetings.errors.itemWrittenOn");
}

/**
 * The two ways a write reaches an item's board, both exactly once per idempotency key, with the
 * sequence bump and the audit row in the same atomic unit, published only after commit: one SQL
 * statement for the frequent writes (board-statement.server.ts), an interactive transaction for
 * the ones that read what they wrote.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { AuditAction } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import type { ItemCapabilities, ItemSeat } from "~/domain/access/access.server";
import { itemCapabilities, itemSeat, seesItemContent } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { BoardChange, ProfileExcerpt, WriteResult } from "~/realtime/events";
import { publishItemChange } from "~/realtime/publish.server";

import { isDuplicateKey, isNotApplied, runOneStatement } from "./board-statement.server";
import type { OneStatementWrite } from "./board-statement.server";
import { notFound } from "./live-views.server";

export type Tx = Prisma.TransactionClient;

/** The `explain` of a write whose change always applies once the item is bumped (an insert). */
export async function unreachable(): Promise<never> {
  throw new Error("an insert on a bumped item did not apply");
}

/** What a write is on: an item, or a role card (whose item is found in the same statement). */
export type WriteTarget = { itemId: string } | { roleCardId: string };

export type ItemContext = {
  itemId: string;
  /** The role card a role card's save named: its organisation and profile excerpt. */
  card: { organisationId: string; profile: ProfileExcerpt } | null;
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
async function requireItemAtTable(user: SessionUser, target: WriteTarget): Promise<ItemContext> {
  // A role card's save names the card: its item and the card's owner come in the same statement.
  const card = "roleCardId" in target;
  const from = card
    ? Prisma.sql`"RoleCard" c JOIN "AgendaItem" i ON i.id = c."agendaItemId" JOIN "Meeting" m ON m.id = i."meetingId"
        WHERE c.id = ${target.roleCardId}`
    : Prisma.sql`"AgendaItem" i JOIN "Meeting" m ON m.id = i."meetingId" WHERE i.id = ${target.itemId}`;
  const cardColumns = card
    ? Prisma.sql`c."organisationId" AS "cardOrganisationId", c.profile AS "cardProfile"`
    : Prisma.sql`NULL AS "cardOrganisationId", NULL AS "cardProfile"`;
  const rows = await sqlQuery<{
    itemId: string;
    cardOrganisationId: string | null;
    cardProfile: ProfileExcerpt | null;
    meetingId: string;
    caseId: string;
    closed: boolean;
    chairId: string;
    status: "DRAFT" | "PUBLISHED" | "LIVE" | "FINISHED";
    tables: string[];
    invited: string[];
  }>(Prisma.sql`
    SELECT i.id AS "itemId", i."meetingId", i."caseId", i."closedAt" IS NOT NULL AS closed, m."chairId",
           m.status::text AS status, ${cardColumns},
           ARRAY(SELECT t."organisationId" FROM "AgendaItemTable" t WHERE t."agendaItemId" = i.id) AS tables,
           ARRAY(SELECT v."organisationId" FROM "MeetingInvitation" v WHERE v."meetingId" = m.id) AS invited
    FROM ${from}`);
  const row = rows[0];
  if (!row) throw notFound();
  const item = { tableOrganisationIds: row.tables };
  const seat = itemSeat(user, { chairId: row.chairId, status: row.status, invitedOrganisationIds: row.invited }, item);
  if (!seesItemContent(seat)) throw notFound();
  if (row.status !== "LIVE") throw ruleError("live.errors.notLive");
  if (row.closed) throw ruleError("live.errors.itemClosed");
  return {
    itemId: row.itemId,
    card: row.cardOrganisationId
      ? { organisationId: row.cardOrganisationId, profile: row.cardProfile as ProfileExcerpt }
      : null,
    meetingId: row.meetingId,
    caseId: row.caseId,
    seat,
    can: itemCapabilities(user, seat, item),
    tableOrganisationIds: row.tables,
  };
}

/**
 * Runs one board write exactly once per idempotency key and publishes it after commit. A retry
 * with the same key (after a timeout, or two in flight) gets the stored result and writes nothing.
 */
async function onItem(
  user: SessionUser,
  target: WriteTarget,
  key: string,
  meta: Acting,
  run: (ctx: ItemContext, now: Date) => Promise<WriteResult>,
): Promise<WriteResult> {
  const now = meta.now ?? new Date();
  let ctx: ItemContext;
  let result: WriteResult;
  try {
    ctx = await requireItemAtTable(user, target);
    result = await run(ctx, now);
  } catch (error) {
    // A retry of a write that went through answers its first result, whatever happened since
    // (the key's row made this attempt fail, or the item closed, or the version moved on).
    // Looked up only on failure: the usual write does not pay for it.
    const earlier = await prisma.liveMutation.findUnique({
      where: { userId_key: { userId: user.id, key } },
      select: { result: true },
    });
    if (earlier) return earlier.result as WriteResult;
    if (isDuplicateKey(error)) throw conflict("live.errors.stale");
    throw error;
  }
  publishItemChange({
    meetingId: ctx.meetingId,
    itemId: ctx.itemId,
    seq: result.seq,
    change: result.change,
    by: { userId: user.id, name: user.name, organisationId: user.organisation.id },
  });
  return result;
}

/**
 * A write in one statement (board-statement.server.ts): the frequent ones, whose change is known
 * before they run. `explain` answers why the change's own condition did not hold (a conflict with
 * the current state).
 */
export async function writeInOneStatement(
  user: SessionUser,
  target: WriteTarget,
  key: string,
  action: AuditAction,
  meta: Acting,
  build: (ctx: ItemContext, now: Date) => Promise<OneStatementWrite> | OneStatementWrite,
  explain: () => Promise<never>,
): Promise<WriteResult> {
  return onItem(user, target, key, meta, async (ctx, now) => {
    const write = await build(ctx, now);
    let written: WriteResult | null;
    try {
      written = await runOneStatement(user, ctx.itemId, key, action, meta, now, write);
    } catch (error) {
      if (isNotApplied(error)) return explain();
      throw error;
    }
    if (!written) throw ruleError("live.errors.itemClosed");
    return written;
  });
}

/**
 * A write in an interactive transaction: the change, the item's sequence number, the audit row
 * and the key, for the writes that read what they wrote (responsibilities, earlier actions).
 */
export async function writeOnItem(
  user: SessionUser,
  target: WriteTarget,
  key: string,
  action: AuditAction,
  meta: Acting,
  write: (tx: Tx, ctx: ItemContext, now: Date) => Promise<{ change: BoardChange; subjectId: string }>,
): Promise<WriteResult> {
  return onItem(user, target, key, meta, (ctx, now) =>
    prisma.$transaction(async (tx) => {
      const itemId = ctx.itemId;
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
    }),
  );
}

/**
 * A board write in one SQL statement: the item's sequence bump, the change, its audit row and the
 * idempotency key with the stored result, as data-modifying CTEs. One statement is one implicit
 * transaction and one round trip; Prisma's interactive transaction took five round trips and most
 * of the process's CPU per write (bench/README.md, 2026-12-03, third session). The change runs
 * only when the item was bumped (it is open, the meeting live); when it was bumped but the change
 * did not apply (a stale version), `live_write_applied` raises and the whole statement rolls back
 * (migration 20261203120000_live_write_applied), so no sequence number is spent on nothing.
 */
import type { AuditAction } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { errorInChain, sqlQuery } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { Prisma } from "~/generated/prisma/client";
import type { BoardChange, WriteResult } from "~/realtime/events";

export type OneStatementWrite = {
  /** The board change this write makes, known before it runs (the view after it). */
  change: BoardChange;
  subjectId: string;
  /**
   * The change as the CTE "changed" (returning one row when it applied) plus any CTEs after it,
   * each gated on `EXISTS (SELECT 1 FROM bumped)` or reading from "changed".
   */
  sql: Prisma.Sql;
};

/** Whether an error is `live_write_applied` refusing: the change's own condition did not hold. */
export function isNotApplied(error: unknown): boolean {
  return errorInChain(
    error,
    (e) =>
      e.code === "AOW01" ||
      e.originalCode === "AOW01" ||
      (typeof e.message === "string" && e.message.includes("live write not applied")),
  );
}

/** Whether an error is the idempotency key's row already being there (a retry in flight). */
export function isDuplicateKey(error: unknown): boolean {
  return errorInChain(
    error,
    (e) =>
      e.code === "P2002" ||
      e.code === "23505" ||
      e.originalCode === "23505" ||
      (e.meta as Record<string, unknown> | undefined)?.code === "23505",
  );
}

/**
 * Runs the write; the item's new sequence number, or null when the item is closed or the meeting
 * no longer live (nothing was written).
 */
export async function runOneStatement(
  user: SessionUser,
  itemId: string,
  key: string,
  action: AuditAction,
  meta: Acting,
  now: Date,
  write: OneStatementWrite,
): Promise<WriteResult | null> {
  const result = JSON.stringify({ itemId, seq: 0, change: write.change });
  const details = JSON.stringify({ itemId });
  const rows = await sqlQuery<{ seq: number }>(Prisma.sql`
    WITH bumped AS (
      UPDATE "AgendaItem" i SET "liveSeq" = i."liveSeq" + 1
      FROM "Meeting" m
      WHERE i.id = ${itemId} AND i."closedAt" IS NULL AND m.id = i."meetingId" AND m.status = 'LIVE'
      RETURNING i."liveSeq"
    ),
    ${write.sql},
    audited AS (
      INSERT INTO "AuditEvent"
        ("occurredAt", "actorUserId", "actorOrganisationId", action, "subjectType", "subjectId", "clientAddress", details)
      SELECT ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${user.id}, ${user.organisation.id}, ${action},
             ${write.change.kind}, ${write.subjectId}, ${meta.clientAddress ?? null}, ${details}::jsonb
      FROM bumped WHERE EXISTS (SELECT 1 FROM changed)
    ),
    stored AS (
      INSERT INTO "LiveMutation" ("userId", key, result, "createdAt")
      SELECT ${user.id}, ${key}, jsonb_set(${result}::jsonb, '{seq}', to_jsonb(b."liveSeq")), ${now}
      FROM bumped b WHERE EXISTS (SELECT 1 FROM changed)
    )
    SELECT b."liveSeq" AS seq, live_write_applied((SELECT count(*) FROM changed)) AS applied FROM bumped b`);
  const seq = rows[0]?.seq;
  return seq === undefined ? null : { itemId, seq, change: write.change };
}

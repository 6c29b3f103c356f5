/**
 * Actions with their history in SQL, read straight through the pool (`sqlQuery`): the earlier
 * actions an agenda and the live table review first, and the columns /acties reads too. Every
 * view reads them, so they are not left to the client's per-query compilation (bench/README.md,
 * 2026-12-03, fourth session).
 */
import { isoOf, sqlQuery } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

import type { EarlierAction } from "./actions.server";

/**
 * An action with its owner, meeting and history as the agenda, the live table and /acties show it
 * (`EarlierAction`), in SQL: the columns, read from `actionWithHistoryFrom` (the action is `x`).
 */
export const actionWithHistoryColumns = Prisma.sql`
  x.id, x.description, to_char(x."dueDate", 'YYYY-MM-DD') AS "dueDate", x.status::text AS status,
  x."closeReason"::text AS "closeReason", x.version, x."ownerUserId", u.name AS "ownerName",
  x."ownerOrganisationId", o."shortCode" AS "ownerShortCode", x."transferToOrganisationId",
  (SELECT t."shortCode" FROM "Organisation" t WHERE t.id = x."transferToOrganisationId") AS "transferToShortCode", json_build_object('id', m.id, 'title', m.title) AS meeting,
  COALESCE((SELECT json_agg(json_build_object('id', h.id, 'at', ${isoOf("h.at")}, 'byName', h."byName",
                     'status', h.status, 'closeReason', h."closeReason", 'note', h.note, 'kind', h.kind,
                     'via', h.via, 'changes', h.changes) ORDER BY h.at, h.id)
            FROM "ActionUpdate" h WHERE h."actionId" = x.id), '[]') AS updates`;
export const actionWithHistoryFrom = Prisma.sql`"Action" x
  JOIN "AgendaItem" i ON i.id = x."agendaItemId"
  JOIN "Meeting" m ON m.id = i."meetingId"
  JOIN "Organisation" o ON o.id = x."ownerOrganisationId"
  LEFT JOIN "User" u ON u.id = x."ownerUserId"`;

/**
 * `earlierActions` for every case of an agenda at once: one statement, however many items.
 * Per case: open actions from other meetings, and those closed since the case was last at a
 * table before this meeting (when that meeting actually started, if it did). In SQL through the
 * pool: the agenda and the live page read it on every view (bench/README.md, fourth session).
 */
export async function earlierActionsByCase(meetingId: string, meetingStartsAt: Date, caseIds: string[]) {
  if (caseIds.length === 0) return byCase(caseIds, []);
  const [row] = await sqlQuery<{ earlier: EarlierActionRow[] }>(
    Prisma.sql`SELECT ${earlierActionsSql(meetingId, meetingStartsAt, caseIds)} AS earlier`,
  );
  return byCase(caseIds, row?.earlier ?? []);
}

/** `earlierActionsByCase` as an SQL expression (a JSON array, in order), for a statement that reads more. */
export function earlierActionsSql(meetingId: string, meetingStartsAt: Date, caseIds: string[]): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(e ORDER BY e.n) FROM (
    WITH last AS (
      SELECT DISTINCT ON (a."caseId") a."caseId", COALESCE(m."startedAt", m."startsAt") AS since
      FROM "AgendaItem" a JOIN "Meeting" m ON m.id = a."meetingId"
      WHERE a."caseId" = ANY(${caseIds}) AND m.id <> ${meetingId}
        AND m."startsAt" < (${meetingStartsAt}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY a."caseId", m."startsAt" DESC, m.id)
    SELECT ${actionWithHistoryColumns}, x."caseId", row_number() OVER (ORDER BY x."dueDate", x."createdAt", x.id) AS n
    FROM ${actionWithHistoryFrom}
      LEFT JOIN last l ON l."caseId" = x."caseId"
    WHERE x."caseId" = ANY(${caseIds}) AND i."meetingId" <> ${meetingId}
      AND (x.status <> 'DONE' OR x."closedAt" >= l.since)) e), '[]')`;
}

/** One row of `earlierActionsSql`: the action, its case and its place in the order. */
export type EarlierActionRow = EarlierAction & { caseId: string; n?: number };

/** Earlier actions as read by `earlierActionsSql`, per case (every case asked for has a list). */
export function byCase(caseIds: string[], rows: EarlierActionRow[]) {
  const result = new Map<string, EarlierAction[]>(caseIds.map((caseId) => [caseId, []]));
  for (const { caseId, n: _n, ...action } of rows) result.get(caseId)?.push(action);
  return result;
}

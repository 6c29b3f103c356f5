/**
 * The chair's start page: the open cases of her meetings that show escalation signals (an action
 * more than N days late, a need still open after two held meetings, a decision with dissent, a goal
 * past its review date — "terug op de agenda") or an open escalation — counted only from items whose content she may see (the access module's item
 * rule in SQL), in one statement through the pool.
 */
import type { SessionUser } from "~/auth/session.server";
import { sqlQuery } from "~/db.server";
import { itemAtTableSql, meetingChairedSql } from "~/domain/access/access.server";
import { Prisma } from "~/generated/prisma/client";

type Row = {
  reference: string;
  overdueActions: number;
  openNeeds: number;
  dissents: number;
  /** Goals of the plan (not met, not dropped) whose review date has come: back on the agenda. */
  goalsDue: number;
  escalation: "OPERATIONAL" | "MANAGEMENT" | "ADMINISTRATIVE" | null;
};

export type ChairSignal = Row;

/**
 * The statement as SQL, one row per case (`today` as YYYY-MM-DD, Amsterdam): on its own in
 * `chairSignals`, or inside the start page's one statement for referrals and signals.
 */
export function chairSignalsSql(user: SessionUser, today: string, overdueDays: number) {
  const seen = Prisma.sql`(${meetingChairedSql(user, "sm")} OR ${itemAtTableSql(user, "si")})`;
  const items = Prisma.sql`"AgendaItem" si JOIN "Meeting" sm ON sm.id = si."meetingId"`;
  return Prisma.sql`
    WITH cases AS (
      SELECT DISTINCT c.id, c.reference FROM "Case" c JOIN "AgendaItem" i ON i."caseId" = c.id
        JOIN "Meeting" m ON m.id = i."meetingId"
      WHERE ${meetingChairedSql(user, "m")} AND m.status <> 'DRAFT' AND c.status = 'OPEN' AND c."anonymisedAt" IS NULL
    )
    SELECT k.reference,
      (SELECT count(*)::int FROM "Action" a JOIN ${items} ON si.id = a."agendaItemId"
        WHERE a."caseId" = k.id AND ${seen} AND a.status <> 'DONE'
          AND a."dueDate" < (${today}::date - ${overdueDays}::int)) AS "overdueActions",
      (SELECT count(*)::int FROM "Need" n JOIN ${items} ON si.id = n."agendaItemId"
        WHERE si."caseId" = k.id AND ${seen} AND n.status = 'OPEN'
          AND (SELECT count(DISTINCT hm.id) FROM "AgendaItem" hi JOIN "Meeting" hm ON hm.id = hi."meetingId"
               WHERE hi."caseId" = k.id AND hm.status IN ('LIVE', 'FINISHED') AND hm."startsAt" >= sm."startsAt"
                 AND (${meetingChairedSql(user, "hm")} OR ${itemAtTableSql(user, "hi")})) >= 2) AS "openNeeds",
      (SELECT count(*)::int FROM "Decision" d JOIN ${items} ON si.id = d."agendaItemId"
        WHERE si."caseId" = k.id AND ${seen} AND EXISTS (SELECT 1 FROM "DecisionDissent" x WHERE x."decisionId" = d.id)) AS dissents,
      (SELECT count(*)::int FROM "CaseGoal" g WHERE g."caseId" = k.id AND g.status IN ('OPEN', 'IN_PROGRESS')
        AND g."reviewDate" <= ${today}::date) AS "goalsDue",
      (SELECT e.level::text FROM "CaseEscalation" e WHERE e."caseId" = k.id AND e."endedAt" IS NULL LIMIT 1) AS escalation
    FROM cases k
    ORDER BY k.reference`;
}

/** Only the cases that show something. */
export function withSignals(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r.overdueActions + r.openNeeds + r.dissents + r.goalsDue > 0 || r.escalation !== null);
}

export async function chairSignals(user: SessionUser, today: string, overdueDays: number) {
  return withSignals(await sqlQuery<Row>(chairSignalsSql(user, today, overdueDays)));
}

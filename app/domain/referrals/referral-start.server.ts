/**
 * The start page's referrals, in one statement through the pool (the start page is everyone's
 * first page): the organisation's referrals that wait or were decided in the last 30 days — the
 * referrer sees the outcome there — and, for triage, how many wait and how many are past the deadline.
 */
import type { SessionUser } from "~/auth/session.server";
import { isoOf, sqlQuery } from "~/db.server";
import { actionOwnedSql, referralOwnSql, referralTriagedSql } from "~/domain/access/access.server";
import type { ChairSignal } from "~/domain/cases/chair-signals.server";
import { chairSignalsSql, withSignals } from "~/domain/cases/chair-signals.server";
import { Prisma } from "~/generated/prisma/client";

const DAY = 86_400_000;

type Row = {
  own: {
    id: string;
    kind: "REFERRAL" | "PROPOSAL";
    status: "PENDING" | "TO_MEETING" | "OTHER_TABLE" | "RETURNED" | "NO_ACTION";
    reference: string;
    outcomeReason: string | null;
    otherTable: string;
    meetingTitle: string | null;
    decidedAt: string | null;
  }[];
  waiting: number;
  overdue: number;
  overdueActions: number;
  signals: ChairSignal[] | null;
};

/**
 * `today`: YYYY-MM-DD in Amsterdam. The organisation's overdue action count (the start page's
 * banner) rides along too. `signals`: for a chair, her cases' escalation signals are read in the same statement
 * (`chairSignalsSql`), so the start page stays within its statement budget.
 */
export async function startReferrals(
  user: SessionUser,
  now: Date,
  today: string,
  signals: { overdueDays: number } | null = null,
) {
  const signalsSql = signals
    ? Prisma.sql`(SELECT coalesce(json_agg(s), '[]'::json) FROM (${chairSignalsSql(user, today, signals.overdueDays)}) s)`
    : Prisma.sql`NULL::json`;
  const since = new Date(now.getTime() - 30 * DAY).toISOString();
  const [row] = await sqlQuery<Row>(Prisma.sql`
    SELECT
      (SELECT coalesce(json_agg(o ORDER BY o."sortAt" DESC), '[]'::json) FROM (
         SELECT r.id, r.kind::text AS kind, r.status::text AS status, c.reference, r."outcomeReason", r."otherTable",
                -- A meeting in preparation is its chair's: the referrer reads only that it is scheduled.
                CASE WHEN m.status <> 'DRAFT' OR m."chairId" = ${user.id} THEN m.title END AS "meetingTitle", ${isoOf('r."decidedAt"')} AS "decidedAt",
                coalesce(r."decidedAt", r."createdAt") AS "sortAt"
         FROM "Referral" r JOIN "Case" c ON c.id = r."caseId" LEFT JOIN "Meeting" m ON m.id = r."meetingId"
         WHERE ${referralOwnSql(user, "r")}
           AND (r.status = 'PENDING' OR r."decidedAt" >= ${since}::timestamp)
         ORDER BY coalesce(r."decidedAt", r."createdAt") DESC LIMIT 5) o) AS own,
      (SELECT count(*)::int FROM "Referral" t WHERE t.status = 'PENDING' AND ${referralTriagedSql(user, "t")}) AS waiting,
      (SELECT count(*)::int FROM "Referral" t WHERE t.status = 'PENDING' AND ${referralTriagedSql(user, "t")}
         AND t."deadlineAt" <= ${now.toISOString()}::timestamp) AS overdue,
      (SELECT count(*)::int FROM "Action" x WHERE ${actionOwnedSql(user, "x")} AND x.status <> 'DONE'
         AND x."dueDate" < ${today}::date) AS "overdueActions",
      ${signalsSql} AS signals`);
  return {
    own: (row?.own ?? []).map(({ id, kind, status, reference, outcomeReason, otherTable, meetingTitle }) => ({
      id,
      kind,
      status,
      reference,
      outcomeReason: outcomeReason ?? "",
      otherTable,
      meetingTitle,
    })),
    triage: { waiting: row?.waiting ?? 0, overdue: row?.overdue ?? 0 },
    signals: row?.signals ? withSignals(row.signals) : null,
    overdueActions: row?.overdueActions ?? 0,
  };
}

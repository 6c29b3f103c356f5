/**
 * What to do next, per role, for the start page. A chair: her next meetings and how far their
 * preparation is, proposals waiting, live items whose table has not filled in its role cards,
 * and the open and overdue actions of every organisation from her meetings (read-only), per
 * meeting. A member: the organisation's actions due soon and overdue, the meetings it is invited
 * to, the items where its role card is still empty. An organisation admin: the profile's
 * freshness and which partners looked it up. The organisation's referrals and what became of them;
 * for triage, how many wait. Everything through the access module's rules.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { isoOf, prisma, sqlQuery } from "~/db.server";
import {
  actionChairedSql,
  actionOwnedSql,
  itemAtTableSql,
  meetingChairedSql,
  meetingInvitedSql,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { amsterdamToday } from "~/domain/actions/actions.server";
import { startReferrals } from "~/domain/referrals/referral-start.server";
import { getEnv } from "~/env.server";
import { Prisma } from "~/generated/prisma/client";

const DAY = 86_400_000;
/** "Due soon": within this many days from today. */
export const DUE_SOON_DAYS = 7;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** An action as the start page lists it, read by one statement (`actionColumns` on `x`, `c`, `o`, `m`). */
type ActionRow = {
  id: string;
  description: string;
  dueDate: string;
  reference: string;
  owner: string;
  ownerName: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: string;
};

const actionColumns = Prisma.sql`x.id, x.description, to_char(x."dueDate", 'YYYY-MM-DD') AS "dueDate",
  c.reference, o."shortCode" AS owner, o.name AS "ownerName", m.id AS "meetingId", m.title AS "meetingTitle",
  ${isoOf('m."startsAt"')} AS "meetingStartsAt"`;
const actionFrom = Prisma.sql`"Action" x JOIN "Case" c ON c.id = x."caseId"
  JOIN "Organisation" o ON o.id = x."ownerOrganisationId"
  JOIN "AgendaItem" i ON i.id = x."agendaItemId" JOIN "Meeting" m ON m.id = i."meetingId"`;

function actionView(a: ActionRow, today: string) {
  return {
    id: a.id,
    description: a.description,
    dueDate: a.dueDate,
    overdue: a.dueDate < today,
    reference: a.reference,
    owner: a.owner,
    ownerName: a.ownerName,
    meetingId: a.meetingId,
  };
}

// Every read below goes straight through the pool in one statement: the start page is the page
// everyone opens first, and the client's per-query work was most of its cost (bench/README.md).

/** The chair's meetings to come (not finished), with how far their preparation is. */
async function chairMeetings(user: SessionUser, now: Date) {
  const meetings = await sqlQuery<{
    id: string;
    title: string;
    startsAt: string;
    status: "DRAFT" | "PUBLISHED" | "LIVE";
    items: number;
    proposals: number;
    cardsMissing: { id: string; position: number; reference: string; missing: number }[];
  }>(Prisma.sql`
    SELECT m.id, m.title, ${isoOf('m."startsAt"')} AS "startsAt", m.status::text AS status,
      (SELECT count(*)::int FROM "AgendaItem" i WHERE i."meetingId" = m.id) AS items,
      (SELECT count(*)::int FROM "Referral" p WHERE p."meetingId" = m.id AND p.kind = 'PROPOSAL' AND p.status = 'PENDING') AS proposals,
      COALESCE((SELECT json_agg(json_build_object('id', i.id, 'position', i.position, 'reference', c.reference,
                                                  'missing', e.missing) ORDER BY i.position)
                FROM "AgendaItem" i JOIN "Case" c ON c.id = i."caseId"
                  CROSS JOIN LATERAL (SELECT count(*)::int AS missing FROM "RoleCard" r
                                      WHERE r."agendaItemId" = i.id AND r."completedAt" IS NULL) e
                WHERE i."meetingId" = m.id AND e.missing > 0), '[]') AS "cardsMissing"
    FROM "Meeting" m
    WHERE ${meetingChairedSql(user, "m")} AND m.status <> 'FINISHED' AND m."startsAt" >= ${new Date(now.getTime() - DAY)}
    ORDER BY m."startsAt", m.id
    LIMIT 5`);
  return meetings;
}

/** Open actions of every organisation from the chair's meetings, grouped per meeting. */
async function chairActions(user: SessionUser, today: string) {
  const rows = await sqlQuery<ActionRow>(Prisma.sql`
    SELECT ${actionColumns} FROM ${actionFrom}
    WHERE ${actionChairedSql(user, "m")} AND x.status <> 'DONE' AND c."anonymisedAt" IS NULL
    ORDER BY x."dueDate", x.id
    LIMIT 200`);
  const byMeeting = new Map<
    string,
    { id: string; title: string; startsAt: string; actions: ReturnType<typeof actionView>[] }
  >();
  for (const row of rows) {
    const group = byMeeting.get(row.meetingId) ?? {
      id: row.meetingId,
      title: row.meetingTitle,
      startsAt: row.meetingStartsAt,
      actions: [],
    };
    group.actions.push(actionView(row, today));
    byMeeting.set(row.meetingId, group);
  }
  return [...byMeeting.values()].map((g) => ({ ...g, overdue: g.actions.filter((a) => a.overdue).length }));
}

/** My organisation's open actions that are overdue or due within DUE_SOON_DAYS. */
async function memberActions(user: SessionUser, now: Date) {
  const today = amsterdamToday(now);
  const rows = await sqlQuery<ActionRow>(Prisma.sql`
    SELECT ${actionColumns} FROM ${actionFrom}
    WHERE ${actionOwnedSql(user, "x")} AND x.status <> 'DONE'
      AND x."dueDate" <= ${isoDay(new Date(today.getTime() + DUE_SOON_DAYS * DAY))}::date
    ORDER BY x."dueDate", x.id
    LIMIT 20`);
  return rows.map((r) => actionView(r, isoDay(today)));
}

/** Meetings to come that my organisation is invited to (published or live). */
async function invitedMeetings(user: SessionUser, now: Date) {
  return sqlQuery<{ id: string; title: string; startsAt: string; status: "PUBLISHED" | "LIVE" }>(Prisma.sql`
    SELECT m.id, m.title, ${isoOf('m."startsAt"')} AS "startsAt", m.status::text AS status
    FROM "Meeting" m
    WHERE ${meetingInvitedSql(user, "m")} AND m.status IN ('PUBLISHED', 'LIVE')
      AND m."startsAt" >= ${new Date(now.getTime() - DAY)}
    ORDER BY m."startsAt", m.id
    LIMIT 5`);
}

/** Items at a live table where my organisation's role card is still empty. */
async function emptyRoleCards(user: SessionUser) {
  return sqlQuery<{ itemId: string; position: number; reference: string; meetingId: string; meetingTitle: string }>(
    Prisma.sql`
    SELECT i.id AS "itemId", i.position, c.reference, m.id AS "meetingId", m.title AS "meetingTitle"
    FROM "RoleCard" r JOIN "AgendaItem" i ON i.id = r."agendaItemId" JOIN "Case" c ON c.id = i."caseId"
      JOIN "Meeting" m ON m.id = i."meetingId"
    WHERE r."organisationId" = ${user.organisation.id} AND r."completedAt" IS NULL AND m.status = 'LIVE'
      AND ${itemAtTableSql(user, "i")}
    ORDER BY m."startsAt", i.position
    LIMIT 20`,
  );
}

/** For an organisation admin: the partners who opened the profile in the last `days` days. */
async function profileLookups(user: SessionUser, now: Date, days = 30) {
  const rows = await prisma.$queryRaw<{ organisationId: string; name: string; views: number; last: Date }[]>`
    SELECT a."actorOrganisationId" AS "organisationId", o.name, count(*)::int AS views, max(a."occurredAt") AS last
    FROM "AuditEvent" a JOIN "Organisation" o ON o.id = a."actorOrganisationId"
    WHERE a.action = 'organisation.profile.viewed' AND a."subjectType" = 'Organisation'
      AND a."subjectId" = ${user.organisation.id} AND a."actorOrganisationId" <> ${user.organisation.id}
      AND a."occurredAt" >= ${new Date(now.getTime() - days * DAY)}
    GROUP BY a."actorOrganisationId", o.name
    ORDER BY views DESC, o.name
    LIMIT 20`;
  return { days, partners: rows.map((r) => ({ ...r, last: r.last.toISOString() })) };
}

export async function startOverview(user: SessionUser, meta: Acting) {
  const now = meta.now ?? new Date();
  const today = isoDay(amsterdamToday(now));
  const chair = user.roles.includes("CHAIR");
  const admin = user.roles.includes("ORG_ADMIN");
  const [meetings, chaired, mine, invited, cards, lookups, referrals] = await Promise.all([
    chair ? chairMeetings(user, now) : null,
    chair ? chairActions(user, today) : null,
    memberActions(user, now),
    invitedMeetings(user, now),
    emptyRoleCards(user),
    admin ? profileLookups(user, now) : null,
    // The chair's case signals ride along in the referrals' statement (one statement, not two).
    startReferrals(user, now, today, chair ? { overdueDays: getEnv().ESCALATION_OVERDUE_DAYS } : null),
  ]);
  const shown = [...(chaired ?? []).flatMap((g) => g.actions), ...mine];
  if (shown.length > 0) {
    // Action texts on the start page are read like the actions list: recorded.
    await recordAudit({
      actor: actorOf(user),
      action: "action.list.viewed",
      details: { view: "start", actions: shown.length },
      clientAddress: meta.clientAddress,
      at: now,
    });
  }
  return {
    today,
    chair: chair ? { meetings: meetings ?? [], actions: chaired ?? [], signals: referrals.signals ?? [] } : null,
    member: { actions: mine, invited, emptyRoleCards: cards, referrals: referrals.own },
    triage: referrals.triage.waiting > 0 ? referrals.triage : null,
    overdueActions: referrals.overdueActions,
    admin: lookups,
  };
}

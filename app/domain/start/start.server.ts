/**
 * What to do next, per role, for the start page. A chair: her next meetings and how far their
 * preparation is, proposals waiting, live items whose table has not filled in its role cards,
 * and the open and overdue actions of every organisation from her meetings (read-only), per
 * meeting. A member: the organisation's actions due soon and overdue, the meetings it is invited
 * to, the items where its role card is still empty. An organisation admin: the profile's
 * freshness and which partners looked it up. Everything through the access module's rules.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  actionChairedWhere,
  actionOwnedWhere,
  meetingChairedWhere,
  meetingVisibleWhere,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { amsterdamToday } from "~/domain/actions/actions.server";

const DAY = 86_400_000;
/** "Due soon": within this many days from today. */
export const DUE_SOON_DAYS = 7;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const actionSelect = {
  id: true,
  description: true,
  dueDate: true,
  status: true,
  case: { select: { reference: true } },
  ownerOrganisation: { select: { shortCode: true, name: true } },
  agendaItem: { select: { meeting: { select: { id: true, title: true, startsAt: true } } } },
} as const;

type ActionRow = {
  id: string;
  description: string;
  dueDate: Date;
  status: string;
  case: { reference: string };
  ownerOrganisation: { shortCode: string; name: string };
  agendaItem: { meeting: { id: string; title: string; startsAt: Date } };
};

function actionView(a: ActionRow, today: string) {
  const due = isoDay(a.dueDate);
  return {
    id: a.id,
    description: a.description,
    dueDate: due,
    overdue: due < today,
    reference: a.case.reference,
    owner: a.ownerOrganisation.shortCode,
    ownerName: a.ownerOrganisation.name,
    meetingId: a.agendaItem.meeting.id,
  };
}

/** The chair's meetings to come (not finished), with how far their preparation is. */
async function chairMeetings(user: SessionUser, now: Date) {
  const meetings = await prisma.meeting.findMany({
    where: {
      ...meetingChairedWhere(user),
      status: { not: "FINISHED" },
      startsAt: { gte: new Date(now.getTime() - DAY) },
    },
    orderBy: { startsAt: "asc" },
    take: 5,
    select: {
      id: true,
      title: true,
      startsAt: true,
      status: true,
      _count: { select: { items: true, agendaProposals: { where: { status: "PENDING" } } } },
      items: {
        where: { roleCards: { some: { completedAt: null } } },
        select: {
          id: true,
          position: true,
          case: { select: { reference: true } },
          _count: { select: { roleCards: { where: { completedAt: null } } } },
        },
        orderBy: { position: "asc" },
      },
    },
  });
  return meetings.map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    status: m.status,
    items: m._count.items,
    proposals: m._count.agendaProposals,
    cardsMissing: m.items.map((i) => ({
      id: i.id,
      position: i.position,
      reference: i.case.reference,
      missing: i._count.roleCards,
    })),
  }));
}

/** Open actions of every organisation from the chair's meetings, grouped per meeting. */
async function chairActions(user: SessionUser, today: string) {
  const rows = (await prisma.action.findMany({
    where: { ...actionChairedWhere(user), status: { not: "DONE" }, case: { anonymisedAt: null } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 200,
    select: actionSelect,
  })) as ActionRow[];
  const byMeeting = new Map<
    string,
    { id: string; title: string; startsAt: string; actions: ReturnType<typeof actionView>[] }
  >();
  for (const row of rows) {
    const m = row.agendaItem.meeting;
    const group = byMeeting.get(m.id) ?? { id: m.id, title: m.title, startsAt: m.startsAt.toISOString(), actions: [] };
    group.actions.push(actionView(row, today));
    byMeeting.set(m.id, group);
  }
  return [...byMeeting.values()].map((g) => ({ ...g, overdue: g.actions.filter((a) => a.overdue).length }));
}

/** My organisation's open actions that are overdue or due within DUE_SOON_DAYS. */
async function memberActions(user: SessionUser, now: Date) {
  const today = amsterdamToday(now);
  const rows = (await prisma.action.findMany({
    where: {
      ...actionOwnedWhere(user),
      status: { not: "DONE" },
      dueDate: { lte: new Date(today.getTime() + DUE_SOON_DAYS * DAY) },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 20,
    select: actionSelect,
  })) as ActionRow[];
  return rows.map((r) => actionView(r, isoDay(today)));
}

/** Meetings to come that my organisation is invited to (published or live). */
async function invitedMeetings(user: SessionUser, now: Date) {
  const meetings = await prisma.meeting.findMany({
    where: {
      ...meetingVisibleWhere(user),
      status: { in: ["PUBLISHED", "LIVE"] },
      invitations: { some: { organisationId: user.organisation.id } },
      startsAt: { gte: new Date(now.getTime() - DAY) },
    },
    orderBy: { startsAt: "asc" },
    take: 5,
    select: { id: true, title: true, startsAt: true, status: true },
  });
  return meetings.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() }));
}

/** Items at a live table where my organisation's role card is still empty. */
async function emptyRoleCards(user: SessionUser) {
  const cards = await prisma.roleCard.findMany({
    where: {
      organisationId: user.organisation.id,
      completedAt: null,
      agendaItem: { meeting: { status: "LIVE" }, tables: { some: { organisationId: user.organisation.id } } },
    },
    select: {
      agendaItem: {
        select: {
          id: true,
          position: true,
          case: { select: { reference: true } },
          meeting: { select: { id: true, title: true } },
        },
      },
    },
    take: 20,
  });
  return cards.map((c) => ({
    itemId: c.agendaItem.id,
    position: c.agendaItem.position,
    reference: c.agendaItem.case.reference,
    meetingId: c.agendaItem.meeting.id,
    meetingTitle: c.agendaItem.meeting.title,
  }));
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
  const [meetings, chaired, mine, invited, cards, lookups] = await Promise.all([
    chair ? chairMeetings(user, now) : null,
    chair ? chairActions(user, today) : null,
    memberActions(user, now),
    invitedMeetings(user, now),
    emptyRoleCards(user),
    admin ? profileLookups(user, now) : null,
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
    chair: chair ? { meetings: meetings ?? [], actions: chaired ?? [] } : null,
    member: { actions: mine, invited, emptyRoleCards: cards },
    admin: lookups,
  };
}

import { TZDate } from "@date-fns/tz";

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { isoOf, prisma, sqlQuery } from "~/db.server";
import {
  actionOwnedWhere,
  itemSeat,
  meetingAccessSelect,
  meetingRecord,
  meetingVisibleWhere,
  ownsAction,
  seesItemContent,
  verifiedMeeting,
} from "~/domain/access/access.server";
import type { VerifiedMeeting } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

import type { ActionQuery, ActionUpdateInput } from "./action.schema";

const DAY = 86_400_000;

/** Today's calendar date in the Netherlands, as due dates are stored (UTC midnight). */
export function amsterdamToday(now: Date): Date {
  const local = new TZDate(now.getTime(), "Europe/Amsterdam");
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** Monday to Sunday of the week `today` is in. */
function weekOf(today: Date): { from: Date; to: Date } {
  const weekday = (today.getUTCDay() + 6) % 7; // Monday 0
  const from = new Date(today.getTime() - weekday * DAY);
  return { from, to: new Date(from.getTime() + 6 * DAY) };
}

function viewFilter(view: ActionQuery["view"], today: Date): Prisma.ActionWhereInput {
  const open = { status: { not: "DONE" as const } };
  switch (view) {
    case "open":
      return open;
    case "week": {
      const { from, to } = weekOf(today);
      return { ...open, dueDate: { gte: from, lte: to } };
    }
    case "overdue":
      return { ...open, dueDate: { lt: today } };
    case "done":
      return { status: "DONE" };
    case "all":
      return {};
  }
}

/**
 * My organisation's actions across all meetings, by view (open, due this week, overdue, done,
 * all) and filters, earliest due date first, each with its history. Showing them shows case
 * content (what must be done, for which case): recorded in the audit trail.
 */
export async function listActions(user: SessionUser, query: ActionQuery, meta: Acting) {
  const now = meta.now ?? new Date();
  const today = amsterdamToday(now);
  const [actions, members, all] = await Promise.all([
    selectActions(user, query, today),
    organisationMembers(user),
    prisma.action.findMany({
      where: actionOwnedWhere(user),
      select: {
        status: true,
        dueDate: true,
        case: { select: { reference: true } },
        agendaItem: { select: { meeting: { select: { id: true, title: true } } } },
      },
    }),
  ]);
  const { from, to } = weekOf(today);
  const notDone = all.filter((a) => a.status !== "DONE");
  const counts = {
    open: notDone.length,
    week: notDone.filter((a) => a.dueDate >= from && a.dueDate <= to).length,
    overdue: notDone.filter((a) => a.dueDate < today).length,
    done: all.length - notDone.length,
    all: all.length,
  };
  const cases = [...new Set(all.map((a) => a.case.reference))].sort();
  const meetings = [...new Map(all.map((a) => [a.agendaItem.meeting.id, a.agendaItem.meeting])).values()];
  const shown = [...new Set(actions.map((a) => a.caseReference))];
  if (shown.length > 0) {
    await recordAudit({
      actor: actorOf(user),
      action: "action.list.viewed",
      subjectType: "Organisation",
      subjectId: user.organisation.id,
      clientAddress: meta.clientAddress,
      details: { cases: shown },
      at: now,
    });
  }
  return { actions, counts, members, cases, meetings: meetings.map((m) => ({ id: m.id, title: m.title })) };
}

/** My organisation's actions for a view and filters, earliest due date first, with history. */
export async function selectActions(user: SessionUser, query: ActionQuery, today: Date) {
  const where: Prisma.ActionWhereInput = {
    ...actionOwnedWhere(user),
    ...viewFilter(query.view, today),
    ...(query.caseReference ? { case: { reference: query.caseReference } } : {}),
    ...(query.meetingId ? { agendaItem: { meetingId: query.meetingId } } : {}),
    ...(query.owner === "none" ? { ownerUserId: null } : query.owner ? { ownerUserId: query.owner } : {}),
  };
  const rows = await prisma.action.findMany({
    where,
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: { ...actionWithHistorySelect, case: { select: { reference: true } } },
  });
  return rows.map((r) => ({
    ...toActionWithHistory(r),
    overdue: r.status !== "DONE" && r.dueDate < today,
    caseReference: r.case.reference,
  }));
}

/**
 * A member of the owning organisation updates an action: status with a note, a new owner within
 * the organisation, or closing it with a reason and a note. Closed is final. Written on the
 * version the form showed; if it changed meanwhile nothing is written and the current state
 * comes back. Every update is kept as history and in the audit trail.
 */
export async function updateAction(user: SessionUser, input: ActionUpdateInput, meta: Acting) {
  await checkActionUpdate(user, input);
  const now = meta.now ?? new Date();
  const written = await prisma.$transaction(async (tx) => {
    if (!(await applyActionUpdate(tx, user, input, now))) return false;
    await recordAudit(actionAudit(user, input, meta, now), tx);
    return true;
  });
  if (!written) return { ok: false as const, current: await currentAction(prisma, input.actionId) };
  return { ok: true as const };
}

/** Only the owning organisation updates its action; closed is final; owners are colleagues. */
export async function checkActionUpdate(user: SessionUser, input: ActionUpdateInput) {
  const action = await prisma.action.findFirst({
    where: { id: input.actionId, ...actionOwnedWhere(user) },
    select: { status: true },
  });
  ensure(action, notFound);
  if (action.status === "DONE") throw ruleError("actions.errors.alreadyClosed");
  const problem = await checkActionOwner(prisma, user, input.ownerUserId);
  if (problem) throw ruleError(problem);
}

/** A new owner must be a colleague in the owning organisation; the problem's key, or null. */
export async function checkActionOwner(db: Prisma.TransactionClient, user: SessionUser, ownerUserId: string) {
  if (!ownerUserId) return null;
  const member = await db.user.count({ where: { id: ownerUserId, organisationId: user.organisation.id } });
  return member === 1 ? null : "actions.errors.ownerNotInOrganisation";
}

export function actionAudit(user: SessionUser, input: ActionUpdateInput, meta: Acting, now: Date) {
  const closing = input.status === "DONE";
  return {
    actor: actorOf(user),
    action: closing ? ("action.closed" as const) : ("action.updated" as const),
    subjectType: "Action",
    subjectId: input.actionId,
    clientAddress: meta.clientAddress,
    details: { status: input.status, closeReason: closing ? input.closeReason : null },
    at: now,
  };
}

export async function currentAction(db: Prisma.TransactionClient, actionId: string) {
  const current = await db.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { status: true, closeReason: true, version: true, ownerUser: { select: { name: true } } },
  });
  return { ...current, ownerName: current.ownerUser?.name ?? null };
}

/**
 * Writes one update on the version the user saw, with its history row; false when the action
 * changed meanwhile (or was closed). Used by /acties, the agenda and the live table alike.
 */
export async function applyActionUpdate(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  input: ActionUpdateInput,
  now: Date,
): Promise<boolean> {
  const closing = input.status === "DONE";
  const updated = await tx.action.updateMany({
    where: { id: input.actionId, version: input.version, status: { not: "DONE" } },
    data: {
      status: input.status,
      closeReason: closing ? input.closeReason || null : null,
      closedAt: closing ? now : null,
      ownerUserId: input.ownerUserId || null,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) return false;
  await tx.actionUpdate.create({
    data: {
      actionId: input.actionId,
      at: now,
      byUserId: user.id,
      byName: user.name,
      byOrganisationId: user.organisation.id,
      status: input.status,
      closeReason: closing ? input.closeReason || null : null,
      ownerUserId: input.ownerUserId || null,
      note: input.note,
    },
  });
  return true;
}

/** For the start page: how many of my organisation's actions are past their due date. */
export async function overdueActionCount(user: SessionUser, now = new Date()): Promise<number> {
  return prisma.action.count({
    where: { ...actionOwnedWhere(user), status: { not: "DONE" }, dueDate: { lt: amsterdamToday(now) } },
  });
}

/**
 * "Openstaande acties" at the top of an agenda: for each case on it that the viewer may see (the
 * chair all; others the items at their organisation's table), the actions from earlier meetings
 * that are still open, and those closed since the case was last on an agenda — each with its
 * history, so the table reviews first what was agreed last time and why it was or was not done.
 */
export async function actionsForAgenda(viewer: SessionUser, meetingId: string, known?: VerifiedMeeting) {
  const meeting = known?.id === meetingId ? known : await verifiedAgenda(viewer, meetingId);
  const cases = meeting.items.filter((i) => seesItemContent(itemSeat(viewer, meeting.record, i)));
  const byCase = await earlierActionsByCase(
    meetingId,
    meeting.startsAt,
    cases.map((i) => i.caseId),
  );
  const result = [];
  for (const item of cases) {
    const actions = byCase.get(item.caseId) ?? [];
    if (actions.length === 0) continue;
    const today = amsterdamToday(new Date());
    result.push({
      reference: item.reference,
      actions: actions.map((a) => ({
        ...a,
        overdue: a.status !== "DONE" && a.dueDate < today.toISOString().slice(0, 10),
        ownerOrganisation: a.ownerShortCode,
        mayUpdate: ownsAction(viewer, a),
        caseReference: item.reference,
      })),
    });
  }
  return result;
}

async function verifiedAgenda(viewer: SessionUser, meetingId: string): Promise<VerifiedMeeting> {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingVisibleWhere(viewer) },
    select: {
      id: true,
      startsAt: true,
      ...meetingAccessSelect,
      items: {
        orderBy: { position: "asc" },
        select: { caseId: true, case: { select: { reference: true } }, tables: { select: { organisationId: true } } },
      },
    },
  });
  ensure(meeting, notFound);
  return verifiedMeeting({
    id: meeting.id,
    startsAt: meeting.startsAt,
    record: meetingRecord(meeting),
    items: meeting.items.map((i) => ({
      caseId: i.caseId,
      reference: i.case.reference,
      tableOrganisationIds: i.tables.map((t) => t.organisationId),
    })),
  });
}

/** The viewer's colleagues, to reassign an action to. */
export function organisationMembers(user: SessionUser) {
  // Through the pool: the agenda page and /acties ask on every view.
  return sqlQuery<{ id: string; name: string }>(Prisma.sql`
    SELECT u.id, u.name FROM "User" u WHERE u."organisationId" = ${user.organisation.id} ORDER BY u.name, u.id`);
}

/**
 * The actions about a case from earlier meetings that a new meeting reviews first: the ones still
 * open, and the ones closed since the case was last at a table (with why), each with its history.
 */
export async function earlierActions(meetingId: string, meetingStartsAt: Date, caseId: string) {
  return (await earlierActionsByCase(meetingId, meetingStartsAt, [caseId])).get(caseId) ?? [];
}

/**
 * `earlierActions` for every case of an agenda at once: one statement, however many items.
 * Per case: open actions from other meetings, and those closed since the case was last at a
 * table before this meeting (when that meeting actually started, if it did). In SQL through the
 * pool: the agenda and the live page read it on every view (bench/README.md, fourth session).
 */
export async function earlierActionsByCase(meetingId: string, meetingStartsAt: Date, caseIds: string[]) {
  const result = new Map<string, EarlierAction[]>();
  if (caseIds.length === 0) return result;
  const rows = await sqlQuery<EarlierAction & { caseId: string }>(Prisma.sql`
    WITH last AS (
      SELECT DISTINCT ON (a."caseId") a."caseId", COALESCE(m."startedAt", m."startsAt") AS since
      FROM "AgendaItem" a JOIN "Meeting" m ON m.id = a."meetingId"
      WHERE a."caseId" = ANY(${caseIds}) AND m.id <> ${meetingId}
        AND m."startsAt" < (${meetingStartsAt}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY a."caseId", m."startsAt" DESC)
    SELECT x.id, x."caseId", x.description, to_char(x."dueDate", 'YYYY-MM-DD') AS "dueDate", x.status::text AS status,
           x."closeReason"::text AS "closeReason", x.version, x."ownerUserId", u.name AS "ownerName",
           x."ownerOrganisationId", o."shortCode" AS "ownerShortCode", json_build_object('id', m.id, 'title', m.title) AS meeting,
           COALESCE((SELECT json_agg(json_build_object('id', h.id,
                              'at', ${isoOf("h.at")}, 'byName', h."byName",
                              'status', h.status, 'closeReason', h."closeReason", 'note', h.note) ORDER BY h.at, h.id)
                     FROM "ActionUpdate" h WHERE h."actionId" = x.id), '[]') AS updates
    FROM "Action" x
      JOIN "AgendaItem" i ON i.id = x."agendaItemId"
      JOIN "Meeting" m ON m.id = i."meetingId"
      JOIN "Organisation" o ON o.id = x."ownerOrganisationId"
      LEFT JOIN "User" u ON u.id = x."ownerUserId"
      LEFT JOIN last l ON l."caseId" = x."caseId"
    WHERE x."caseId" = ANY(${caseIds}) AND i."meetingId" <> ${meetingId}
      AND (x.status <> 'DONE' OR x."closedAt" >= l.since)
    ORDER BY x."dueDate", x."createdAt", x.id`);
  for (const caseId of caseIds) result.set(caseId, []);
  for (const { caseId, ...action } of rows) result.get(caseId)?.push(action);
  return result;
}

/** An action with its owner, meeting and history, as /acties, agendas and the live table show it. */
const actionWithHistorySelect = {
  id: true,
  description: true,
  dueDate: true,
  status: true,
  closeReason: true,
  version: true,
  ownerUserId: true,
  ownerOrganisationId: true,
  ownerOrganisation: { select: { shortCode: true } },
  ownerUser: { select: { name: true } },
  agendaItem: { select: { meeting: { select: { id: true, title: true } } } },
  updates: {
    orderBy: { at: "asc" },
    select: { id: true, at: true, byName: true, status: true, closeReason: true, note: true },
  },
} as const;

/** An earlier action as the agenda and the live table show it. */
export type EarlierAction = ReturnType<typeof toActionWithHistory>;

function toActionWithHistory(a: Prisma.ActionGetPayload<{ select: typeof actionWithHistorySelect }>) {
  return {
    id: a.id,
    description: a.description,
    dueDate: a.dueDate.toISOString().slice(0, 10),
    status: a.status,
    closeReason: a.closeReason,
    version: a.version,
    ownerUserId: a.ownerUserId,
    ownerName: a.ownerUser?.name ?? null,
    ownerOrganisationId: a.ownerOrganisationId,
    ownerShortCode: a.ownerOrganisation.shortCode,
    meeting: { id: a.agendaItem.meeting.id, title: a.agendaItem.meeting.title },
    updates: a.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
  };
}

/** One earlier action as the live table shows it, read inside the write's transaction. */
export async function earlierActionById(db: Prisma.TransactionClient, actionId: string) {
  return toActionWithHistory(
    await db.action.findUniqueOrThrow({ where: { id: actionId }, select: actionWithHistorySelect }),
  );
}

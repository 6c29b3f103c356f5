import { TZDate } from "@date-fns/tz";

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import {
  actionChairedSql,
  actionOfferedSql,
  actionOwnedSql,
  actionOwnedWhere,
  mayReadChairedActions,
  ownsAction,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, forbidden, notFound, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

import type { ActionChanges } from "./action-corrections.server";
import { actionWithHistoryColumns, actionWithHistoryFrom } from "./action-history.server";
import type { ActionQuery, ActionUpdateInput } from "./action.schema";
import { echoToLiveTables, publishEchoes } from "./live-echo.server";

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

/**
 * Whose actions a view lists: my organisation's, or — a chair only — every organisation's from
 * the meetings she chairs (she sits at every table of them; she reads, the owners update).
 */
function scopeSql(user: SessionUser, scope: ActionQuery["scope"]) {
  if (scope === "mine") return actionOwnedSql(user, "x");
  if (!mayReadChairedActions(user)) throw forbidden();
  // Anonymised cases leave the chair's overview, as they leave the start page.
  return Prisma.sql`${actionChairedSql(user, "m")} AND c."anonymisedAt" IS NULL`;
}

/**
 * My organisation's actions across all meetings (or a chair's meetings, all organisations), by
 * view (open, due this week, overdue, done, all) and filters, earliest due date first, each with
 * its history. Showing them shows case content (what must be done, for which case): recorded in
 * the audit trail.
 */
export async function listActions(user: SessionUser, query: ActionQuery, meta: Acting) {
  const now = meta.now ?? new Date();
  const today = amsterdamToday(now);
  const scope = scopeSql(user, query.scope);
  const [actions, offered, members, all] = await Promise.all([
    selectActions(user, query, today),
    query.scope === "mine" ? offeredActions(user) : [],
    organisationMembers(user),
    sqlQuery<{
      status: string;
      dueDate: string;
      reference: string;
      meetingId: string;
      meetingTitle: string;
    }>(Prisma.sql`
      SELECT x.status::text AS status, to_char(x."dueDate", 'YYYY-MM-DD') AS "dueDate", c.reference,
             m.id AS "meetingId", m.title AS "meetingTitle"
      FROM "Action" x JOIN "Case" c ON c.id = x."caseId" JOIN "AgendaItem" i ON i.id = x."agendaItemId"
        JOIN "Meeting" m ON m.id = i."meetingId"
      WHERE ${scope}`),
  ]);
  const week = weekOf(today);
  const [from, to, todayIso] = [isoDate(week.from), isoDate(week.to), isoDate(today)];
  const notDone = all.filter((a) => a.status !== "DONE");
  const counts = {
    open: notDone.length,
    week: notDone.filter((a) => a.dueDate >= from && a.dueDate <= to).length,
    overdue: notDone.filter((a) => a.dueDate < todayIso).length,
    done: all.length - notDone.length,
    all: all.length,
  };
  const cases = [...new Set(all.map((a) => a.reference))].sort();
  const meetings = [...new Map(all.map((a) => [a.meetingId, { id: a.meetingId, title: a.meetingTitle }])).values()];
  const shown = [...new Set([...actions, ...offered].map((a) => a.caseReference))];
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
  return {
    actions,
    offered: offered.map((a) => ({ ...a, overdue: a.dueDate < todayIso, mayUpdate: false })),
    counts,
    members,
    cases,
    meetings: meetings.map((m) => ({ id: m.id, title: m.title })),
  };
}

/** My organisation's actions for a view and filters, earliest due date first, with history. */
export async function selectActions(user: SessionUser, query: ActionQuery, today: Date) {
  const chaired = query.scope === "chaired";
  const conditions = [
    scopeSql(user, query.scope),
    viewSql(query.view, today),
    query.caseReference ? Prisma.sql`c.reference = ${query.caseReference}` : null,
    query.meetingId ? Prisma.sql`m.id = ${query.meetingId}` : null,
    // The owner filter names my colleagues; across organisations it does not apply.
    chaired
      ? null
      : query.owner === "none"
        ? Prisma.sql`x."ownerUserId" IS NULL`
        : query.owner
          ? Prisma.sql`x."ownerUserId" = ${query.owner}`
          : null,
  ].filter((c) => c !== null);
  // Through the pool: /acties and its exports read it on every view.
  const rows = await sqlQuery<EarlierAction & { caseReference: string }>(Prisma.sql`
    SELECT ${actionWithHistoryColumns}, c.reference AS "caseReference"
    FROM ${actionWithHistoryFrom} JOIN "Case" c ON c.id = x."caseId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY x."dueDate", x."createdAt", x.id
    LIMIT 500`);
  const todayIso = isoDate(today);
  return rows.map((r) => ({
    ...r,
    overdue: r.status !== "DONE" && r.dueDate < todayIso,
    ...(chaired ? { ownerOrganisation: r.ownerShortCode } : {}),
    mayUpdate: ownsAction(user, r),
  }));
}

/** The actions offered to my organisation, waiting for its answer, with where they come from. */
async function offeredActions(user: SessionUser) {
  return sqlQuery<EarlierAction & { caseReference: string }>(Prisma.sql`
    SELECT ${actionWithHistoryColumns}, c.reference AS "caseReference"
    FROM ${actionWithHistoryFrom} JOIN "Case" c ON c.id = x."caseId"
    WHERE ${actionOfferedSql(user, "x")} AND x.status <> 'DONE' AND c."anonymisedAt" IS NULL
    ORDER BY x."dueDate", x.id
    LIMIT 100`);
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function viewSql(view: ActionQuery["view"], today: Date) {
  const open = Prisma.sql`x.status <> 'DONE'`;
  switch (view) {
    case "open":
      return open;
    case "week": {
      const { from, to } = weekOf(today);
      return Prisma.sql`${open} AND x."dueDate" BETWEEN ${isoDate(from)}::date AND ${isoDate(to)}::date`;
    }
    case "overdue":
      return Prisma.sql`${open} AND x."dueDate" < ${isoDate(today)}::date`;
    case "done":
      return Prisma.sql`x.status = 'DONE'`;
    case "all":
      return Prisma.sql`TRUE`;
  }
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
  const echoes = await prisma.$transaction(async (tx) => {
    if (!(await applyActionUpdate(tx, user, input, now))) return null;
    await recordAudit(actionAudit(user, input, meta, now), tx);
    return echoToLiveTables(tx, input.actionId, now);
  });
  if (!echoes) return { ok: false as const, current: await currentAction(prisma, input.actionId) };
  publishEchoes(echoes, user);
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
      // A closed action is nobody's to take over: an open offer ends with it.
      ...(closing ? { transferToOrganisationId: null } : {}),
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

/** The viewer's colleagues, to reassign an action to. */
export function organisationMembers(user: SessionUser) {
  // Through the pool: the agenda page and /acties ask on every view.
  return sqlQuery<{ id: string; name: string }>(Prisma.sql`
    SELECT u.id, u.name FROM "User" u WHERE u."organisationId" = ${user.organisation.id} ORDER BY u.name, u.id`);
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
  transferToOrganisationId: true,
  transferToOrganisation: { select: { shortCode: true } },
  updates: {
    orderBy: { at: "asc" },
    select: {
      id: true,
      at: true,
      byName: true,
      status: true,
      closeReason: true,
      note: true,
      kind: true,
      via: true,
      changes: true,
    },
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
    transferToOrganisationId: a.transferToOrganisationId,
    transferToShortCode: a.transferToOrganisation?.shortCode ?? null,
    meeting: { id: a.agendaItem.meeting.id, title: a.agendaItem.meeting.title },
    updates: a.updates.map((u) => ({ ...u, at: u.at.toISOString(), changes: u.changes as ActionChanges | null })),
  };
}

/** One earlier action as the live table shows it, read inside the write's transaction. */
export async function earlierActionById(db: Prisma.TransactionClient, actionId: string) {
  return toActionWithHistory(
    await db.action.findUniqueOrThrow({ where: { id: actionId }, select: actionWithHistorySelect }),
  );
}

import { TZDate } from "@date-fns/tz";

import { recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { meetingVisibleTo } from "~/domain/meetings/meetings.server";
import type { Prisma } from "~/generated/prisma/client";
import { invariantResponse } from "~/utils/http.server";

import type { ActionQuery, ActionUpdateInput } from "./action.schema";

type Meta = { clientAddress: string | null; now?: Date };

/** Well-formed but not allowed here; the form shows the key. */
export class ActionRuleError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

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

function viewFilter(view: ActionQuery["weergave"], today: Date): Prisma.ActionWhereInput {
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

/** Actions are followed up by the organisation that owns them: the one place this rule lives. */
const ownedBy = (user: SessionUser) => ({ ownerOrganisationId: user.organisation.id });

/**
 * My organisation's actions across all meetings, by view (open, due this week, overdue, done,
 * all) and filters, earliest due date first, each with its history. Showing them shows case
 * content (what must be done, for which case): recorded in the audit trail.
 */
export async function listActions(user: SessionUser, query: ActionQuery, meta: Meta) {
  const now = meta.now ?? new Date();
  const today = amsterdamToday(now);
  const [actions, members, all] = await Promise.all([
    selectActions(user, query, today),
    organisationMembers(user),
    prisma.action.findMany({
      where: ownedBy(user),
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
      actor: { userId: user.id, organisationId: user.organisation.id },
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
    ...ownedBy(user),
    ...viewFilter(query.weergave, today),
    ...(query.casus ? { case: { reference: query.casus } } : {}),
    ...(query.overleg ? { agendaItem: { meetingId: query.overleg } } : {}),
    ...(query.eigenaar === "niemand" ? { ownerUserId: null } : query.eigenaar ? { ownerUserId: query.eigenaar } : {}),
  };
  const rows = await prisma.action.findMany({
    where,
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: {
      id: true,
      description: true,
      dueDate: true,
      status: true,
      closeReason: true,
      version: true,
      ownerUserId: true,
      ownerUser: { select: { name: true } },
      case: { select: { reference: true } },
      agendaItem: { select: { meeting: { select: { id: true, title: true, startsAt: true } } } },
      updates: {
        orderBy: { at: "asc" },
        select: { id: true, at: true, byName: true, status: true, closeReason: true, note: true },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    description: r.description,
    dueDate: r.dueDate.toISOString().slice(0, 10),
    overdue: r.status !== "DONE" && r.dueDate < today,
    status: r.status,
    closeReason: r.closeReason,
    version: r.version,
    ownerUserId: r.ownerUserId,
    ownerName: r.ownerUser?.name ?? null,
    caseReference: r.case.reference,
    meeting: { id: r.agendaItem.meeting.id, title: r.agendaItem.meeting.title },
    updates: r.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
  }));
}

/**
 * A member of the owning organisation updates an action: status with a note, a new owner within
 * the organisation, or closing it with a reason and a note. Closed is final. Written on the
 * version the form showed; if it changed meanwhile nothing is written and the current state
 * comes back. Every update is kept as history and in the audit trail.
 */
export async function updateAction(user: SessionUser, input: ActionUpdateInput, meta: Meta) {
  const action = await prisma.action.findFirst({
    where: { id: input.actionId, ...ownedBy(user) },
    select: { status: true },
  });
  invariantResponse(action, "Niet gevonden", { status: 404 });
  if (action.status === "DONE") throw new ActionRuleError("actions.errors.alreadyClosed");
  if (input.ownerUserId) {
    const member = await prisma.user.count({
      where: { id: input.ownerUserId, ...{ organisationId: user.organisation.id } },
    });
    if (member !== 1) throw new ActionRuleError("actions.errors.ownerNotInOrganisation");
  }
  const now = meta.now ?? new Date();
  const closing = input.status === "DONE";
  const written = await prisma.$transaction(async (tx) => {
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
    await recordAudit(
      {
        actor: { userId: user.id, organisationId: user.organisation.id },
        action: closing ? "action.closed" : "action.updated",
        subjectType: "Action",
        subjectId: input.actionId,
        clientAddress: meta.clientAddress,
        details: { status: input.status, closeReason: closing ? input.closeReason : null },
        at: now,
      },
      tx,
    );
    return true;
  });
  if (!written) {
    const current = await prisma.action.findUniqueOrThrow({
      where: { id: input.actionId },
      select: { status: true, closeReason: true, version: true, ownerUser: { select: { name: true } } },
    });
    return { ok: false as const, current: { ...current, ownerName: current.ownerUser?.name ?? null } };
  }
  return { ok: true as const };
}

/** For the start page: how many of my organisation's actions are past their due date. */
export async function overdueActionCount(user: SessionUser, now = new Date()): Promise<number> {
  return prisma.action.count({
    where: { ...ownedBy(user), status: { not: "DONE" }, dueDate: { lt: amsterdamToday(now) } },
  });
}

/**
 * "Openstaande acties" at the top of an agenda: for each case on it that the viewer may see (the
 * chair all; others the items at their organisation's table), the actions from earlier meetings
 * that are still open, and those closed since the case was last on an agenda — each with its
 * history, so the table reviews first what was agreed last time and why it was or was not done.
 */
export async function actionsForAgenda(viewer: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingVisibleTo(viewer) },
    select: {
      startsAt: true,
      chairId: true,
      items: {
        orderBy: { position: "asc" },
        select: { caseId: true, case: { select: { reference: true } }, tables: { select: { organisationId: true } } },
      },
    },
  });
  invariantResponse(meeting, "Niet gevonden", { status: 404 });
  const isChair = meeting.chairId === viewer.id;
  const cases = meeting.items.filter(
    (i) => isChair || i.tables.some((t) => t.organisationId === viewer.organisation.id),
  );
  const result = [];
  for (const item of cases) {
    const previous = await prisma.meeting.findFirst({
      where: { id: { not: meetingId }, startsAt: { lt: meeting.startsAt }, items: { some: { caseId: item.caseId } } },
      orderBy: { startsAt: "desc" },
      select: { startsAt: true, startedAt: true },
    });
    // Since when the case was last at a table: when that meeting actually started, if it did.
    const lastDiscussed = previous ? (previous.startedAt ?? previous.startsAt) : null;
    const actions = await prisma.action.findMany({
      where: {
        caseId: item.caseId,
        agendaItem: { meetingId: { not: meetingId } },
        OR: [{ status: { not: "DONE" } }, ...(lastDiscussed ? [{ closedAt: { gte: lastDiscussed } }] : [])],
      },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      select: {
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
      },
    });
    if (actions.length === 0) continue;
    const today = amsterdamToday(new Date());
    result.push({
      reference: item.case.reference,
      actions: actions.map((a) => ({
        id: a.id,
        description: a.description,
        dueDate: a.dueDate.toISOString().slice(0, 10),
        overdue: a.status !== "DONE" && a.dueDate < today,
        status: a.status,
        closeReason: a.closeReason,
        version: a.version,
        ownerUserId: a.ownerUserId,
        ownerName: a.ownerUser?.name ?? null,
        ownerOrganisation: a.ownerOrganisation.shortCode,
        mayUpdate: a.ownerOrganisationId === viewer.organisation.id,
        caseReference: item.case.reference,
        meeting: { id: a.agendaItem.meeting.id, title: a.agendaItem.meeting.title },
        updates: a.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
      })),
    });
  }
  return result;
}

/** The viewer's colleagues, to reassign an action to. */
export function organisationMembers(user: SessionUser) {
  return prisma.user.findMany({
    where: { organisationId: user.organisation.id },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * Amendments to approved minutes that correct structured data: an action's text, due date or
 * owning organisation, or a decision's wording. The approved minutes stay as they were; the
 * amendment is shown beside them (who, when, what from what to what, why), and the action or
 * decision itself changes — so /acties, its CSV and .ics, the overdue flags and the start page
 * follow. An action moved to another organisation is offered to it, as at the table.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import type { ActionChanges } from "~/domain/actions/action-corrections.server";
import { applyActionCorrection, lockAction } from "~/domain/actions/action-corrections.server";
import { echoToLiveTables, publishEchoes } from "~/domain/actions/live-echo.server";
import { conflict, notFound, ruleError } from "~/domain/errors.server";
import type { Prisma } from "~/generated/prisma/client";

import type { ActionAmendmentInput, DecisionAmendmentInput } from "./minutes.schema";
import { requireChairOfFinished } from "./minutes.server";

/** What a structured amendment records: the action's or decision's wording before, and the changes. */
export type AmendmentChanges = {
  /** The action's text or the decision's wording before the amendment (which one it is about). */
  about: string;
  action?: ActionChanges & { offeredTo?: string };
  decision?: { text: { from: string; to: string } };
};

async function approvedMinutesId(meetingId: string) {
  const minutes = await prisma.minutes.findUnique({ where: { meetingId }, select: { id: true, status: true } });
  if (minutes?.status !== "APPROVED") throw ruleError("minutes.errors.notApproved");
  return minutes.id;
}

async function recordAmendment(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  meta: Acting,
  row: {
    minutesId: string;
    meetingId: string;
    agendaItemId: string;
    kind: "ACTION" | "DECISION";
    actionId?: string;
    decisionId?: string;
    changes: AmendmentChanges;
    reason: string;
    now: Date;
  },
) {
  const amendment = await tx.minutesAmendment.create({
    data: {
      minutesId: row.minutesId,
      agendaItemId: row.agendaItemId,
      at: row.now,
      byUserId: user.id,
      byName: user.name,
      byOrganisationId: user.organisation.id,
      change: "",
      reason: row.reason,
      kind: row.kind,
      actionId: row.actionId ?? null,
      decisionId: row.decisionId ?? null,
      changes: row.changes as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  await recordAudit(
    {
      actor: actorOf(user),
      action: "minutes.amended",
      subjectType: "Meeting",
      subjectId: row.meetingId,
      clientAddress: meta.clientAddress,
      details: { amendmentId: amendment.id, agendaItemId: row.agendaItemId, kind: row.kind },
      at: row.now,
    },
    tx,
  );
}

/** The chair corrects an action agreed in this meeting, through an amendment with a reason. */
export async function amendAction(user: SessionUser, meetingId: string, input: ActionAmendmentInput, meta: Acting) {
  await requireChairOfFinished(user, meetingId);
  const minutesId = await approvedMinutesId(meetingId);
  const now = meta.now ?? new Date();
  const echoes = await prisma.$transaction(async (tx) => {
    const current = await lockAction(tx, input.actionId);
    const item = current
      ? await tx.agendaItem.findFirst({
          where: { id: current.agendaItemId, meetingId },
          select: { id: true, tables: { select: { organisationId: true } } },
        })
      : null;
    if (!current || !item) throw notFound();
    const stale = async (): Promise<never> => {
      throw conflict("minutes.errors.stale");
    };
    const { changes, offeredTo } = await applyActionCorrection(
      tx,
      user,
      current,
      { ...input, ownerUserId: current.ownerUserId ?? "" },
      { via: "MINUTES", reason: input.reason, now, movableTo: item.tables.map((t) => t.organisationId), stale },
    );
    const offered = offeredTo
      ? await tx.organisation.findUniqueOrThrow({ where: { id: offeredTo }, select: { shortCode: true } })
      : null;
    await recordAmendment(tx, user, meta, {
      minutesId,
      meetingId,
      agendaItemId: item.id,
      kind: "ACTION",
      actionId: current.id,
      changes: {
        about: current.description,
        action: { ...changes, ...(offered ? { offeredTo: offered.shortCode } : {}) },
      },
      reason: input.reason,
      now,
    });
    return echoToLiveTables(tx, current.id, now);
  });
  publishEchoes(echoes, user);
}

/** The chair corrects a decision's wording through an amendment; the earlier wording is kept. */
export async function amendDecision(user: SessionUser, meetingId: string, input: DecisionAmendmentInput, meta: Acting) {
  await requireChairOfFinished(user, meetingId);
  const minutesId = await approvedMinutesId(meetingId);
  const now = meta.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const [decision] = await tx.$queryRaw<{ id: string; agendaItemId: string; text: string; version: number }[]>`
      SELECT d.id, d."agendaItemId", d.text, d.version FROM "Decision" d JOIN "AgendaItem" i ON i.id = d."agendaItemId"
      WHERE d.id = ${input.decisionId} AND i."meetingId" = ${meetingId}
      FOR UPDATE OF d`;
    if (!decision) throw notFound();
    if (decision.version !== input.version) throw conflict("minutes.errors.stale");
    if (decision.text === input.text) throw ruleError("actions.errors.nothingChanged");
    await tx.decision.update({
      where: { id: decision.id },
      data: { text: input.text, earlierTexts: { push: decision.text }, version: { increment: 1 } },
    });
    await recordAmendment(tx, user, meta, {
      minutesId,
      meetingId,
      agendaItemId: decision.agendaItemId,
      kind: "DECISION",
      decisionId: decision.id,
      changes: { about: decision.text, decision: { text: { from: decision.text, to: input.text } } },
      reason: input.reason,
      now,
    });
  });
}

/**
 * For the chair of approved minutes: the actions and decisions of the items shown, as they are now
 * (after any correction), with the version an amendment starts from.
 */
export async function amendableEntries(meetingId: string, itemIds: string[]) {
  const [actions, decisions] = await Promise.all([
    prisma.action.findMany({
      where: { agendaItemId: { in: itemIds }, agendaItem: { meetingId } },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        agendaItemId: true,
        description: true,
        dueDate: true,
        ownerOrganisationId: true,
        transferToOrganisationId: true,
        status: true,
        version: true,
      },
    }),
    prisma.decision.findMany({
      where: { agendaItemId: { in: itemIds }, agendaItem: { meetingId } },
      orderBy: { createdAt: "asc" },
      select: { id: true, agendaItemId: true, text: true, version: true },
    }),
  ]);
  return {
    actions: actions.map((a) => ({ ...a, dueDate: a.dueDate.toISOString().slice(0, 10) })),
    decisions,
  };
}

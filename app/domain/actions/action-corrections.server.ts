/**
 * Correcting what was agreed about an action — its text, its due date, the colleague who owns it,
 * or the organisation — at the live table, on /acties, or as an amendment to approved minutes. One
 * set of rules for all three: written on the version the user saw (row locked, so two corrections
 * never interleave); a due date moved into the past is refused; the named owner is a colleague in
 * the owning organisation; moving the action to another organisation is an offer that organisation
 * accepts or declines (until then the owner stays, and nobody else's work lands on it unasked).
 * Every correction is a history line saying from what to what, where, by whom and why.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { ownsAction } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, fieldRule, notFound, ruleError } from "~/domain/errors.server";
import type { Prisma } from "~/generated/prisma/client";
import type { CorrectionSource } from "~/generated/prisma/enums";

import type { ActionCorrectionFormInput, TransferAnswerInput } from "./action.schema";
import { amsterdamToday, currentAction } from "./actions.server";
import { echoToLiveTables, publishEchoes } from "./live-echo.server";

type Tx = Prisma.TransactionClient;

/** Per corrected field: before and after. Organisations by short code, people by name. */
export type ActionChanges = {
  description?: { from: string; to: string };
  dueDate?: { from: string; to: string };
  ownerUser?: { from: string | null; to: string | null };
  ownerOrganisation?: { from: string; to: string };
};

export type ActionCorrectionInput = {
  actionId: string;
  version: number;
  description: string;
  /** YYYY-MM-DD */
  dueDate: string;
  ownerOrganisationId: string;
  ownerUserId: string;
};

export type LockedAction = {
  id: string;
  agendaItemId: string;
  caseId: string;
  description: string;
  dueDate: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  ownerName: string | null;
  transferToOrganisationId: string | null;
  status: "OPEN" | "IN_PROGRESS" | "DONE";
  version: number;
};

/** The action's row, locked until the transaction ends; null when there is none. */
export async function lockAction(tx: Tx, actionId: string): Promise<LockedAction | null> {
  const rows = await tx.$queryRaw<LockedAction[]>`
    SELECT a.id, a."agendaItemId", a."caseId", a.description, to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate",
           a."ownerOrganisationId", a."ownerUserId", u.name AS "ownerName", a."transferToOrganisationId",
           a.status::text AS status, a.version
    FROM "Action" a LEFT JOIN "User" u ON u.id = a."ownerUserId"
    WHERE a.id = ${actionId}
    FOR UPDATE OF a`;
  return rows[0] ?? null;
}

async function shortCodes(tx: Tx, ids: string[]) {
  const rows = await tx.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, shortCode: true } });
  return new Map(rows.map((r) => [r.id, r.shortCode]));
}

type Rules = {
  via: CorrectionSource;
  /** Why (required in the minutes; may be empty elsewhere). */
  reason: string;
  now: Date;
  /** The organisations the action may be offered to (those at the item's table). */
  movableTo: string[];
  /** Answers a version that moved on (each caller shows the current state its own way). */
  stale: () => Promise<never>;
};

/**
 * Applies a correction to a locked action; returns what changed. The caller has checked that the
 * user may correct it (owning organisation or chair at the table; the chair in the minutes).
 */
export async function applyActionCorrection(
  tx: Tx,
  user: SessionUser,
  current: LockedAction,
  input: ActionCorrectionInput,
  rules: Rules,
): Promise<{ changes: ActionChanges; offeredTo: string | null }> {
  if (current.version !== input.version) return rules.stale();
  if (current.status === "DONE") throw ruleError("actions.errors.alreadyClosed");
  const today = amsterdamToday(rules.now).toISOString().slice(0, 10);
  if (input.dueDate !== current.dueDate && input.dueDate < today)
    throw fieldRule("dueDate", "actions.errors.dueInPast");
  const moving = input.ownerOrganisationId !== current.ownerOrganisationId;
  if (moving && !rules.movableTo.includes(input.ownerOrganisationId))
    throw fieldRule("ownerOrganisationId", "actions.errors.notAtTable");
  const changes: ActionChanges = {};
  if (input.description !== current.description)
    changes.description = { from: current.description, to: input.description };
  if (input.dueDate !== current.dueDate) changes.dueDate = { from: current.dueDate, to: input.dueDate };
  const ownerUserId = moving ? current.ownerUserId : input.ownerUserId || null;
  if (ownerUserId !== current.ownerUserId) {
    const owner = ownerUserId
      ? await tx.user.findFirst({
          where: { id: ownerUserId, organisationId: current.ownerOrganisationId },
          select: { name: true },
        })
      : null;
    if (ownerUserId && !owner) throw fieldRule("ownerUserId", "actions.errors.ownerNotInOrganisation");
    changes.ownerUser = { from: current.ownerName, to: owner?.name ?? null };
  }
  // Choosing the owning organisation again takes back an offer that was still open.
  const offeredTo = moving ? input.ownerOrganisationId : null;
  const offerChanged = offeredTo !== current.transferToOrganisationId;
  if (Object.keys(changes).length === 0 && !offerChanged) throw ruleError("actions.errors.nothingChanged");
  await tx.action.update({
    where: { id: current.id },
    data: {
      description: input.description,
      dueDate: new Date(`${input.dueDate}T00:00:00Z`),
      ownerUserId,
      transferToOrganisationId: offeredTo,
      version: { increment: 1 },
    },
  });
  const line = { actionId: current.id, at: rules.now, ...by(user), status: current.status, ownerUserId };
  if (Object.keys(changes).length > 0) {
    await tx.actionUpdate.create({
      data: { ...line, kind: "CORRECTION", via: rules.via, changes, note: rules.reason },
    });
  }
  if (offerChanged && offeredTo) {
    const codes = await shortCodes(tx, [current.ownerOrganisationId, offeredTo]);
    const ownerOrganisation = { from: codes.get(current.ownerOrganisationId) ?? "", to: codes.get(offeredTo) ?? "" };
    await tx.actionUpdate.create({
      data: { ...line, kind: "TRANSFER_OFFERED", via: rules.via, changes: { ownerOrganisation }, note: rules.reason },
    });
  } else if (offerChanged && current.transferToOrganisationId) {
    await writeWithdrawal(tx, user, current, current.transferToOrganisationId, rules.via, rules.now);
  }
  return { changes, offeredTo };
}

/** The history line of an offer taken back (the action stays with its owner). */
async function writeWithdrawal(
  tx: Tx,
  user: SessionUser,
  action: { id: string; ownerOrganisationId: string; ownerUserId: string | null; status: LockedAction["status"] },
  offeredTo: string,
  via: CorrectionSource,
  now: Date,
) {
  const codes = await shortCodes(tx, [action.ownerOrganisationId, offeredTo]);
  const ownerOrganisation = { from: codes.get(action.ownerOrganisationId) ?? "", to: codes.get(offeredTo) ?? "" };
  await tx.actionUpdate.create({
    data: {
      actionId: action.id,
      at: now,
      ...by(user),
      status: action.status,
      ownerUserId: action.ownerUserId,
      kind: "TRANSFER_WITHDRAWN",
      via,
      changes: { ownerOrganisation },
    },
  });
}

/**
 * Offers on an item's actions to organisations that left its table are taken back, each with a
 * history line: an organisation no longer at the table neither sees nor takes over the action.
 */
export async function withdrawOffersTo(
  tx: Tx,
  user: SessionUser,
  agendaItemId: string,
  organisationIds: readonly string[],
  now: Date,
) {
  if (organisationIds.length === 0) return;
  const offered = await tx.action.findMany({
    where: { agendaItemId, transferToOrganisationId: { in: [...organisationIds] } },
    select: { id: true, ownerOrganisationId: true, ownerUserId: true, status: true, transferToOrganisationId: true },
  });
  for (const action of offered) {
    await tx.action.update({
      where: { id: action.id },
      data: { transferToOrganisationId: null, version: { increment: 1 } },
    });
    await writeWithdrawal(tx, user, action, action.transferToOrganisationId as string, "TABLE", now);
  }
}

const by = (user: SessionUser) => ({ byUserId: user.id, byName: user.name, byOrganisationId: user.organisation.id });

/**
 * The organisation an action was offered to accepts it (it becomes the owner; it names its own
 * colleague later) or declines it (the owner stays). Only that organisation answers; anyone else
 * is told there is nothing there.
 */
export async function answerActionTransfer(
  tx: Tx,
  user: SessionUser,
  current: LockedAction,
  answer: { version: number; accept: boolean; via: CorrectionSource; now: Date; stale: () => Promise<never> },
): Promise<{ accepted: boolean }> {
  if (current.transferToOrganisationId !== user.organisation.id) throw notFound();
  // Still at the action's table, checked on the locked row (leaving the table withdraws offers).
  const seat = await tx.agendaItemTable.findFirst({
    where: { agendaItemId: current.agendaItemId, organisationId: user.organisation.id },
    select: { organisationId: true },
  });
  if (!seat) throw notFound();
  if (current.version !== answer.version) return answer.stale();
  if (current.status === "DONE") throw ruleError("actions.errors.alreadyClosed");
  const codes = await shortCodes(tx, [current.ownerOrganisationId, user.organisation.id]);
  const ownerOrganisation = {
    from: codes.get(current.ownerOrganisationId) ?? "",
    to: codes.get(user.organisation.id) ?? "",
  };
  await tx.action.update({
    where: { id: current.id },
    data: answer.accept
      ? {
          ownerOrganisationId: user.organisation.id,
          ownerUserId: null,
          transferToOrganisationId: null,
          version: { increment: 1 },
        }
      : { transferToOrganisationId: null, version: { increment: 1 } },
  });
  await tx.actionUpdate.create({
    data: {
      actionId: current.id,
      at: answer.now,
      ...by(user),
      status: current.status,
      ownerUserId: answer.accept ? null : current.ownerUserId,
      kind: answer.accept ? "CORRECTION" : "TRANSFER_DECLINED",
      via: answer.via,
      changes: answer.accept
        ? { ownerOrganisation, ...(current.ownerName ? { ownerUser: { from: current.ownerName, to: null } } : {}) }
        : { ownerOrganisation },
    },
  });
  return { accepted: answer.accept };
}

/** The current state, read in the transaction that holds the row (no second connection). */
const staleOn = (tx: Tx, actionId: string) => async (): Promise<never> => {
  throw conflict("actions.errors.stale", await currentAction(tx, actionId));
};

/**
 * On /acties, a member of the owning organisation corrects what was agreed — the text and the due
 * date — with an optional reason; the same rules and history as at the table.
 */
export async function correctOwnAction(user: SessionUser, input: ActionCorrectionFormInput, meta: Acting) {
  const now = meta.now ?? new Date();
  const echoes = await prisma.$transaction(async (tx) => {
    const current = await lockAction(tx, input.actionId);
    if (!current || !ownsAction(user, current)) throw notFound();
    await applyActionCorrection(
      tx,
      user,
      current,
      {
        ...input,
        ownerOrganisationId: current.transferToOrganisationId ?? current.ownerOrganisationId,
        ownerUserId: current.ownerUserId ?? "",
      },
      {
        via: "ACTIONS",
        reason: input.reason,
        now,
        // An open offer stays open: the form corrects text and date, not the owner.
        movableTo: current.transferToOrganisationId ? [current.transferToOrganisationId] : [],
        stale: staleOn(tx, input.actionId),
      },
    );
    await recordAudit(
      {
        actor: actorOf(user),
        action: "action.corrected",
        subjectType: "Action",
        subjectId: input.actionId,
        clientAddress: meta.clientAddress,
        at: now,
      },
      tx,
    );
    return echoToLiveTables(tx, input.actionId, now);
  });
  publishEchoes(echoes, user);
}

/** On /acties, the organisation an action was offered to takes it over or declines it. */
export async function answerOffer(user: SessionUser, input: TransferAnswerInput, meta: Acting) {
  const now = meta.now ?? new Date();
  const { result, echoes } = await prisma.$transaction(async (tx) => {
    const current = await lockAction(tx, input.actionId);
    if (!current) throw notFound();
    const result = await answerActionTransfer(tx, user, current, {
      version: input.version,
      accept: input.answer === "accept",
      via: "ACTIONS",
      now,
      stale: staleOn(tx, input.actionId),
    });
    await recordAudit(
      {
        actor: actorOf(user),
        action: "action.transfer.answered",
        subjectType: "Action",
        subjectId: input.actionId,
        clientAddress: meta.clientAddress,
        details: { accepted: result.accepted },
        at: now,
      },
      tx,
    );
    return { result, echoes: await echoToLiveTables(tx, input.actionId, now) };
  });
  publishEchoes(echoes, user);
  return result;
}

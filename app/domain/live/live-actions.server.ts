/**
 * Correcting an action at the live table, and answering an offer to take one over. The rules are
 * the actions domain's (action-corrections.server.ts); here they meet the board: the item must be
 * open in a live meeting, the viewer at its table, and everyone there sees the result at once.
 */
import type { SessionUser } from "~/auth/session.server";
import { sqlQuery } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { answerActionTransfer, applyActionCorrection, lockAction } from "~/domain/actions/action-corrections.server";
import { conflict, forbidden } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

import type { Tx } from "./board-write.server";
import { writeOnItem } from "./board-write.server";
import { actionSelect, actionView, notFound } from "./live-views.server";
import type { AnswerTransferInput, CorrectActionInput } from "./live.schema";

async function itemOfAction(actionId: string): Promise<string> {
  const [row] = await sqlQuery<{ agendaItemId: string }>(
    Prisma.sql`SELECT "agendaItemId" FROM "Action" WHERE id = ${actionId}`,
  );
  if (!row) throw notFound();
  return row.agendaItemId;
}

const boardAction = async (tx: Tx, actionId: string) =>
  actionView(await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: actionSelect }));

/**
 * The owning organisation's members (or the chair) correct an action of this item: its text, due
 * date and owner; choosing another organisation at the table offers it to that organisation.
 */
export async function correctAction(user: SessionUser, input: CorrectActionInput, meta: Acting) {
  const itemId = await itemOfAction(input.actionId);
  return writeOnItem(user, { itemId }, input.key, "live.action.corrected", meta, async (tx, ctx, now) => {
    const current = await lockAction(tx, input.actionId);
    // Removed meanwhile, or moved to another item: not there.
    if (!current || current.agendaItemId !== ctx.itemId) throw notFound();
    if (!ctx.can.updateActionsOf.includes(current.ownerOrganisationId)) throw forbidden("live.errors.notYourAction");
    const stale = async (): Promise<never> => {
      throw conflict("live.errors.stale", await boardAction(tx, input.actionId));
    };
    await applyActionCorrection(tx, user, current, input, {
      via: "TABLE",
      reason: "",
      now,
      movableTo: ctx.tableOrganisationIds,
      stale,
    });
    return { change: { kind: "action", action: await boardAction(tx, input.actionId) }, subjectId: input.actionId };
  });
}

/** The organisation an action of this item was offered to accepts or declines it, at the table. */
export async function answerTransfer(user: SessionUser, input: AnswerTransferInput, meta: Acting) {
  const itemId = await itemOfAction(input.actionId);
  return writeOnItem(user, { itemId }, input.key, "live.action.transfer.answered", meta, async (tx, ctx, now) => {
    const current = await lockAction(tx, input.actionId);
    if (!current || current.agendaItemId !== ctx.itemId) throw notFound();
    if (!ctx.can.answerOffersFor.includes(current.transferToOrganisationId ?? "")) throw notFound();
    const stale = async (): Promise<never> => {
      throw conflict("live.errors.stale", await boardAction(tx, input.actionId));
    };
    await answerActionTransfer(tx, user, current, {
      version: input.version,
      accept: input.accept,
      via: "TABLE",
      now,
      stale,
    });
    return { change: { kind: "action", action: await boardAction(tx, input.actionId) }, subjectId: input.actionId };
  });
}

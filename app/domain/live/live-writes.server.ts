/** Writes on an item's board: one transaction each, exactly once per idempotency key, published after commit. */
import { randomUUID } from "node:crypto";

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { AuditAction } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { ItemCapabilities, ItemSeat } from "~/domain/access/access.server";
import { itemCapabilities, itemSeat, maySetInvolvement, seesItemContent } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { applyActionUpdate, checkActionOwner, currentAction, earlierActionById } from "~/domain/actions/actions.server";
import { conflict, forbidden, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { ActionView, BoardChange, DecisionView, NeedView, ProfileExcerpt, WriteResult } from "~/realtime/events";
import { publishItemChange } from "~/realtime/publish.server";

import type { RoleCardRow } from "./live-views.server";
import {
  roleCardSelect,
  roleCardView,
  needSelect,
  needView,
  actionSelect,
  actionView,
  responsibilitiesOf,
  notFound,
} from "./live-views.server";
import type {
  ActionInput,
  ActionStatusInput,
  AddressNeedInput,
  DecisionInput,
  EarlierActionInput,
  NeedInput,
  ResponsibilityInput,
  RoleCardInput,
} from "./live.schema";

type Tx = Prisma.TransactionClient;

// ---- Writes on an item's board ----------------------------------------------------------------

type ItemContext = {
  itemId: string;
  meetingId: string;
  caseId: string;
  seat: ItemSeat;
  can: ItemCapabilities;
  tableOrganisationIds: string[];
};

/**
 * The item, for someone who sees its content (the access module's item rule) in a live meeting,
 * with what they may do there. Not at the table is answered like "does not exist": need-to-know
 * also means not confirming what is there. One SQL statement: this runs on every live write
 * (see bench/live.ts).
 */
async function requireItemAtTable(user: SessionUser, itemId: string): Promise<ItemContext> {
  const rows = await prisma.$queryRaw<
    {
      meetingId: string;
      caseId: string;
      closed: boolean;
      chairId: string;
      status: "DRAFT" | "PUBLISHED" | "LIVE" | "FINISHED";
      tables: string[];
      invited: string[];
    }[]
  >`
    SELECT i."meetingId", i."caseId", i."closedAt" IS NOT NULL AS closed, m."chairId", m.status::text AS status,
           ARRAY(SELECT t."organisationId" FROM "AgendaItemTable" t WHERE t."agendaItemId" = i.id) AS tables,
           ARRAY(SELECT v."organisationId" FROM "MeetingInvitation" v WHERE v."meetingId" = m.id) AS invited
    FROM "AgendaItem" i JOIN "Meeting" m ON m.id = i."meetingId"
    WHERE i.id = ${itemId}`;
  const row = rows[0];
  if (!row) throw notFound();
  const item = { tableOrganisationIds: row.tables };
  const seat = itemSeat(user, { chairId: row.chairId, status: row.status, invitedOrganisationIds: row.invited }, item);
  if (!seesItemContent(seat)) throw notFound();
  if (row.status !== "LIVE") throw ruleError("live.errors.notLive");
  if (row.closed) throw ruleError("live.errors.itemClosed");
  return {
    itemId,
    meetingId: row.meetingId,
    caseId: row.caseId,
    seat,
    can: itemCapabilities(user, seat, item),
    tableOrganisationIds: row.tables,
  };
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Runs one board write exactly once per idempotency key: the change, the item's sequence number,
 * the audit row and the key are written in one transaction. A retry with the same key (after a
 * timeout, or two in flight) gets the stored result and writes nothing.
 */
async function writeOnItem(
  user: SessionUser,
  itemId: string,
  key: string,
  action: AuditAction,
  meta: Acting,
  write: (tx: Tx, ctx: ItemContext, now: Date) => Promise<{ change: BoardChange; subjectId: string }>,
): Promise<WriteResult> {
  const stored = () =>
    prisma.liveMutation.findUnique({ where: { userId_key: { userId: user.id, key } }, select: { result: true } });
  const now = meta.now ?? new Date();
  let ctx: ItemContext;
  let result: WriteResult;
  try {
    ctx = await requireItemAtTable(user, itemId);
    result = await prisma.$transaction(async (tx) => {
      // First: lock the item row, number this change, and re-check it is still open and live.
      const bumped = await tx.$queryRaw<{ liveSeq: number }[]>`
        UPDATE "AgendaItem" i SET "liveSeq" = i."liveSeq" + 1
        FROM "Meeting" m
        WHERE i.id = ${itemId} AND i."closedAt" IS NULL AND m.id = i."meetingId" AND m.status = 'LIVE'
        RETURNING i."liveSeq"`;
      const liveSeq = bumped[0]?.liveSeq;
      if (liveSeq === undefined) throw ruleError("live.errors.itemClosed");
      const { change, subjectId } = await write(tx, ctx, now);
      const written: WriteResult = { itemId, seq: liveSeq, change };
      await recordAudit(
        {
          actor: actorOf(user),
          action,
          subjectType: change.kind,
          subjectId,
          clientAddress: meta.clientAddress,
          details: { itemId },
          at: now,
        },
        tx,
      );
      await tx.liveMutation.createMany({
        data: { userId: user.id, key, result: written as unknown as Prisma.InputJsonValue },
      });
      return written;
    });
  } catch (error) {
    // A retry of a write that went through answers its first result, whatever happened since
    // (the key's row made this attempt fail, or the item closed, or the version moved on).
    // Looked up only on failure: the usual write does not pay for it.
    const earlier = await stored();
    if (earlier) return earlier.result as WriteResult;
    if (isDuplicateKey(error)) throw conflict("live.errors.stale");
    throw error;
  }
  publishItemChange({
    meetingId: ctx.meetingId,
    itemId,
    seq: result.seq,
    change: result.change,
    by: { userId: user.id, name: user.name, organisationId: user.organisation.id },
  });
  return result;
}

/**
 * An organisation's members complete its own role card. Information is shared only on a legal
 * basis from the card's profile excerpt. A card saved from an outdated version is refused with
 * the current card.
 */
export async function saveRoleCard(user: SessionUser, input: RoleCardInput, meta: Acting): Promise<WriteResult> {
  const card = await prisma.roleCard.findUnique({
    where: { id: input.cardId },
    select: { agendaItemId: true, organisationId: true, profile: true },
  });
  if (!card) throw notFound();
  return writeOnItem(user, card.agendaItemId, input.key, "live.roleCard.saved", meta, async (tx, ctx, now) => {
    if (!ctx.can.editRoleCardOf.includes(card.organisationId)) throw forbidden("live.errors.notYourCard");
    const bases = (card.profile as ProfileExcerpt).legalBases.map((b) => b.label);
    if (input.knowledgeLegalBasis && !bases.includes(input.knowledgeLegalBasis))
      throw ruleError("live.errors.unknownLegalBasis");
    const completedAt = input.roleInCase && input.contribution ? now : null;
    // One statement with RETURNING: card edits are the most frequent live write.
    const [row] = await tx.$queryRaw<RoleCardRow[]>`
      UPDATE "RoleCard" SET "roleInCase" = ${input.roleInCase}, "knowledge" = ${input.knowledge},
        "knowledgeLegalBasis" = ${input.knowledge ? input.knowledgeLegalBasis : ""},
        "contribution" = ${input.contribution}, "limitsHere" = ${input.limitsHere}, "completedAt" = ${completedAt},
        "updatedById" = ${user.id}, "version" = "version" + 1, "updatedAt" = ${now}
      WHERE id = ${input.cardId} AND version = ${input.version}
      RETURNING id, "organisationId", profile, "roleInCase", knowledge, "knowledgeLegalBasis", contribution,
        "limitsHere", "completedAt", version`;
    if (!row) {
      const current = await tx.roleCard.findUniqueOrThrow({ where: { id: input.cardId }, select: roleCardSelect });
      throw conflict("live.errors.stale", roleCardView(current));
    }
    return { change: { kind: "roleCard", roleCard: roleCardView(row) }, subjectId: row.id };
  });
}

/**
 * Regie en verantwoordelijkheden. The chair records what the table agreed, for any organisation
 * at the table; a member may set their own organisation's part, except taking the lead, which the
 * table decides. One lead per item: a new lead makes the previous one "contributes".
 */
export async function setResponsibility(user: SessionUser, input: ResponsibilityInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.responsibility.set", meta, async (tx, ctx) => {
    if (!ctx.tableOrganisationIds.includes(input.organisationId)) throw notFound();
    if (!maySetInvolvement(ctx.can, input.organisationId, input.involvement))
      throw forbidden("live.errors.chairDecidesLead");
    const updated = await tx.agendaItemTable.updateMany({
      where: { agendaItemId: input.itemId, organisationId: input.organisationId, version: input.version },
      data: { involvement: input.involvement, version: { increment: 1 } },
    });
    if (updated.count !== 1) {
      throw conflict("live.errors.stale", await responsibilitiesOf(tx, input.itemId));
    }
    if (input.involvement === "LEADS") {
      await tx.agendaItemTable.updateMany({
        where: { agendaItemId: input.itemId, involvement: "LEADS", organisationId: { not: input.organisationId } },
        data: { involvement: "CONTRIBUTES", version: { increment: 1 } },
      });
    }
    return {
      change: { kind: "responsibilities", responsibilities: await responsibilitiesOf(tx, input.itemId) },
      subjectId: input.itemId,
    };
  });
}

/** A member raises a need on behalf of their own organisation. */
export async function addNeed(user: SessionUser, input: NeedInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.need.raised", meta, async (tx, ctx) => {
    if (!ctx.can.raiseNeed) throw forbidden("live.errors.notAtTable");
    // createMany with our own id: nothing to read back, the view is what was written.
    const need: NeedView = {
      id: randomUUID(),
      organisationId: user.organisation.id,
      text: input.text,
      status: "OPEN",
      addressedByOrganisationId: null,
      addressedNote: "",
      version: 1,
    };
    await tx.need.createMany({
      data: {
        id: need.id,
        agendaItemId: input.itemId,
        organisationId: need.organisationId,
        text: need.text,
        createdById: user.id,
      },
    });
    return { change: { kind: "need", need }, subjectId: need.id };
  });
}

/** Anyone at the table marks a need addressed, saying which organisation takes it up. */
export async function addressNeed(user: SessionUser, input: AddressNeedInput, meta: Acting) {
  const need = await prisma.need.findUnique({ where: { id: input.needId }, select: { agendaItemId: true } });
  if (!need) throw notFound();
  return writeOnItem(user, need.agendaItemId, input.key, "live.need.addressed", meta, async (tx, ctx, now) => {
    if (!ctx.tableOrganisationIds.includes(input.addressedByOrganisationId))
      throw ruleError("live.errors.notAtTableOrganisation");
    const updated = await tx.need.updateMany({
      where: { id: input.needId, version: input.version, status: "OPEN" },
      data: {
        status: "ADDRESSED",
        addressedByOrganisationId: input.addressedByOrganisationId,
        addressedNote: input.note,
        addressedById: user.id,
        addressedAt: now,
        version: { increment: 1 },
      },
    });
    const row = await tx.need.findUniqueOrThrow({ where: { id: input.needId }, select: needSelect });
    if (updated.count !== 1) throw conflict("live.errors.stale", needView(row));
    return { change: { kind: "need", need: needView(row) }, subjectId: row.id };
  });
}

/** The chair records what the table decided, with each dissenting organisation and its reason. */
export async function addDecision(user: SessionUser, input: DecisionInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.decision.recorded", meta, async (tx, ctx) => {
    if (!ctx.can.addDecision) throw forbidden("live.errors.chairOnly");
    const dissenting = new Set(input.dissents.map((d) => d.organisationId));
    if (dissenting.size !== input.dissents.length) throw ruleError("live.errors.duplicateDissent");
    if ([...dissenting].some((id) => !ctx.tableOrganisationIds.includes(id)))
      throw ruleError("live.errors.notAtTableOrganisation");
    const decision: DecisionView = {
      id: randomUUID(),
      text: input.text,
      dissents: input.dissents
        .map((d) => ({ organisationId: d.organisationId, reason: d.reason }))
        .sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
      version: 1,
    };
    await tx.decision.createMany({
      data: { id: decision.id, agendaItemId: input.itemId, text: decision.text, createdById: user.id },
    });
    if (decision.dissents.length) {
      await tx.decisionDissent.createMany({ data: decision.dissents.map((d) => ({ decisionId: decision.id, ...d })) });
    }
    return { change: { kind: "decision", decision }, subjectId: decision.id };
  });
}

/** Anyone at the table adds an action for an organisation at the table, optionally a named owner. */
export async function addAction(user: SessionUser, input: ActionInput, meta: Acting) {
  return writeOnItem(user, input.itemId, input.key, "live.action.added", meta, async (tx, ctx) => {
    if (!ctx.tableOrganisationIds.includes(input.ownerOrganisationId))
      throw ruleError("live.errors.notAtTableOrganisation");
    let ownerName: string | null = null;
    if (input.ownerUserId) {
      const owner = await tx.user.findFirst({
        where: { id: input.ownerUserId, organisationId: input.ownerOrganisationId },
        select: { name: true },
      });
      if (!owner) throw ruleError("live.errors.ownerNotInOrganisation");
      ownerName = owner.name;
    }
    const action: ActionView = {
      id: randomUUID(),
      description: input.description,
      ownerOrganisationId: input.ownerOrganisationId,
      ownerUserId: input.ownerUserId || null,
      ownerName,
      dueDate: input.dueDate,
      status: "OPEN",
      version: 1,
    };
    await tx.action.createMany({
      data: {
        id: action.id,
        agendaItemId: input.itemId,
        caseId: ctx.caseId,
        description: action.description,
        ownerOrganisationId: action.ownerOrganisationId,
        ownerUserId: action.ownerUserId,
        dueDate: new Date(`${input.dueDate}T00:00:00Z`),
        createdById: user.id,
      },
    });
    return { change: { kind: "action", action }, subjectId: action.id };
  });
}

/** The owning organisation's members (or the chair) move an action's status. */
export async function setActionStatus(user: SessionUser, input: ActionStatusInput, meta: Acting) {
  const action = await prisma.action.findUnique({
    where: { id: input.actionId },
    select: { agendaItemId: true, ownerOrganisationId: true },
  });
  if (!action) throw notFound();
  return writeOnItem(user, action.agendaItemId, input.key, "live.action.status", meta, async (tx, ctx) => {
    if (!ctx.can.updateActionsOf.includes(action.ownerOrganisationId)) throw forbidden("live.errors.notYourAction");
    const updated = await tx.action.updateMany({
      where: { id: input.actionId, version: input.version, status: { not: "DONE" } },
      data: { status: input.status, version: { increment: 1 } },
    });
    const row = await tx.action.findUniqueOrThrow({ where: { id: input.actionId }, select: actionSelect });
    if (updated.count !== 1) throw conflict("live.errors.stale", actionView(row));
    return { change: { kind: "action", action: actionView(row) }, subjectId: row.id };
  });
}

/**
 * An action about this case from an earlier meeting, updated at the table by its owning
 * organisation (status with a note; closing with a reason): the same rules and history as in
 * /acties, and everyone at the table sees it at once.
 */
export async function updateEarlierAction(user: SessionUser, input: EarlierActionInput, meta: Acting) {
  const { key, itemId, ...update } = input;
  const audit = update.status === "DONE" ? "action.closed" : "action.updated";
  return writeOnItem(user, itemId, key, audit, meta, async (tx, ctx, now) => {
    const action = await tx.action.findFirst({
      where: { id: update.actionId, caseId: ctx.caseId, agendaItem: { meetingId: { not: ctx.meetingId } } },
      select: { ownerOrganisationId: true, status: true },
    });
    if (!action) throw notFound();
    if (!ctx.can.updateEarlierActionsOf.includes(action.ownerOrganisationId))
      throw forbidden("live.errors.notYourAction");
    if (action.status === "DONE") throw ruleError("actions.errors.alreadyClosed");
    const ownerProblem = await checkActionOwner(tx, user, update.ownerUserId);
    if (ownerProblem) throw ruleError(ownerProblem);
    if (!(await applyActionUpdate(tx, user, update, now)))
      throw conflict("live.errors.stale", await currentAction(tx, update.actionId));
    return {
      change: { kind: "earlierAction", action: await earlierActionById(tx, update.actionId) },
      subjectId: update.actionId,
    };
  });
}

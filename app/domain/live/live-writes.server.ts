/** Writes on an item's board (board-write.server.ts says how each reaches it). */
import { randomUUID } from "node:crypto";

import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import { maySetInvolvement } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import {
  amsterdamToday,
  applyActionUpdate,
  checkActionOwner,
  currentAction,
  earlierActionById,
} from "~/domain/actions/actions.server";
import { conflict, fieldRule, forbidden, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { ActionView, DecisionView, RoleCardView, WriteResult } from "~/realtime/events";

import { unreachable, writeInOneStatement, writeOnItem } from "./board-write.server";
import { latestCorrectionSql } from "./live-read.server";
import {
  roleCardSelect,
  roleCardView,
  actionSelect,
  actionView,
  responsibilitiesOf,
  notFound,
} from "./live-views.server";
import type {
  ActionInput,
  ActionStatusInput,
  DecisionInput,
  EarlierActionInput,
  ResponsibilityInput,
  RoleCardInput,
} from "./live.schema";

/**
 * An organisation's members complete its own role card. Information is shared only on a legal
 * basis from the card's profile excerpt. A card saved from an outdated version is refused with
 * the current card.
 */
export async function saveRoleCard(user: SessionUser, input: RoleCardInput, meta: Acting): Promise<WriteResult> {
  const explain = async (): Promise<never> => {
    const current = await prisma.roleCard.findUniqueOrThrow({ where: { id: input.cardId }, select: roleCardSelect });
    throw conflict("live.errors.stale", roleCardView(current));
  };
  return writeInOneStatement(
    user,
    { roleCardId: input.cardId },
    input.key,
    "live.roleCard.saved",
    meta,
    (ctx, now) => {
      const card = ctx.card as NonNullable<typeof ctx.card>;
      if (!ctx.can.editRoleCardOf.includes(card.organisationId)) throw forbidden("live.errors.notYourCard");
      const bases = card.profile.legalBases.map((b) => b.label);
      if (input.knowledgeLegalBasis && !bases.includes(input.knowledgeLegalBasis))
        throw ruleError("live.errors.unknownLegalBasis");
      const completedAt = input.roleInCase && input.contribution ? now : null;
      const roleCard: RoleCardView = {
        id: input.cardId,
        organisationId: card.organisationId,
        profile: card.profile,
        roleInCase: input.roleInCase,
        knowledge: input.knowledge,
        knowledgeLegalBasis: input.knowledge ? input.knowledgeLegalBasis : "",
        contribution: input.contribution,
        limitsHere: input.limitsHere,
        completed: completedAt !== null,
        version: input.version + 1,
      };
      return {
        change: { kind: "roleCard", roleCard },
        subjectId: input.cardId,
        sql: Prisma.sql`changed AS (
          UPDATE "RoleCard" SET "roleInCase" = ${roleCard.roleInCase}, knowledge = ${roleCard.knowledge},
            "knowledgeLegalBasis" = ${roleCard.knowledgeLegalBasis}, contribution = ${roleCard.contribution},
            "limitsHere" = ${roleCard.limitsHere}, "completedAt" = ${completedAt}, "updatedById" = ${user.id},
            version = version + 1, "updatedAt" = ${now}
          WHERE id = ${input.cardId} AND version = ${input.version} AND EXISTS (SELECT 1 FROM bumped)
          RETURNING id)`,
      };
    },
    explain,
  );
}

/**
 * Regie en verantwoordelijkheden. The chair records what the table agreed, for any organisation
 * at the table; a member may set their own organisation's part, except taking the lead, which the
 * table decides. One lead per item: a new lead makes the previous one "contributes".
 */
export async function setResponsibility(user: SessionUser, input: ResponsibilityInput, meta: Acting) {
  return writeOnItem(user, { itemId: input.itemId }, input.key, "live.responsibility.set", meta, async (tx, ctx) => {
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

/** The chair records what the table decided, with each dissenting organisation and its reason. */
export async function addDecision(user: SessionUser, input: DecisionInput, meta: Acting) {
  return writeInOneStatement(
    user,
    { itemId: input.itemId },
    input.key,
    "live.decision.recorded",
    meta,
    (ctx, now) => {
      if (!ctx.can.addDecision) throw forbidden("live.errors.chairOnly");
      const dissenting = new Set(input.dissents.map((d) => d.organisationId));
      if (dissenting.size !== input.dissents.length) throw ruleError("live.errors.duplicateDissent");
      if ([...dissenting].some((id) => !ctx.tableOrganisationIds.includes(id)))
        throw ruleError("live.errors.notAtTableOrganisation");
      const decision: DecisionView = {
        id: randomUUID(),
        text: input.text,
        earlierTexts: [],
        dissents: input.dissents
          .map((d) => ({ organisationId: d.organisationId, reason: d.reason }))
          .sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
        version: 1,
      };
      const organisations = decision.dissents.map((d) => d.organisationId);
      const reasons = decision.dissents.map((d) => d.reason);
      return {
        change: { kind: "decision", decision },
        subjectId: decision.id,
        sql: Prisma.sql`changed AS (
          INSERT INTO "Decision" (id, "agendaItemId", text, "createdById", "createdAt")
          SELECT ${decision.id}, ${input.itemId}, ${decision.text}, ${user.id}, ${now} FROM bumped
          RETURNING id
        ),
        dissented AS (
          INSERT INTO "DecisionDissent" ("decisionId", "organisationId", reason)
          SELECT c.id, d.organisation, d.reason
          FROM changed c, unnest(${organisations}::text[], ${reasons}::text[]) AS d(organisation, reason)
        )`,
      };
    },
    unreachable,
  );
}

/** Anyone at the table adds an action for an organisation at the table, optionally a named owner. */
export async function addAction(user: SessionUser, input: ActionInput, meta: Acting) {
  return writeInOneStatement(
    user,
    { itemId: input.itemId },
    input.key,
    "live.action.added",
    meta,
    async (ctx, now) => {
      if (!ctx.tableOrganisationIds.includes(input.ownerOrganisationId))
        throw ruleError("live.errors.notAtTableOrganisation");
      if (input.dueDate < amsterdamToday(now).toISOString().slice(0, 10))
        throw fieldRule("dueDate", "actions.errors.dueInPast");
      let ownerName: string | null = null;
      if (input.ownerUserId) {
        const [owner] = await sqlQuery<{ name: string }>(Prisma.sql`
          SELECT name FROM "User" WHERE id = ${input.ownerUserId} AND "organisationId" = ${input.ownerOrganisationId}`);
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
        transferToOrganisationId: null,
        corrected: null,
        version: 1,
      };
      return {
        change: { kind: "action", action },
        subjectId: action.id,
        sql: Prisma.sql`changed AS (
          INSERT INTO "Action"
            (id, "agendaItemId", "caseId", description, "ownerOrganisationId", "ownerUserId", "dueDate", "createdById",
             "createdAt", "updatedAt")
          SELECT ${action.id}, ${input.itemId}, ${ctx.caseId}, ${action.description}, ${action.ownerOrganisationId},
                 ${action.ownerUserId}, ${input.dueDate}::date, ${user.id}, ${now}, ${now}
          FROM bumped
          RETURNING id)`,
      };
    },
    unreachable,
  );
}

/** The owning organisation's members (or the chair) move an action's status. */
export async function setActionStatus(user: SessionUser, input: ActionStatusInput, meta: Acting) {
  const [row] = await sqlQuery<Omit<ActionView, "dueDate"> & { agendaItemId: string; dueDate: string }>(Prisma.sql`
    SELECT a.id, a."agendaItemId", a.description, a."ownerOrganisationId", a."ownerUserId", u.name AS "ownerName",
           to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate", a.status::text AS status, a.version,
           a."transferToOrganisationId", ${latestCorrectionSql("a")} AS corrected
    FROM "Action" a LEFT JOIN "User" u ON u.id = a."ownerUserId"
    WHERE a.id = ${input.actionId}`);
  if (!row) throw notFound();
  const { agendaItemId, ...current } = row;
  const explain = async (): Promise<never> => {
    const now = await prisma.action.findUniqueOrThrow({ where: { id: input.actionId }, select: actionSelect });
    throw conflict("live.errors.stale", actionView(now));
  };
  return writeInOneStatement(
    user,
    { itemId: agendaItemId },
    input.key,
    "live.action.status",
    meta,
    (ctx, now) => {
      if (!ctx.can.updateActionsOf.includes(current.ownerOrganisationId)) throw forbidden("live.errors.notYourAction");
      // The view after the write is the row as read, changed: its version says nothing moved since.
      if (current.version !== input.version || current.status === "DONE") return explain();
      const action: ActionView = { ...current, status: input.status, version: input.version + 1 };
      return {
        change: { kind: "action", action },
        subjectId: action.id,
        sql: Prisma.sql`changed AS (
          UPDATE "Action" SET status = ${input.status}::"ActionStatus", version = version + 1, "updatedAt" = ${now}
          WHERE id = ${input.actionId} AND version = ${input.version} AND status <> 'DONE' AND EXISTS (SELECT 1 FROM bumped)
          RETURNING id)`,
      };
    },
    explain,
  );
}

/**
 * An action about this case from an earlier meeting, updated at the table by its owning
 * organisation (status with a note; closing with a reason): the same rules and history as in
 * /acties, and everyone at the table sees it at once.
 */
export async function updateEarlierAction(user: SessionUser, input: EarlierActionInput, meta: Acting) {
  const { key, itemId, ...update } = input;
  const audit = update.status === "DONE" ? "action.closed" : "action.updated";
  return writeOnItem(user, { itemId }, key, audit, meta, async (tx, ctx, now) => {
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

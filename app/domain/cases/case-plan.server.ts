/**
 * The plan van aanpak of a case: goals per phase (directe veiligheid, stabiele veiligheid,
 * herstel), each led by one organisation with contributors, a state, a review date and the
 * actions towards it. Who reads and who changes it: the access module (`mayEditPlan`,
 * `mayUpdateGoal`). A change names the version it started from; a stale one is refused. Audited.
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { chairsCaseSql, itemContentWhere, mayEditPlan, mayUpdateGoal } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, fieldRule, forbidden, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

import type { LockedCase } from "./case-lock.server";
import { auditCase, lockVisibleCase, organisationsKnowingCase } from "./case-lock.server";
import type { GoalEditInput, GoalInput } from "./case.schema";

type Tx = Prisma.TransactionClient;
type Db = Tx | typeof prisma;

async function regieHolders(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.caseRegie.findMany({ where: { caseId, status: "ACCEPTED" }, select: { organisationId: true } });
  return rows.map((r) => r.organisationId);
}

/** The lead and contributors may see the case; linked actions are the case's, from tables the viewer sat at. */
async function checkGoal(tx: Tx, user: SessionUser, found: LockedCase, input: GoalInput) {
  const allowed = new Set((await organisationsKnowingCase(tx, found.id)).map((o) => o.id));
  if (!allowed.has(input.leadOrganisationId)) throw fieldRule("leadOrganisationId", "cases.plan.errors.notACandidate");
  if (!input.contributorOrganisationIds.every((id) => allowed.has(id)))
    throw fieldRule("contributorOrganisationIds", "cases.plan.errors.notACandidate");
  const actions = new Set(input.actionIds);
  if (actions.size > 0) {
    const seen = await tx.action.count({
      where: { id: { in: [...actions] }, caseId: found.id, agendaItem: itemContentWhere(user) },
    });
    if (seen !== actions.size) throw fieldRule("actionIds", "cases.plan.errors.unknownAction");
  }
  return {
    phase: input.phase,
    text: input.text,
    leadOrganisationId: input.leadOrganisationId,
    contributorOrganisationIds: [...new Set(input.contributorOrganisationIds)].filter(
      (id) => id !== input.leadOrganisationId,
    ),
    reviewDate: input.reviewDate ? new Date(`${input.reviewDate}T00:00:00Z`) : null,
  };
}

export async function addGoal(user: SessionUser, reference: string, input: GoalInput, meta: Acting) {
  return prisma.$transaction(async (tx) => {
    const found = await lockVisibleCase(tx, user, reference);
    if (found.status !== "OPEN") throw ruleError("cases.plan.errors.caseClosed");
    const facts = {
      ownerOrganisationId: found.organisationId,
      regieHolderIds: await regieHolders(tx, found.id),
      chairsCase: found.chairsCase,
    };
    if (!mayEditPlan(user, facts)) throw forbidden("cases.plan.errors.notYours");
    const data = await checkGoal(tx, user, found, input);
    const created = await tx.caseGoal.create({
      data: {
        ...data,
        caseId: found.id,
        createdById: user.id,
        ...(meta.now ? { createdAt: meta.now } : {}),
        actions: { create: [...new Set(input.actionIds)].map((actionId) => ({ actionId })) },
      },
      select: { id: true },
    });
    await auditCase(tx, user, "case.goal.added", reference, meta, { goal: created.id, phase: input.phase });
    return created;
  });
}

export async function editGoal(user: SessionUser, reference: string, input: GoalEditInput, meta: Acting) {
  return prisma.$transaction(async (tx) => {
    const found = await lockVisibleCase(tx, user, reference);
    if (found.status !== "OPEN") throw ruleError("cases.plan.errors.caseClosed");
    const goal = await tx.caseGoal.findFirst({
      where: { id: input.goalId, caseId: found.id },
      select: { id: true, version: true, leadOrganisationId: true, actions: { select: { actionId: true } } },
    });
    if (!goal || goal.version !== input.version) throw conflict("cases.plan.errors.stale");
    const facts = {
      ownerOrganisationId: found.organisationId,
      regieHolderIds: await regieHolders(tx, found.id),
      chairsCase: found.chairsCase,
    };
    const editsPlan = mayEditPlan(user, facts);
    if (!mayUpdateGoal(user, goal, editsPlan)) throw forbidden("cases.plan.errors.notYours");
    // The leading organisation updates its goal; who leads it is for the plan's editors to change.
    if (!editsPlan && input.leadOrganisationId !== goal.leadOrganisationId)
      throw fieldRule("leadOrganisationId", "cases.plan.errors.leadIsForEditors");
    const data = await checkGoal(tx, user, found, input);
    const updated = await tx.caseGoal.updateMany({
      where: { id: goal.id, version: input.version },
      data: { ...data, status: input.status, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict("cases.plan.errors.stale");
    // Only the links the viewer could see are theirs to change: links to actions from tables they
    // were not at stay as they are.
    const visible = new Set(
      (
        await tx.action.findMany({
          where: { caseId: found.id, agendaItem: itemContentWhere(user) },
          select: { id: true },
        })
      ).map((a) => a.id),
    );
    const unlink = goal.actions.map((a) => a.actionId).filter((id) => visible.has(id) && !input.actionIds.includes(id));
    await tx.caseGoalAction.deleteMany({ where: { goalId: goal.id, actionId: { in: unlink } } });
    await tx.caseGoalAction.createMany({
      data: input.actionIds.map((actionId) => ({ goalId: goal.id, actionId })),
      skipDuplicates: true,
    });
    await auditCase(tx, user, "case.goal.updated", reference, meta, { goal: goal.id, status: input.status });
  });
}

const organisation = { select: { id: true, shortCode: true, name: true } } as const;

/** The plan as the viewer may see it: goals in phase order, linked actions only from tables they sat at. */
export async function planOf(user: SessionUser, caseId: string, today: string) {
  const [goals, holders, [chairs], owner, visibleActions, orgs] = await Promise.all([
    prisma.caseGoal.findMany({
      where: { caseId },
      orderBy: [{ phase: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        phase: true,
        text: true,
        status: true,
        reviewDate: true,
        version: true,
        contributorOrganisationIds: true,
        leadOrganisation: organisation,
        actions: { select: { actionId: true } },
      },
    }),
    regieHolders(prisma, caseId),
    prisma.$queryRaw<{ chairsCase: boolean }[]>(
      Prisma.sql`SELECT ${chairsCaseSql(user, "c")} AS "chairsCase" FROM "Case" c WHERE c.id = ${caseId}`,
    ),
    prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { organisationId: true } }),
    prisma.action.findMany({
      where: { caseId, agendaItem: itemContentWhere(user) },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: {
        id: true,
        description: true,
        status: true,
        dueDate: true,
        ownerOrganisation: { select: { shortCode: true } },
      },
    }),
    organisationsKnowingCase(prisma, caseId),
  ]);
  const editsPlan = mayEditPlan(user, {
    ownerOrganisationId: owner.organisationId,
    regieHolderIds: holders,
    chairsCase: chairs?.chairsCase ?? false,
  });
  const actions = visibleActions.map((a) => ({
    id: a.id,
    description: a.description,
    status: a.status,
    dueDate: a.dueDate.toISOString().slice(0, 10),
    owner: a.ownerOrganisation.shortCode,
  }));
  const named = new Map(orgs.map((o) => [o.id, o.shortCode]));
  return {
    mayAdd: editsPlan,
    organisations: orgs,
    actions,
    goals: goals.map((g) => {
      const reviewDate = g.reviewDate?.toISOString().slice(0, 10) ?? null;
      return {
        id: g.id,
        phase: g.phase,
        text: g.text,
        status: g.status,
        version: g.version,
        reviewDate,
        reviewDue: reviewDate !== null && reviewDate <= today && (g.status === "OPEN" || g.status === "IN_PROGRESS"),
        lead: g.leadOrganisation,
        contributors: g.contributorOrganisationIds.map((id) => named.get(id) ?? "?"),
        contributorIds: g.contributorOrganisationIds,
        // In the order of the case's actions (due date), only those the viewer may see.
        actions: actions.filter((a) => g.actions.some((l) => l.actionId === a.id)),
        mayUpdate: mayUpdateGoal(user, { leadOrganisationId: g.leadOrganisation.id }, editsPlan),
      };
    }),
  };
}
export type PlanView = Awaited<ReturnType<typeof planOf>>;

/**
 * Escalation of a case that got stuck: raised at a level (uitvoerend, leidinggevend, bestuurlijk)
 * with why, by an organisation that may see the case; moved to another level or stepped back down
 * (afgeschaald) with what came of it, by the organisation that raised it or a chair of the case.
 * At most one is open per case (the case row is locked while it changes). Every step is audited.
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { chairsCaseSql, mayEndEscalation } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, fieldRule, forbidden, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

import { auditCase, lockVisibleCase } from "./case-lock.server";
import type { EscalationEndInput, EscalationRaiseInput } from "./case.schema";

export async function raiseEscalation(user: SessionUser, reference: string, input: EscalationRaiseInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockVisibleCase(tx, user, reference);
    if (found.status !== "OPEN") throw ruleError("cases.escalation.errors.caseClosed");
    const open = await tx.caseEscalation.count({ where: { caseId: found.id, endedAt: null } });
    if (open > 0) throw ruleError("cases.escalation.errors.alreadyOpen");
    const created = await tx.caseEscalation.create({
      data: { caseId: found.id, level: input.level, reason: input.reason, raisedById: user.id, raisedAt: now },
      select: { id: true },
    });
    await auditCase(tx, user, "case.escalation.raised", reference, { ...meta, now }, { level: input.level });
    return created;
  });
}

/** Ends the open escalation: back to normal with the outcome, or on to another level (a new record). */
export async function endEscalation(user: SessionUser, reference: string, input: EscalationEndInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockVisibleCase(tx, user, reference);
    const open = await tx.caseEscalation.findFirst({
      where: { id: input.escalationId, caseId: found.id, endedAt: null },
      select: {
        id: true,
        level: true,
        version: true,
        raisedById: true,
        raisedBy: { select: { organisationId: true } },
      },
    });
    if (!open) throw conflict("cases.escalation.errors.stale");
    // Who may not end it hears so before whether their copy is stale.
    if (!mayEndEscalation(user, open, found.chairsCase)) throw forbidden("cases.escalation.errors.notYours");
    if (open.version !== input.version) throw conflict("cases.escalation.errors.stale");
    const next = input.next || null;
    if (next === open.level) throw fieldRule("next", "cases.escalation.errors.sameLevel");
    if (next && found.status !== "OPEN") throw ruleError("cases.escalation.errors.caseClosed");
    const ended = await tx.caseEscalation.updateMany({
      where: { id: open.id, version: input.version, endedAt: null },
      data: { outcome: input.outcome, endedById: user.id, endedAt: now, movedTo: next, version: { increment: 1 } },
    });
    if (ended.count !== 1) throw conflict("cases.escalation.errors.stale");
    if (next)
      await tx.caseEscalation.create({
        // The escalation goes on at another level: still the one who raised it, who may end it.
        data: { caseId: found.id, level: next, reason: input.outcome, raisedById: open.raisedById, raisedAt: now },
      });
    const action = next ? "case.escalation.moved" : "case.escalation.ended";
    await auditCase(tx, user, action, reference, { ...meta, now }, { from: open.level, to: next });
    return { level: next };
  });
}

/** The case's escalations, oldest first, and whether the viewer may end the open one. */
export async function escalationsOf(user: SessionUser, caseId: string) {
  const person = {
    select: { name: true, organisation: { select: { id: true, shortCode: true, name: true } } },
  } as const;
  const [rows, [chairs]] = await Promise.all([
    prisma.caseEscalation.findMany({
      where: { caseId },
      orderBy: [{ raisedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        level: true,
        reason: true,
        raisedAt: true,
        outcome: true,
        endedAt: true,
        movedTo: true,
        version: true,
        raisedBy: person,
        endedBy: person,
      },
    }),
    prisma.$queryRaw<{ chairsCase: boolean }[]>(Prisma.sql`
      SELECT ${chairsCaseSql(user, "c")} AS "chairsCase" FROM "Case" c WHERE c.id = ${caseId}`),
  ]);
  const chairsCase = chairs?.chairsCase ?? false;
  return rows.map((e) => ({
    ...e,
    raisedAt: e.raisedAt.toISOString(),
    endedAt: e.endedAt?.toISOString() ?? null,
    mayEnd:
      e.endedAt === null &&
      mayEndEscalation(user, { raisedBy: { organisationId: e.raisedBy.organisation.id } }, chairsCase),
  }));
}
export type EscalationView = Awaited<ReturnType<typeof escalationsOf>>[number];

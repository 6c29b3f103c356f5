/**
 * Regie of a case as its own record, two kinds: procesregie (who coordinates the collaboration)
 * and casusregie (who steers the content). A handover is proposed with a reason — by the bringing
 * organisation, the current holder, or the chair of one of the case's meetings — to an
 * organisation that may see the case; that organisation accepts (the earlier holder's regie ends)
 * or declines with a reason; the proposer may withdraw it. One handover per kind waits at a time.
 * Every step is kept (from, to, when, why) and audited; the rules are the access module's.
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  answersRegie,
  chairsCaseSql,
  mayHandOverRegie,
  regieCandidatesSql,
  withdrawsRegie,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, ensure, fieldRule, forbidden, notFound, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { RegieKind } from "~/generated/prisma/enums";

import { auditCase, lockVisibleCase, organisationsKnowingCase } from "./case-lock.server";
import type { RegieAnswerInput, RegieProposalInput } from "./case.schema";

type Tx = Prisma.TransactionClient;

async function holderOf(tx: Tx, caseId: string, kind: RegieKind) {
  return tx.caseRegie.findFirst({
    where: { caseId, kind, status: "ACCEPTED" },
    select: { id: true, organisationId: true },
  });
}

/** Proposes a handover of one kind of regie. */
export async function proposeRegie(user: SessionUser, reference: string, input: RegieProposalInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockVisibleCase(tx, user, reference);
    if (found.status !== "OPEN") throw ruleError("cases.regie.errors.caseClosed");
    const holder = await holderOf(tx, found.id, input.kind);
    const facts = {
      ownerOrganisationId: found.organisationId,
      holderOrganisationId: holder?.organisationId ?? null,
      chairsCase: found.chairsCase,
    };
    if (!mayHandOverRegie(user, facts)) throw forbidden("cases.regie.errors.notYours");
    if (holder?.organisationId === input.organisationId)
      throw fieldRule("organisationId", "cases.regie.errors.alreadyHolds");
    const [candidate] = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT k.id FROM "Case" c CROSS JOIN ${regieCandidatesSql("c")} k WHERE c.id = ${found.id} AND k.id = ${input.organisationId}`);
    if (!candidate) throw fieldRule("organisationId", "cases.regie.errors.notACandidate");
    const waiting = await tx.caseRegie.count({ where: { caseId: found.id, kind: input.kind, status: "PROPOSED" } });
    if (waiting > 0) throw ruleError("cases.regie.errors.waiting");
    const created = await tx.caseRegie.create({
      data: {
        caseId: found.id,
        kind: input.kind,
        organisationId: input.organisationId,
        reason: input.reason,
        proposedById: user.id,
        proposedAt: now,
      },
      select: { id: true },
    });
    await auditCase(
      tx,
      user,
      "case.regie.proposed",
      reference,
      { ...meta, now },
      { kind: input.kind, to: input.organisationId },
    );
    return created;
  });
}

/** The receiving organisation accepts or declines a waiting handover; the proposer may withdraw it. */
export async function answerRegie(user: SessionUser, reference: string, input: RegieAnswerInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockVisibleCase(tx, user, reference);
    const proposal = await tx.caseRegie.findFirst({
      where: { id: input.regieId, caseId: found.id },
      select: {
        id: true,
        kind: true,
        organisationId: true,
        status: true,
        version: true,
        proposedBy: { select: { organisationId: true } },
      },
    });
    ensure(proposal, notFound);
    const allowed = input.answer === "withdraw" ? withdrawsRegie(user, proposal) : answersRegie(user, proposal);
    if (!allowed) throw forbidden("cases.regie.errors.notYours");
    if (proposal.status !== "PROPOSED" || proposal.version !== input.version)
      throw conflict("cases.regie.errors.stale");
    if (input.answer === "accept") {
      await tx.caseRegie.updateMany({
        where: { caseId: found.id, kind: proposal.kind, status: "ACCEPTED" },
        data: { status: "ENDED", endedAt: now, version: { increment: 1 } },
      });
    }
    const status = input.answer === "accept" ? "ACCEPTED" : input.answer === "decline" ? "DECLINED" : "WITHDRAWN";
    await tx.caseRegie.update({
      where: { id: proposal.id },
      data: {
        status,
        decidedById: user.id,
        decidedAt: now,
        declineReason: input.answer === "decline" ? input.declineReason : "",
        version: { increment: 1 },
      },
    });
    const action =
      `case.regie.${status === "ACCEPTED" ? "accepted" : status === "DECLINED" ? "declined" : "withdrawn"}` as const;
    await auditCase(
      tx,
      user,
      action,
      reference,
      { ...meta, now },
      { kind: proposal.kind, to: proposal.organisationId },
    );
    return { status };
  });
}

/** Regie as the case page shows it: per kind who holds it and since when, what waits, and the history. */
export async function regieOf(viewer: SessionUser, caseId: string) {
  const [rows, found, candidates] = await Promise.all([
    prisma.caseRegie.findMany({
      where: { caseId },
      orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        status: true,
        reason: true,
        declineReason: true,
        proposedAt: true,
        decidedAt: true,
        endedAt: true,
        version: true,
        organisationId: true,
        organisation: { select: { name: true, shortCode: true } },
        proposedBy: { select: { name: true, organisationId: true, organisation: { select: { shortCode: true } } } },
        decidedBy: { select: { name: true, organisation: { select: { shortCode: true } } } },
      },
    }),
    prisma.$queryRaw<{ organisationId: string; chairsCase: boolean }[]>(Prisma.sql`
      SELECT c."organisationId", ${chairsCaseSql(viewer, "c")} AS "chairsCase" FROM "Case" c WHERE c.id = ${caseId}`),
    organisationsKnowingCase(prisma, caseId),
  ]);
  const entries = rows.map((r) => ({
    ...r,
    proposedAt: r.proposedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    mayAnswer: r.status === "PROPOSED" && answersRegie(viewer, r),
    mayWithdraw: r.status === "PROPOSED" && withdrawsRegie(viewer, r),
  }));
  const facts = found[0];
  const kinds = (["PROCESS", "CONTENT"] as const).map((kind) => {
    const holder = entries.find((e) => e.kind === kind && e.status === "ACCEPTED") ?? null;
    return {
      kind,
      holder,
      waiting: entries.find((e) => e.kind === kind && e.status === "PROPOSED") ?? null,
      mayHandOver: facts
        ? mayHandOverRegie(viewer, {
            ownerOrganisationId: facts.organisationId,
            holderOrganisationId: holder?.organisationId ?? null,
            chairsCase: facts.chairsCase,
          })
        : false,
    };
  });
  return { kinds, history: entries.toReversed(), candidates };
}

export type RegieView = Awaited<ReturnType<typeof regieOf>>;

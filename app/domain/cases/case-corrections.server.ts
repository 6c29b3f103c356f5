/**
 * The bringing organisation puts a case right: corrects its description and risk level (a new
 * version; earlier ones stay readable for who may see the case), erases an identifier that
 * slipped through from every version (the erasure is recorded, the erased text nowhere), closes
 * it with a confirmation and a reason, and reopens it while its content still exists.
 */
import { TZDate } from "@date-fns/tz";
import { addMonths } from "date-fns";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { caseOwnedWhere, ownsCase } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, ensure, fieldRule, notFound, ruleError } from "~/domain/errors.server";
import { retentionCutoff } from "~/domain/retention/retention.server";
import type { Prisma } from "~/generated/prisma/client";
import type { RiskLevel } from "~/generated/prisma/enums";

import { auditCase } from "./case-lock.server";
import type { CaseCloseInput, CaseEditInput, CaseEraseInput, CaseReopenInput } from "./case.schema";

type Tx = Prisma.TransactionClient;

/** What stands where an erased identifier was: visibly something, in no language. */
export const ERASED_MARK = "███";

type LockedCase = {
  id: string;
  reference: string;
  organisationId: string;
  description: string;
  riskLevel: RiskLevel;
  status: "OPEN" | "CLOSED";
  version: number;
  closedAt: Date | null;
  anonymisedAt: Date | null;
};

/** The case, locked for this transaction, if the viewer's organisation brought it in. */
async function lockOwnedCase(tx: Tx, user: SessionUser, reference: string): Promise<LockedCase> {
  const rows = await tx.$queryRaw<LockedCase[]>`
    SELECT id, reference, "organisationId", description, "riskLevel"::text AS "riskLevel",
           status::text AS status, version, "closedAt", "anonymisedAt"
    FROM "Case" WHERE reference = ${reference} FOR UPDATE`;
  const found = rows[0];
  // Not yours answers like not there: need-to-know does not confirm what exists.
  ensure(found && ownsCase(user, found), notFound);
  if (found.anonymisedAt) throw ruleError("cases.errors.anonymised");
  return found;
}

/** 404 unless the viewer's organisation brought the case in (before a form is even parsed). */
export async function requireOwnedCase(user: SessionUser, reference: string): Promise<void> {
  const found = await prisma.case.findFirst({ where: { reference, ...caseOwnedWhere(user) }, select: { id: true } });
  ensure(found, notFound);
}

/** A version that moved on: the current text, and who wrote it ("you, in another tab" or a name). */
async function staleCase(tx: Tx, user: SessionUser, found: LockedCase): Promise<never> {
  const latest = await tx.caseRevision.findFirst({
    where: { caseId: found.id },
    orderBy: { number: "desc" },
    select: { author: { select: { id: true, name: true } } },
  });
  throw conflict(latest?.author.id === user.id ? "cases.errors.staleByYou" : "cases.errors.stale", {
    description: found.description,
    riskLevel: found.riskLevel,
    version: found.version,
    byName: latest?.author.name ?? null,
  });
}

async function nextRevision(tx: Tx, caseId: string): Promise<number> {
  const last = await tx.caseRevision.aggregate({ where: { caseId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

export async function editCase(user: SessionUser, reference: string, input: CaseEditInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockOwnedCase(tx, user, reference);
    if (found.status === "CLOSED") throw ruleError("cases.errors.closedEdit");
    if (found.version !== input.version) await staleCase(tx, user, found);
    if (found.description === input.description && found.riskLevel === input.riskLevel)
      throw ruleError("cases.errors.nothingChanged");
    const number = await nextRevision(tx, found.id);
    await tx.caseRevision.create({
      data: {
        caseId: found.id,
        number,
        description: input.description,
        riskLevel: input.riskLevel,
        authorId: user.id,
        createdAt: now,
      },
    });
    await tx.case.update({
      where: { id: found.id },
      data: { description: input.description, riskLevel: input.riskLevel, version: { increment: 1 } },
    });
    // What changed, never the words.
    await auditCase(
      tx,
      user,
      "case.edited",
      reference,
      { ...meta, now },
      { revision: number, riskLevel: found.riskLevel === input.riskLevel ? null : input.riskLevel },
    );
    return { revision: number };
  });
}

function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
}

/**
 * Erases every occurrence of `text` (any case) from the case and all its versions. The count of
 * versions is recorded; the text is not, anywhere — not in the audit, not in the answer.
 */
export async function eraseFromCase(user: SessionUser, reference: string, input: CaseEraseInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockOwnedCase(tx, user, reference);
    if (found.version !== input.version) await staleCase(tx, user, found);
    const pattern = literal(input.text);
    const revisions = await tx.caseRevision.findMany({
      where: { caseId: found.id },
      select: { id: true, description: true },
    });
    const touched = revisions.filter((r) => r.description.match(pattern));
    const inCurrent = Boolean(found.description.match(pattern));
    if (touched.length === 0 && !inCurrent) throw fieldRule("text", "cases.errors.textNotFound");
    for (const revision of touched) {
      await tx.caseRevision.update({
        where: { id: revision.id },
        data: { description: revision.description.replace(pattern, ERASED_MARK), erasedAt: now },
      });
    }
    await tx.case.update({
      where: { id: found.id },
      data: { description: found.description.replace(pattern, ERASED_MARK), version: { increment: 1 } },
    });
    await tx.caseEvent.create({
      data: { caseId: found.id, kind: "IDENTIFIER_ERASED", userId: user.id, at: now, versions: touched.length },
    });
    await auditCase(tx, user, "case.identifier.erased", reference, { ...meta, now }, { versions: touched.length });
    return { versions: touched.length };
  });
}

/**
 * The table's work is done: closed with a reason. From then on the retention period runs
 * (RETENTION_MONTHS); after it, the content is erased. Closing a closed case changes nothing.
 */
export async function closeCase(user: SessionUser, reference: string, input: CaseCloseInput, meta: Acting) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockOwnedCase(tx, user, reference);
    if (found.status === "CLOSED") return { closed: false as const };
    await tx.case.update({
      where: { id: found.id },
      data: {
        status: "CLOSED",
        closedAt: now,
        monitorUntil: monitorEnd(now, input.monitorMonths),
        version: { increment: 1 },
      },
    });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        kind: "CLOSED",
        userId: user.id,
        at: now,
        closeReason: input.closeReason,
        note: input.note || null,
      },
    });
    await auditCase(
      tx,
      user,
      "case.closed",
      reference,
      { ...meta, now },
      {
        closeReason: input.closeReason,
        monitorMonths: input.monitorMonths || 0,
      },
    );
    return { closed: true as const };
  });
}

/** The end of a monitoring period of `months` from `closedAt`; none without one. */
export function monitorEnd(closedAt: Date, months: number | "" | undefined): Date | null {
  if (!months) return null;
  // Calendar months in Amsterdam; the 31st of August plus six months is the 28th of February.
  return new Date(addMonths(new TZDate(closedAt.getTime(), "Europe/Amsterdam"), months).getTime());
}

/** Whether a case closed at `closedAt` is still within its retention period at `now`. */
export function withinRetention(closedAt: Date, now: Date, months: number): boolean {
  return closedAt > retentionCutoff(now, months);
}

/** A closed case comes back (why, in words) while its content still exists. */
export async function reopenCase(
  user: SessionUser,
  reference: string,
  input: CaseReopenInput,
  meta: Acting & { retentionMonths: number },
) {
  const now = meta.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const found = await lockOwnedCase(tx, user, reference);
    if (found.status === "OPEN") return { reopened: false as const };
    if (!found.closedAt || !withinRetention(found.closedAt, now, meta.retentionMonths))
      throw ruleError("cases.errors.retentionPassed");
    await tx.case.update({
      where: { id: found.id },
      data: { status: "OPEN", closedAt: null, monitorUntil: null, version: { increment: 1 } },
    });
    await tx.caseEvent.create({
      data: { caseId: found.id, kind: "REOPENED", userId: user.id, at: now, note: input.note },
    });
    await auditCase(tx, user, "case.reopened", reference, { ...meta, now });
    return { reopened: true as const };
  });
}

/** The versions and events of a case, for a viewer who may already see it (checked by the caller). */
export async function caseHistory(caseId: string) {
  const [revisions, events] = await Promise.all([
    prisma.caseRevision.findMany({
      where: { caseId },
      orderBy: { number: "desc" },
      select: {
        number: true,
        description: true,
        riskLevel: true,
        createdAt: true,
        erasedAt: true,
        author: { select: { name: true, organisation: { select: { shortCode: true } } } },
      },
    }),
    prisma.caseEvent.findMany({
      where: { caseId },
      orderBy: { at: "desc" },
      select: {
        id: true,
        kind: true,
        at: true,
        closeReason: true,
        note: true,
        versions: true,
        user: { select: { name: true, organisation: { select: { shortCode: true } } } },
      },
    }),
  ]);
  return { revisions, events };
}

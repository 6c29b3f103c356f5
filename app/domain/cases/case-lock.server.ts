/**
 * A case as someone acts on it: found by the case rule (404 otherwise) and locked; the audit row
 * every change of a case writes; the organisations that know the case (regie, the plan).
 */
import type { AuditAction } from "~/audit/audit.server";
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { caseVisibleWhere, chairsCaseSql, regieCandidatesSql } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type LockedCase = { id: string; reference: string; organisationId: string; status: string; chairsCase: boolean };

/** The case, locked, if the viewer may see it (404 otherwise, as for a case that does not exist). */
export async function lockVisibleCase(tx: Tx, user: SessionUser, reference: string): Promise<LockedCase> {
  const visible = await tx.case.findFirst({
    where: { reference, ...caseVisibleWhere(user) },
    select: { id: true },
  });
  ensure(visible, notFound);
  const [found] = await tx.$queryRaw<LockedCase[]>(Prisma.sql`
    SELECT c.id, c.reference, c."organisationId", c.status::text AS status, ${chairsCaseSql(user, "c")} AS "chairsCase"
    FROM "Case" c WHERE c.id = ${visible.id} AND c."anonymisedAt" IS NULL FOR UPDATE OF c`);
  ensure(found, notFound);
  return found;
}

/** 404 unless the viewer may see the case (before a form is even parsed). */
export async function requireVisibleCase(user: SessionUser, reference: string): Promise<void> {
  const found = await prisma.case.findFirst({ where: { reference, ...caseVisibleWhere(user) }, select: { id: true } });
  ensure(found, notFound);
}

/** Each change to a case is one audit row, in the change's transaction; never the case's words. */
export function auditCase(
  tx: Tx,
  user: SessionUser,
  action: AuditAction,
  reference: string,
  meta: Acting,
  details?: Prisma.InputJsonValue,
) {
  return recordAudit(
    {
      actor: actorOf(user),
      action,
      subjectType: "Case",
      subjectId: reference,
      ...(details === undefined ? {} : { details }),
      clientAddress: meta.clientAddress,
      at: meta.now,
    },
    tx,
  );
}

/** The organisations that know a case (brought it in, or sat at one of its tables), by name. */
export function organisationsKnowingCase(db: Tx | typeof prisma, caseId: string) {
  return db.$queryRaw<{ id: string; name: string; shortCode: string }[]>(Prisma.sql`
    SELECT o.id, o.name, o."shortCode" FROM "Case" c CROSS JOIN ${regieCandidatesSql("c")} k JOIN "Organisation" o ON o.id = k.id
    WHERE c.id = ${caseId} ORDER BY o.name`);
}

/** A case as someone who may see it acts on it: found by the case rule (404 otherwise), then locked. */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { caseVisibleWhere, chairsCaseSql } from "~/domain/access/access.server";
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

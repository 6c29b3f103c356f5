import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import { caseOwnedSql, caseVisibleWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { RiskLevel } from "~/generated/prisma/enums";

import type { NewCase } from "./case.schema";

/** AO-2026-0142: the year in Europe/Amsterdam and a per-year number, at least four digits. */
export function formatReference(year: number, number: number): string {
  return `AO-${year}-${String(number).padStart(4, "0")}`;
}

function amsterdamYear(now: Date): number {
  return Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Amsterdam" }).format(now));
}

/**
 * Brings in a case on behalf of the user's organisation. The reference number comes from one
 * atomic upsert, so simultaneous cases never share a reference; it is allocated in the same
 * transaction as the case, so a failed insert leaves no case behind.
 */
export async function createCase(user: SessionUser, input: NewCase, meta: Acting) {
  const now = meta.now ?? new Date();
  const year = amsterdamYear(now);
  const created = await prisma.$transaction(async (tx) => {
    const [counter] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "CaseReferenceCounter" ("year", "last") VALUES (${year}, 1)
      ON CONFLICT ("year") DO UPDATE SET "last" = "CaseReferenceCounter"."last" + 1
      RETURNING "last"`;
    const created = await tx.case.create({
      data: {
        reference: formatReference(year, counter!.last),
        organisationId: user.organisation.id,
        region: input.region,
        description: input.description,
        riskLevel: input.riskLevel,
        createdById: user.id,
        createdAt: now,
      },
      select: { id: true, reference: true },
    });
    // Version 1 of its content: what was brought in, by whom, when.
    await tx.caseRevision.create({
      data: {
        caseId: created.id,
        number: 1,
        description: input.description,
        riskLevel: input.riskLevel,
        authorId: user.id,
        createdAt: now,
      },
    });
    return created;
  });
  await recordAudit({
    actor: actorOf(user),
    action: "case.created",
    subjectType: "Case",
    subjectId: created.reference,
    clientAddress: meta.clientAddress,
    at: now,
  });
  return created;
}

/** A case's content for someone allowed to see it (404 otherwise, also when it does not exist). */
export async function openCase(viewer: SessionUser, reference: string, meta: Acting) {
  const found = await prisma.case.findFirst({
    where: { reference, ...caseVisibleWhere(viewer) },
    select: {
      id: true,
      reference: true,
      region: true,
      description: true,
      riskLevel: true,
      status: true,
      version: true,
      createdAt: true,
      closedAt: true,
      monitorUntil: true,
      anonymisedAt: true,
      organisationId: true,
      organisation: { select: { name: true, shortCode: true, slug: true } },
    },
  });
  ensure(found, notFound);
  // Opening a case's content is always recorded (who, on behalf of which organisation, when).
  await recordAudit({
    actor: actorOf(viewer),
    action: "case.viewed",
    subjectType: "Case",
    subjectId: found.reference,
    clientAddress: meta.clientAddress,
  });
  return found;
}

/** References and risk of the open cases the viewer may see (no content: nothing to audit). */
export async function listVisibleCases(viewer: SessionUser) {
  return prisma.case.findMany({
    where: { ...caseVisibleWhere(viewer), status: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: { reference: true, riskLevel: true, region: true, createdAt: true },
  });
}

/** The open cases the viewer's own organisation brought in (what it may propose for an agenda). */
export async function listOwnOpenCases(viewer: SessionUser) {
  // Through the pool: the agenda page asks on every view of a published meeting.
  return sqlQuery<{ reference: string; riskLevel: RiskLevel }>(Prisma.sql`
    SELECT c.reference, c."riskLevel"::text AS "riskLevel" FROM "Case" c
    WHERE ${caseOwnedSql(viewer, "c")} AND c.status = 'OPEN'
    ORDER BY c."createdAt" DESC, c.id`);
}

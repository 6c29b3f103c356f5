/**
 * A region's referral settings, kept by the platform admin: the inclusion criteria a referrer ticks
 * ("why this table") and the triage deadlines in working days.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, ensure, forbidden, notFound } from "~/domain/errors.server";

import type { Criterion } from "./criteria";
import { BUILT_IN_CRITERIA } from "./criteria";
import type { CriterionInput, TriageSettingInput } from "./referral.schema";

/**
 * A region's criteria, in order. A region seen for the first time gets the built-in ones (an
 * idempotent insert: two first visits at once add them once).
 */
export async function regionCriteria(region: string, options: { activeOnly?: boolean } = {}): Promise<Criterion[]> {
  const select = { id: true, key: true, labelNl: true, labelEn: true, active: true } as const;
  const read = () =>
    prisma.inclusionCriterion.findMany({
      where: { region, ...(options.activeOnly ? { active: true } : {}) },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select,
    });
  const found = await read();
  if (found.length > 0 || (await prisma.inclusionCriterion.count({ where: { region } })) > 0) return found;
  await prisma.inclusionCriterion.createMany({
    data: BUILT_IN_CRITERIA.map((key, index) => ({ region, key, position: index + 1 })),
    skipDuplicates: true,
  });
  return read();
}

export type TriageSetting = { routineWorkingDays: number; urgentWorkingDays: number; version: number };
export const DEFAULT_TRIAGE: TriageSetting = { routineWorkingDays: 5, urgentWorkingDays: 1, version: 0 };

export async function triageSetting(region: string): Promise<TriageSetting> {
  const found = await prisma.triageSetting.findUnique({
    where: { region },
    select: { routineWorkingDays: true, urgentWorkingDays: true, version: true },
  });
  return found ?? DEFAULT_TRIAGE;
}

function requirePlatformAdmin(user: SessionUser) {
  ensure(user.roles.includes("PLATFORM_ADMIN"), forbidden);
}

/** The regions the platform admin keeps settings for: every region an organisation or case is in. */
export async function knownRegions(user: SessionUser): Promise<string[]> {
  requirePlatformAdmin(user);
  const [organisations, cases] = await Promise.all([
    prisma.organisation.findMany({ distinct: ["region"], select: { region: true } }),
    prisma.case.findMany({ distinct: ["region"], select: { region: true }, where: { status: "OPEN" } }),
  ]);
  return [...new Set([...organisations, ...cases].map((r) => r.region))].sort((a, b) => a.localeCompare(b));
}

/** Saves the deadlines, on the version the form showed (a stale save is refused, not applied). */
export async function saveTriageSetting(user: SessionUser, region: string, input: TriageSettingInput, meta: Acting) {
  requirePlatformAdmin(user);
  const data = { routineWorkingDays: input.routineWorkingDays, urgentWorkingDays: input.urgentWorkingDays };
  await prisma.$transaction(async (tx) => {
    if (input.version === 0) {
      const created = await tx.triageSetting.createMany({ data: { region, ...data }, skipDuplicates: true });
      if (created.count === 0) throw conflict("referrals.errors.staleSettings");
    } else {
      const updated = await tx.triageSetting.updateMany({
        where: { region, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw conflict("referrals.errors.staleSettings");
    }
    await recordAudit(
      {
        actor: actorOf(user),
        action: "referral.settings.saved",
        subjectType: "Region",
        subjectId: region,
        clientAddress: meta.clientAddress,
        details: data,
        at: meta.now,
      },
      tx,
    );
  });
}

export async function addCriterion(user: SessionUser, region: string, input: CriterionInput, meta: Acting) {
  requirePlatformAdmin(user);
  await regionCriteria(region);
  const last = await prisma.inclusionCriterion.aggregate({ where: { region }, _max: { position: true } });
  const created = await prisma.inclusionCriterion.create({
    data: { region, labelNl: input.labelNl, labelEn: input.labelEn, position: (last._max.position ?? 0) + 1 },
    select: { id: true },
  });
  await recordAudit({
    actor: actorOf(user),
    action: "referral.criterion.added",
    subjectType: "Region",
    subjectId: region,
    clientAddress: meta.clientAddress,
    details: { criterion: created.id },
    at: meta.now,
  });
}

/** A criterion is switched off, never deleted: earlier referrals still name it. */
export async function setCriterionActive(user: SessionUser, criterionId: string, active: boolean, meta: Acting) {
  requirePlatformAdmin(user);
  const found = await prisma.inclusionCriterion.findUnique({ where: { id: criterionId }, select: { region: true } });
  ensure(found, notFound);
  await prisma.inclusionCriterion.update({ where: { id: criterionId }, data: { active } });
  await recordAudit({
    actor: actorOf(user),
    action: active ? "referral.criterion.enabled" : "referral.criterion.disabled",
    subjectType: "Region",
    subjectId: found.region,
    clientAddress: meta.clientAddress,
    details: { criterion: criterionId },
    at: meta.now,
  });
}

/**
 * Referrals (aanmeldingen): a partner refers one of its cases to the region's table; triage
 * (`triage.server.ts`) decides. A proposal for one published meeting's agenda is a referral of kind
 * PROPOSAL (`meetings/proposals.server.ts`). Who sees which referral: the access module.
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  caseOwnedWhere,
  caseVisibleWhere,
  decidesReferral,
  mayTriage,
  referralDeciderWhere,
  referralVisibleWhere,
  triageMeetingsWhere,
} from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { auditCase } from "~/domain/cases/case-lock.server";
import { ensure, fieldRule, notFound } from "~/domain/errors.server";

import { regionCriteria, triageSetting } from "./referral-settings.server";
import type { ReferralInput } from "./referral.schema";
import { workingDeadline } from "./working-days.server";

/** What the referral form offers: the organisation's open cases, the region's criteria and partners. */
export async function referralFormOptions(user: SessionUser) {
  const region = user.organisation.region;
  const [cases, criteria, organisations] = await Promise.all([
    prisma.case.findMany({
      where: { ...caseOwnedWhere(user), status: "OPEN" },
      select: { reference: true, riskLevel: true, region: true },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    regionCriteria(region, { activeOnly: true }),
    prisma.organisation.findMany({
      where: { region },
      select: { id: true, shortCode: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { cases, criteria, organisations };
}

/**
 * Refers one of the organisation's open cases. The criteria must be the case region's active ones
 * and the partners organisations of that region or the referrer's; the deadline is counted from now in working days.
 */
export async function createReferral(user: SessionUser, input: ReferralInput, meta: Acting) {
  const now = meta.now ?? new Date();
  const found = await prisma.case.findFirst({
    where: { reference: input.caseReference, ...caseOwnedWhere(user), status: "OPEN" },
    select: { id: true, region: true },
  });
  if (!found) throw fieldRule("caseReference", "referrals.errors.unknownCase");
  const [criteria, partners, setting, earlier] = await Promise.all([
    regionCriteria(found.region, { activeOnly: true }),
    prisma.organisation.findMany({
      // Of the case's region, or the referrer's own (a case referred to another region's table).
      where: { id: { in: input.partnerOrganisationIds }, region: { in: [found.region, user.organisation.region] } },
      select: { id: true },
    }),
    triageSetting(found.region),
    // By reference: a closed case the referrer may see (its own, or one it sat at a table for) —
    // so that trying references tells nobody what other organisations' cases exist.
    input.earlierCaseReference
      ? prisma.case.findFirst({
          where: {
            reference: input.earlierCaseReference,
            status: "CLOSED",
            id: { not: found.id },
            ...caseVisibleWhere(user),
          },
          select: { id: true },
        })
      : Promise.resolve(null),
  ]);
  if (input.earlierCaseReference && !earlier)
    throw fieldRule("earlierCaseReference", "referrals.errors.unknownEarlierCase");
  const known = new Set(criteria.map((c) => c.id));
  if (!input.criterionIds.every((id) => known.has(id)))
    throw fieldRule("criterionIds", "referrals.errors.criterionRequired");
  if (partners.length !== new Set(input.partnerOrganisationIds).size)
    throw fieldRule("partnerOrganisationIds", "referrals.errors.partnerRequired");
  const days = input.urgency === "URGENT" ? setting.urgentWorkingDays : setting.routineWorkingDays;
  const referral = await prisma.$transaction(async (tx) => {
    // One referral waits per case at a time (a proposal for one agenda is the chair's, apart): the
    // case row is locked while this one is added.
    await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${found.id} FOR UPDATE`;
    const waiting = await tx.referral.count({ where: { caseId: found.id, kind: "REFERRAL", status: "PENDING" } });
    if (waiting > 0) throw fieldRule("caseReference", "referrals.errors.alreadyWaiting");
    const created = await tx.referral.create({
      data: {
        kind: "REFERRAL",
        region: found.region,
        caseId: found.id,
        earlierCaseId: earlier?.id ?? null,
        question: input.question,
        referringOrganisationId: user.organisation.id,
        referredById: user.id,
        criterionIds: [...new Set(input.criterionIds)],
        partnerOrganisationIds: [...new Set(input.partnerOrganisationIds)],
        urgency: input.urgency,
        informed: input.informed === "yes",
        notInformedReason: input.informed === "no" ? input.notInformedReason : "",
        deadlineAt: workingDeadline(now, days),
        createdAt: now,
      },
      select: { id: true },
    });
    await auditCase(
      tx,
      user,
      "referral.made",
      input.caseReference,
      { ...meta, now },
      {
        referral: created.id,
        urgency: input.urgency,
      },
    );
    return created;
  });
  return referral;
}

const listSelect = {
  id: true,
  kind: true,
  status: true,
  urgency: true,
  question: true,
  deadlineAt: true,
  createdAt: true,
  decidedAt: true,
  outcomeReason: true,
  otherTable: true,
  agendaItemId: true,
  case: { select: { reference: true, riskLevel: true, status: true } },
  referringOrganisation: { select: { shortCode: true } },
  meeting: { select: { id: true, title: true, startsAt: true, status: true, chairId: true } },
} as const;

/** The organisation's own referrals and proposals, newest first: what became of each. */
export async function ownReferrals(user: SessionUser, take = 50) {
  return prisma.referral.findMany({
    where: { referringOrganisationId: user.organisation.id },
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/**
 * The triage queue: what this viewer decides, the nearest deadline first (a proposal's deadline
 * is its meeting's start). Empty for someone who triages nothing.
 */
export async function triageQueue(user: SessionUser) {
  const rows = await prisma.referral.findMany({
    where: { status: "PENDING", ...referralDeciderWhere(user) },
    select: listSelect,
    take: 200,
  });
  const due = (r: (typeof rows)[number]) => (r.deadlineAt ?? r.meeting?.startsAt ?? r.createdAt).getTime();
  return rows.sort((a, b) => due(a) - due(b) || a.createdAt.getTime() - b.createdAt.getTime());
}

/** A case's referrals that the viewer may see (the case page lists them with their outcome). */
export async function caseReferrals(user: SessionUser, caseId: string) {
  return prisma.referral.findMany({
    where: { AND: [{ caseId }, referralVisibleWhere(user)] },
    select: listSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Recently decided referrals of the region, for the triage page (what was done with them). */
export async function recentlyTriaged(user: SessionUser, take = 20) {
  if (!mayTriage(user)) return [];
  return prisma.referral.findMany({
    where: { AND: [referralVisibleWhere(user), { kind: "REFERRAL", status: { not: "PENDING" } }] },
    select: listSelect,
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** One referral, for whoever may see it (404 otherwise), with what deciding it needs. */
export async function getReferral(user: SessionUser, referralId: string, now: Date) {
  const referral = await prisma.referral.findFirst({
    where: { id: referralId, ...referralVisibleWhere(user) },
    select: {
      ...listSelect,
      region: true,
      criterionIds: true,
      partnerOrganisationIds: true,
      informed: true,
      notInformedReason: true,
      timeboxMinutes: true,
      referringOrganisationId: true,
      agendaItemId: true,
      case: { select: { reference: true, riskLevel: true, description: true, status: true } },
      meeting: { select: { id: true, title: true, startsAt: true, status: true, chairId: true } },
      earlierCase: { select: { id: true, reference: true } },
    },
  });
  ensure(referral, notFound);
  // The earlier case: its reference for everyone who sees the referral; a link only for who may open it.
  const earlierVisible = referral.earlierCase
    ? (await prisma.case.count({ where: { id: referral.earlierCase.id, ...caseVisibleWhere(user) } })) > 0
    : false;
  const decides = decidesReferral(user, { ...referral, meetingChairId: referral.meeting?.chairId ?? null });
  const [criteria, organisations, meetings] = await Promise.all([
    regionCriteria(referral.region),
    prisma.organisation.findMany({
      // A proposal's table comes from its meeting's invitees; a referral's from the region.
      where:
        referral.kind === "PROPOSAL"
          ? { invitations: { some: { meetingId: referral.meeting?.id ?? "" } } }
          : { OR: [{ region: referral.region }, { id: { in: referral.partnerOrganisationIds } }] },
      select: { id: true, shortCode: true, name: true },
      orderBy: { name: "asc" },
    }),
    decides && referral.kind === "REFERRAL"
      ? prisma.meeting.findMany({
          where: triageMeetingsWhere(user, now),
          select: { id: true, title: true, startsAt: true, status: true },
          orderBy: { startsAt: "asc" },
          take: 20,
        })
      : Promise.resolve([]),
  ]);
  const earlierCase = referral.earlierCase
    ? { reference: referral.earlierCase.reference, visible: earlierVisible }
    : null;
  return { referral, decides, criteria, organisations, meetings, earlierCase };
}

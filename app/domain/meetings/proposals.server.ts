/**
 * Partners propose their cases for a published agenda; the chair accepts or declines with a reason.
 * A proposal is a referral of kind PROPOSAL (`domain/referrals`): the chair's answer is a triage
 * decision — to her meeting, or back to the proposing organisation.
 */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import type { VerifiedMeeting } from "~/domain/access/access.server";
import { caseOwnedWhere, meetingVisibleWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound, ruleError } from "~/domain/errors.server";
import { triageReferral } from "~/domain/referrals/triage.server";
import { Prisma } from "~/generated/prisma/client";
import type { ReferralStatus, RiskLevel } from "~/generated/prisma/enums";

import type { Proposal } from "./meeting.schema";

/**
 * A member of an invited organisation proposes one of its own cases for a published meeting.
 * The chair sees the proposal and decides; until then it is not on the agenda.
 */
export async function proposeItem(user: SessionUser, meetingId: string, input: Proposal, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, status: "PUBLISHED", invitations: { some: { organisationId: user.organisation.id } } },
    select: { id: true },
  });
  ensure(meeting, notFound);
  const found = await prisma.case.findFirst({
    where: { reference: input.caseReference, ...caseOwnedWhere(user) },
    select: { id: true, region: true },
  });
  if (!found) throw ruleError("meetings.errors.unknownCase");
  const proposal = await prisma.referral.create({
    data: {
      kind: "PROPOSAL",
      region: found.region,
      meetingId,
      caseId: found.id,
      question: input.question,
      timeboxMinutes: input.timeboxMinutes,
      referringOrganisationId: user.organisation.id,
      referredById: user.id,
      createdAt: meta.now,
    },
    select: { id: true },
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.proposal.made",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    details: { case: input.caseReference },
    at: meta.now,
  });
  return proposal;
}

type ProposalRow = {
  id: string;
  question: string;
  timeboxMinutes: number;
  status: ReferralStatus;
  outcomeReason: string | null;
  case: { reference: string; riskLevel: RiskLevel };
  proposingOrganisation: { id: string; shortCode: string };
};

/** The proposals a user may see: all of them for the chair, their own organisation's otherwise. */
export async function listProposals(user: SessionUser, meetingId: string, known?: VerifiedMeeting) {
  const meeting =
    known?.id === meetingId
      ? known.record
      : await prisma.meeting.findFirst({
          where: { id: meetingId, ...meetingVisibleWhere(user) },
          select: { chairId: true },
        });
  ensure(meeting, notFound);
  // Through the pool: the agenda page asks on every view.
  const mine =
    meeting.chairId === user.id ? Prisma.sql`TRUE` : Prisma.sql`p."referringOrganisationId" = ${user.organisation.id}`;
  return sqlQuery<ProposalRow>(Prisma.sql`
    SELECT p.id, p.question, p."timeboxMinutes", p.status::text AS status, p."outcomeReason",
           json_build_object('reference', c.reference, 'riskLevel', c."riskLevel") AS "case",
           json_build_object('id', o.id, 'shortCode', o."shortCode") AS "proposingOrganisation"
    FROM "Referral" p JOIN "Case" c ON c.id = p."caseId" JOIN "Organisation" o ON o.id = p."referringOrganisationId"
    WHERE p."meetingId" = ${meetingId} AND p.kind = 'PROPOSAL' AND ${mine}
    ORDER BY p."createdAt", p.id`);
}

/** The chair accepts: the case joins the agenda, asked by the proposing organisation. */
export async function acceptProposal(
  user: SessionUser,
  proposalId: string,
  input: { tableOrganisationIds: string[] },
  meta: Acting,
) {
  const proposal = await prisma.referral.findFirst({
    where: { id: proposalId, kind: "PROPOSAL" },
    select: { timeboxMinutes: true },
  });
  ensure(proposal, notFound);
  const tables = { tableOrganisationIds: input.tableOrganisationIds, timeboxMinutes: proposal.timeboxMinutes };
  const decided = await triageReferral(
    user,
    proposalId,
    { outcome: "TO_MEETING", meetingId: "", reason: "", ...tables },
    meta,
  );
  return { id: decided.agendaItemId ?? "" };
}

/** The chair declines, with a reason the proposing organisation sees: back to it. */
export async function declineProposal(user: SessionUser, proposalId: string, input: { reason: string }, meta: Acting) {
  const proposal = await prisma.referral.count({ where: { id: proposalId, kind: "PROPOSAL" } });
  ensure(proposal > 0, notFound);
  await triageReferral(user, proposalId, { outcome: "RETURNED", reason: input.reason }, meta);
}

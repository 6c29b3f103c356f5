/** Partners propose their cases for a published agenda; the chair accepts or declines with a reason. */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import type { VerifiedMeeting } from "~/domain/access/access.server";
import { caseOwnedWhere, meetingChairedWhere, meetingVisibleWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { ProposalStatus, RiskLevel } from "~/generated/prisma/enums";

import { insertItem } from "./agenda.server";
import { requireChairOf } from "./meeting-chair.server";
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
    select: { id: true },
  });
  if (!found) throw ruleError("meetings.errors.unknownCase");
  const proposal = await prisma.agendaProposal.create({
    data: {
      meetingId,
      caseId: found.id,
      question: input.question,
      timeboxMinutes: input.timeboxMinutes,
      proposingOrganisationId: user.organisation.id,
      proposedById: user.id,
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
  status: ProposalStatus;
  declineReason: string | null;
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
    meeting.chairId === user.id ? Prisma.sql`TRUE` : Prisma.sql`p."proposingOrganisationId" = ${user.organisation.id}`;
  return sqlQuery<ProposalRow>(Prisma.sql`
    SELECT p.id, p.question, p."timeboxMinutes", p.status::text AS status, p."declineReason",
           json_build_object('reference', c.reference, 'riskLevel', c."riskLevel") AS "case",
           json_build_object('id', o.id, 'shortCode', o."shortCode") AS "proposingOrganisation"
    FROM "AgendaProposal" p JOIN "Case" c ON c.id = p."caseId" JOIN "Organisation" o ON o.id = p."proposingOrganisationId"
    WHERE p."meetingId" = ${meetingId} AND ${mine}
    ORDER BY p."createdAt", p.id`);
}

async function requirePendingProposal(user: SessionUser, proposalId: string) {
  const proposal = await prisma.agendaProposal.findFirst({
    where: { id: proposalId, meeting: meetingChairedWhere(user) },
    select: {
      id: true,
      meetingId: true,
      caseId: true,
      question: true,
      timeboxMinutes: true,
      status: true,
      proposingOrganisationId: true,
      case: { select: { reference: true } },
    },
  });
  ensure(proposal, notFound);
  if (proposal.status !== "PENDING") throw ruleError("meetings.errors.alreadyDecided");
  return proposal;
}

/** The chair accepts: the case joins the agenda, asked by the proposing organisation. */
export async function acceptProposal(
  user: SessionUser,
  proposalId: string,
  input: { tableOrganisationIds: string[] },
  meta: Acting,
) {
  const proposal = await requirePendingProposal(user, proposalId);
  const meeting = await requireChairOf(user, proposal.meetingId);
  const now = meta.now ?? new Date();
  const item = await prisma.$transaction(async (tx) => {
    // Decide first, conditionally: two clicks on "accept" cannot add the case twice.
    const decided = await tx.agendaProposal.updateMany({
      where: { id: proposalId, status: "PENDING" },
      data: { status: "ACCEPTED", decidedById: user.id, decidedAt: now },
    });
    if (decided.count !== 1) throw ruleError("meetings.errors.alreadyDecided");
    const created = await insertItem(
      meeting,
      {
        caseId: proposal.caseId,
        question: proposal.question,
        askingOrganisationId: proposal.proposingOrganisationId,
        timeboxMinutes: proposal.timeboxMinutes,
        tableOrganisationIds: input.tableOrganisationIds,
      },
      now,
      tx,
    );
    await tx.agendaProposal.update({ where: { id: proposalId }, data: { agendaItemId: created.id } });
    return created;
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.proposal.accepted",
    subjectType: "Meeting",
    subjectId: proposal.meetingId,
    clientAddress: meta.clientAddress,
    details: { case: proposal.case.reference },
    at: now,
  });
  return item;
}

/** The chair declines, with a reason the proposing organisation sees. */
export async function declineProposal(user: SessionUser, proposalId: string, input: { reason: string }, meta: Acting) {
  const proposal = await requirePendingProposal(user, proposalId);
  const decided = await prisma.agendaProposal.updateMany({
    where: { id: proposalId, status: "PENDING" },
    data: { status: "DECLINED", declineReason: input.reason, decidedById: user.id, decidedAt: meta.now ?? new Date() },
  });
  if (decided.count !== 1) throw ruleError("meetings.errors.alreadyDecided");
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.proposal.declined",
    subjectType: "Meeting",
    subjectId: proposal.meetingId,
    clientAddress: meta.clientAddress,
    details: { case: proposal.case.reference },
    at: meta.now,
  });
}

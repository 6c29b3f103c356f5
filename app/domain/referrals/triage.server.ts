/**
 * Triage decides a waiting referral, always with a reason the referring organisation reads: to a
 * meeting (it becomes an agenda item with the proposed table; organisations not yet invited are
 * invited), to another table, back to the referrer with advice, or no action. The same decision
 * answers a proposal for a meeting's agenda (accepted: to that meeting; declined: back).
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { referralDeciderWhere, triageMeetingsWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { auditCase } from "~/domain/cases/case-lock.server";
import { ensure, fieldRule, notFound, ruleError } from "~/domain/errors.server";
import { insertItem } from "~/domain/meetings/agenda.server";
import type { Prisma } from "~/generated/prisma/client";

import type { TriageInput } from "./referral.schema";

/** The referral as someone who decides it: 404 for anyone else, "already decided" once it was. */
export async function requireDecidable(user: SessionUser, referralId: string) {
  const referral = await prisma.referral.findFirst({
    where: { id: referralId, ...referralDeciderWhere(user) },
    select: {
      id: true,
      kind: true,
      status: true,
      meetingId: true,
      caseId: true,
      question: true,
      timeboxMinutes: true,
      referringOrganisationId: true,
      region: true,
      partnerOrganisationIds: true,
      case: { select: { reference: true } },
    },
  });
  // Never the viewer's to decide: not found at all. Decided in the meantime: said so.
  ensure(referral, notFound);
  if (referral.status !== "PENDING") throw ruleError("meetings.errors.alreadyDecided");
  return referral;
}

type Decidable = Awaited<ReturnType<typeof requireDecidable>>;

/**
 * The meeting a referral goes to: a proposal's own; for a referral, one triage may put it on. Read
 * in the decision's transaction with the meeting locked, so its invitations cannot change meanwhile.
 */
async function targetMeeting(
  user: SessionUser,
  referral: Decidable,
  meetingId: string,
  now: Date,
  tx: Prisma.TransactionClient,
) {
  const where: Prisma.MeetingWhereInput =
    referral.kind === "PROPOSAL"
      ? { id: referral.meetingId ?? "", chairId: user.id }
      : { id: meetingId, ...triageMeetingsWhere(user, now) };
  const found = await tx.meeting.findFirst({ where, select: { id: true } });
  if (!found) throw fieldRule("meetingId", "referrals.errors.meetingRequired");
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${found.id} FOR UPDATE`;
  return tx.meeting.findUniqueOrThrow({
    where: { id: found.id },
    select: { id: true, status: true, invitations: { select: { organisationId: true } } },
  });
}

async function toMeeting(
  user: SessionUser,
  referral: Decidable,
  input: Extract<TriageInput, { outcome: "TO_MEETING" }>,
  now: Date,
  tx: Prisma.TransactionClient,
) {
  // A case closed (or erased) since it was referred goes on no agenda.
  const [open] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Case" WHERE id = ${referral.caseId} AND status = 'OPEN' AND "anonymisedAt" IS NULL FOR UPDATE`;
  if (!open) throw ruleError("referrals.errors.caseClosed");
  const meeting = await targetMeeting(user, referral, input.meetingId, now, tx);
  // The table the referral asked for sits at it: invite who is not invited yet (a referral only;
  // a proposal's chair chose from her invitees).
  const invited = new Set(meeting.invitations.map((i) => i.organisationId));
  const table = [...new Set([...input.tableOrganisationIds, referral.referringOrganisationId])];
  const missing = table.filter((id) => !invited.has(id));
  if (missing.length > 0 && referral.kind === "REFERRAL") {
    // Only the referral's region, or the partners the referrer named, are brought to the table.
    const known = await tx.organisation.count({
      where: {
        id: { in: missing },
        OR: [{ region: referral.region }, { id: { in: referral.partnerOrganisationIds } }],
      },
    });
    if (known !== missing.length) throw fieldRule("tableOrganisationIds", "referrals.errors.tableOutsideRegion");
    await tx.meetingInvitation.createMany({
      data: missing.map((organisationId) => ({ meetingId: meeting.id, organisationId })),
      skipDuplicates: true,
    });
    meeting.invitations.push(...missing.map((organisationId) => ({ organisationId })));
  }
  const item = await insertItem(
    meeting,
    {
      caseId: referral.caseId,
      question: referral.question,
      askingOrganisationId: referral.referringOrganisationId,
      timeboxMinutes: input.timeboxMinutes,
      tableOrganisationIds: table,
    },
    now,
    tx,
  );
  return {
    meetingId: meeting.id,
    agendaItemId: item.id,
    timeboxMinutes: input.timeboxMinutes,
    invited: referral.kind === "REFERRAL" ? missing : [],
  };
}

/**
 * Decides a waiting referral (the input was checked by `triageSchema`). `reason` may be empty only
 * when a chair accepts a proposal for her own agenda (the proposals list has no reason field).
 */
export async function triageReferral(user: SessionUser, referralId: string, input: TriageInput, meta: Acting) {
  const referral = await requireDecidable(user, referralId);
  // A proposal for an agenda is accepted onto it or sent back; the other outcomes are triage's.
  if (referral.kind === "PROPOSAL" && input.outcome !== "TO_MEETING" && input.outcome !== "RETURNED")
    throw fieldRule("outcome", "referrals.errors.proposalOutcome");
  const now = meta.now ?? new Date();
  const result = await prisma.$transaction(async (tx) => {
    // Decide first, conditionally: two triagers at once (or a double click) decide it once.
    const decided = await tx.referral.updateMany({
      where: { id: referralId, status: "PENDING" },
      data: {
        status: input.outcome,
        outcomeReason: input.reason,
        otherTable: input.outcome === "OTHER_TABLE" ? input.otherTable : "",
        decidedById: user.id,
        decidedAt: now,
      },
    });
    if (decided.count !== 1) throw ruleError("meetings.errors.alreadyDecided");
    const placed = input.outcome === "TO_MEETING" ? await toMeeting(user, referral, input, now, tx) : null;
    if (placed)
      await tx.referral.update({
        where: { id: referralId },
        data: { meetingId: placed.meetingId, agendaItemId: placed.agendaItemId, timeboxMinutes: placed.timeboxMinutes },
      });
    await auditCase(
      tx,
      user,
      "referral.triaged",
      referral.case.reference,
      { ...meta, now },
      {
        referral: referralId,
        outcome: input.outcome,
        ...(placed ? { meetingId: placed.meetingId, invited: placed.invited } : {}),
      },
    );
    return placed;
  });
  return { outcome: input.outcome, meetingId: result?.meetingId ?? null, agendaItemId: result?.agendaItemId ?? null };
}

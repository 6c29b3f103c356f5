/**
 * The world the authorization matrix runs in, made through the domain functions (as users would):
 * meetings in each state, cases of two organisations, a role card, a need, an action, proposals.
 */
import { randomUUID } from "node:crypto";

import { prisma } from "~/db.server";
import { raiseEscalation } from "~/domain/cases/case-escalations.server";
import { addGoal } from "~/domain/cases/case-plan.server";
import { proposeRegie } from "~/domain/cases/case-regie.server";
import { createCase } from "~/domain/cases/cases.server";
import { addAction, addDecision, addNeed, endMeeting } from "~/domain/live/live.server";
import { proposeItem } from "~/domain/meetings/meetings.server";
import { regionCriteria } from "~/domain/referrals/referral-settings.server";
import { createReferral } from "~/domain/referrals/referrals.server";

import { liveMeeting, meetingWithTables, roleCardOf } from "../support/live-meeting";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.77" };

export async function buildFixture() {
  const police = await sessionUser("medewerker@politie.demo");
  const caseOwner = await sessionUser("medewerker@veiligthuis.demo");

  // Live: item A at the table of police, Child Protection Board and Veilig Thuis; B of probation
  // and Veilig Thuis. Probation is invited but not at A's table; the local team is not invited.
  const live = await liveMeeting();
  const { chair, org } = live;
  const itemA = await prisma.agendaItem.findUniqueOrThrow({
    where: { id: live.itemIds.A },
    select: { case: { select: { reference: true } } },
  });
  const card = await roleCardOf(live.itemIds.A, org.POL as string);
  await addNeed(caseOwner, { key: randomUUID(), itemId: live.itemIds.A, text: "Wie kent het gezin?" }, meta);
  const need = await prisma.need.findFirstOrThrow({ where: { agendaItemId: live.itemIds.A } });
  await addAction(
    chair,
    {
      key: randomUUID(),
      itemId: live.itemIds.A,
      description: "Huisbezoek afleggen",
      ownerOrganisationId: org.POL as string,
      ownerUserId: "",
      dueDate: "2099-01-15",
    },
    meta,
  );
  const action = await prisma.action.findFirstOrThrow({ where: { agendaItemId: live.itemIds.A } });
  // A second police action at table A, offered to Veilig Thuis (which takes it over or declines).
  const offered = await prisma.action.create({
    data: {
      agendaItemId: live.itemIds.A,
      caseId: action.caseId,
      description: "Gesprek met de moeder",
      ownerOrganisationId: org.POL as string,
      transferToOrganisationId: org.VT as string,
      dueDate: new Date("2027-01-12T00:00:00Z"),
      createdById: chair.id,
    },
  });
  await addDecision(chair, { key: randomUUID(), itemId: live.itemIds.A, text: "Politie leidt.", dissents: [] }, meta);
  const decision = await prisma.decision.findFirstOrThrow({ where: { agendaItemId: live.itemIds.A } });

  // A live meeting only for "end the meeting" (ending the main one would change every later cell).
  const toEnd = await liveMeeting();

  // Finished: minutes exist.
  const finished = await liveMeeting();
  const finishedAction = await addAction(
    chair,
    {
      key: randomUUID(),
      itemId: finished.itemIds.A,
      description: "Leerplicht inschakelen",
      ownerOrganisationId: org.POL as string,
      ownerUserId: "",
      dueDate: "2099-01-18",
    },
    meta,
  );
  await addDecision(
    chair,
    { key: randomUUID(), itemId: finished.itemIds.A, text: "Politie leidt.", dissents: [] },
    meta,
  );
  const finishedDecision = await prisma.decision.findFirstOrThrow({ where: { agendaItemId: finished.itemIds.A } });
  await endMeeting(chair, finished.meetingId, meta);

  // An action from the finished meeting comes back when its case is on a later live agenda:
  // its owner (the police) updates it there.
  const finishedItemA = await prisma.agendaItem.findUniqueOrThrow({
    where: { id: finished.itemIds.A },
    select: { case: { select: { reference: true } } },
  });
  const earlier = await prisma.action.create({
    data: {
      agendaItemId: finished.itemIds.A,
      caseId: (await prisma.case.findUniqueOrThrow({ where: { reference: finishedItemA.case.reference } })).id,
      description: "Gesprek met school",
      ownerOrganisationId: org.POL as string,
      dueDate: new Date("2027-01-10T00:00:00Z"),
      createdById: chair.id,
    },
  });
  const returning = await meetingWithTables({
    title: "Vervolg",
    items: {
      A: { table: ["POL", "VT"], caseReference: finishedItemA.case.reference, question: "Hoe staat het ervoor?" },
    },
    invited: ["POL", "RECL"],
    state: "live",
  });
  const returningItem = { id: returning.itemIds.A };

  // Published, not started: the agenda's actions (proposals, publish, order, start).
  const published = await liveMeeting({ start: false });
  const { reference: policeCase } = await createCase(
    police,
    { region: "Westerduin", description: "Jongere, twee meldingen van overlast.", riskLevel: "ELEVATED" },
    meta,
  );
  const { reference: policeCase2 } = await createCase(
    police,
    { region: "Westerduin", description: "Jongere, melding van de school.", riskLevel: "LOW" },
    meta,
  );
  await proposeItem(
    police,
    published.meetingId,
    { caseReference: policeCase, question: "Wie?", timeboxMinutes: 10 },
    meta,
  );
  await proposeItem(
    police,
    published.meetingId,
    { caseReference: policeCase2, question: "Wie?", timeboxMinutes: 10 },
    meta,
  );
  // The police refer case P to the region's table: it waits for triage (the chair).
  const criteria = await regionCriteria("Westerduin", { activeOnly: true });
  const referral = await createReferral(
    police,
    {
      caseReference: policeCase,
      question: "Wie pakt de zorg op naast de aanpak van de overlast?",
      criterionIds: criteria.slice(0, 1).map((c) => c.id),
      partnerOrganisationIds: [org.POL as string, org.RvdK as string],
      urgency: "ROUTINE",
      informed: "yes",
      notInformedReason: "",
    },
    meta,
  );

  const proposals = await prisma.referral.findMany({
    where: { meetingId: published.meetingId, kind: "PROPOSAL" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });

  // Case A's casusregie offered by Veilig Thuis (which brought it in) to the police, waiting.
  const regie = await proposeRegie(
    caseOwner,
    itemA.case.reference,
    { kind: "CONTENT", organisationId: org.POL as string, reason: "De politie heeft de meeste informatie." },
    meta,
  );

  // Case A escalated by the police (at its table), still open.
  const escalation = await raiseEscalation(
    police,
    itemA.case.reference,
    { level: "OPERATIONAL", reason: "De afspraken van de vorige tafel lopen vast." },
    meta,
  );

  // Case A's plan: one goal, led by the police, set by Veilig Thuis (which brought the case in).
  const goal = await addGoal(
    caseOwner,
    itemA.case.reference,
    {
      phase: "IMMEDIATE_SAFETY",
      text: "Het gezin is veilig thuis.",
      leadOrganisationId: org.POL as string,
      contributorOrganisationIds: [],
      reviewDate: "",
      actionIds: [],
    },
    meta,
  );

  // Draft: only its chair sees it.
  const draft = await meetingWithTables({
    title: "Concept",
    items: {},
    invited: ["POL"],
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    state: "draft",
  });

  return {
    org,
    live: { meetingId: live.meetingId, itemA: live.itemIds.A, itemB: live.itemIds.B },
    caseA: itemA.case.reference,
    regie: { id: regie.id },
    escalation: { id: escalation.id },
    goal: { id: goal.id },
    policeCase,
    card: { id: card.id, version: card.version },
    need: { id: need.id, version: need.version },
    decision: { id: decision.id },
    action: { id: action.id, version: action.version },
    offered: { id: offered.id },
    toEnd: toEnd.meetingId,
    finished: finished.meetingId,
    finishedAction: { id: finishedAction.change.kind === "action" ? finishedAction.change.action.id : "" },
    finishedDecision: { id: finishedDecision.id },
    published: { meetingId: published.meetingId, itemA: published.itemIds.A },
    proposals: proposals.map((p) => p.id),
    referral: { id: referral.id },
    draft: draft.meetingId,
    earlier: { actionId: earlier.id, itemId: returningItem.id },
  };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

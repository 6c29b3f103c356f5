import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { closeCase } from "~/domain/cases/case-corrections.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { actionSchema, decisionSchema } from "~/domain/live/live.schema";
import { addAction, addDecision, addNeed, correctAction, endMeeting, saveRoleCard } from "~/domain/live/live.server";
import { amendDecision } from "~/domain/minutes/minutes-amendments.server";
import { amendMinutes, approveMinutes, getMinutes } from "~/domain/minutes/minutes.server";
import { runRetention } from "~/domain/retention/retention.server";

import { liveMeeting, roleCardOf } from "../support/live-meeting";
import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const closing = { confirm: "yes" as const, closeReason: "GOALS_MET" as const, note: "" };
const meta = { clientAddress: "192.0.2.30" };
let police: SessionUser;
let rvdk: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk] = await Promise.all([sessionUser("medewerker@politie.demo"), sessionUser("medewerker@rvdk.demo")]);
});

/** A case discussed at a live table (card, need, decision with dissent, action), then closed at `closedAt`. */
async function discussedAndClosed(closedAt: Date) {
  const { meetingId, itemIds, org, chair } = await liveMeeting();
  const card = await roleCardOf(itemIds.A, org.POL as string);
  await saveRoleCard(
    police,
    {
      key: randomUUID(),
      cardId: card.id,
      version: 1,
      roleInCase: "Wij handhaven het huisverbod.",
      knowledge: "Twee eerdere incidenten.",
      knowledgeLegalBasis: "Politiewet 2012 art. 3",
      contribution: "Surveillance.",
      limitsHere: "",
    },
    meta,
  );
  await addNeed(rvdk, { key: randomUUID(), itemId: itemIds.A, text: "Wij hebben nodig: schoolcontact." }, meta);
  await addDecision(
    chair,
    decisionSchema.parse({
      key: randomUUID(),
      itemId: itemIds.A,
      text: "De Raad onderzoekt.",
      dissents: [{ organisationId: org.POL, reason: "Eerst vrijwillig." }],
    }),
    meta,
  );
  const added = await addAction(
    rvdk,
    actionSchema.parse({
      key: randomUUID(),
      itemId: itemIds.A,
      description: "Raadsonderzoek starten",
      ownerOrganisationId: org.RvdK,
      dueDate: "2099-12-15",
    }),
    meta,
  );
  // Corrected at the table: the history keeps the earlier and the new text until retention.
  await correctAction(
    rvdk,
    {
      key: randomUUID(),
      actionId: added.change.kind === "action" ? added.change.action.id : "",
      version: 1,
      description: "Raadsonderzoek starten, met voorrang",
      ownerOrganisationId: org.RvdK as string,
      ownerUserId: "",
      dueDate: "2099-12-15",
    },
    meta,
  );
  await endMeeting(chair, meetingId, meta);
  const item = await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemIds.A }, include: { case: true } });
  // The case was brought in by Veilig Thuis (the chair's organisation): they close it.
  expect(await thrownStatus(closeCase(police, item.case.reference, closing, meta))).toBe(404);
  await closeCase(chair, item.case.reference, closing, { ...meta, now: closedAt });
  await approveMinutes(chair, meetingId, meta);
  await amendMinutes(
    chair,
    meetingId,
    { agendaItemId: itemIds.A, change: "Surveillance ook 's nachts.", reason: "Aanvulling." },
    meta,
  );
  // An amendment that rewords the decision keeps the old and the new wording, until retention.
  const decision = await prisma.decision.findFirstOrThrow({ where: { agendaItemId: itemIds.A } });
  await amendDecision(
    chair,
    meetingId,
    { decisionId: decision.id, version: decision.version, text: "De Raad onderzoekt met spoed.", reason: "Preciezer." },
    meta,
  );
  return { reference: item.case.reference, caseId: item.caseId, itemId: itemIds.A, meetingId, chair };
}

async function contentOf(caseId: string, itemId: string) {
  const [c, item, cards, needs, decisions, actions] = await Promise.all([
    prisma.case.findUniqueOrThrow({ where: { id: caseId } }),
    prisma.agendaItem.findUniqueOrThrow({ where: { id: itemId } }),
    prisma.roleCard.findMany({ where: { agendaItemId: itemId } }),
    prisma.need.findMany({ where: { agendaItemId: itemId } }),
    prisma.decision.findMany({ where: { agendaItemId: itemId }, include: { dissents: true } }),
    prisma.action.findMany({ where: { caseId }, include: { updates: true } }),
  ]);
  return [
    c.description,
    item.question,
    ...cards.flatMap((r) => [r.roleInCase, r.knowledge, r.contribution]),
    ...needs.map((n) => n.text),
    ...decisions.flatMap((d) => [d.text, ...d.dissents.map((x) => x.reason)]),
    ...actions.flatMap((a) => [a.description, ...a.updates.map((u) => (u.changes ? JSON.stringify(u.changes) : ""))]),
  ].join("|");
}

describe("retention", () => {
  it("erases a closed case's content after the period, with a dry run first; the reference stays", async () => {
    const closedAt = new Date("2025-01-10T12:00:00Z");
    const { reference, caseId, itemId, meetingId, chair } = await discussedAndClosed(closedAt);
    const before = await contentOf(caseId, itemId);
    expect(before).toContain("Twee eerdere incidenten.");
    expect(before).toContain("Raadsonderzoek starten, met voorrang");
    const regie = await prisma.caseRegie.create({
      data: {
        caseId,
        kind: "CONTENT",
        organisationId: chair.organisation.id,
        status: "DECLINED",
        reason: "Regie bij wie het schoolcontact heeft",
        declineReason: "Eerst vrijwillig",
        proposedById: chair.id,
      },
    });
    const escalation = await prisma.caseEscalation.create({
      data: {
        caseId,
        level: "MANAGEMENT",
        reason: "Schoolcontact loopt vast",
        raisedById: chair.id,
        outcome: "Leidinggevenden spraken af dat de Raad belt",
        endedAt: closedAt,
      },
    });
    const referral = await prisma.referral.create({
      data: {
        region: "Westerduin",
        caseId,
        question: "Wie neemt het schoolcontact over?",
        referringOrganisationId: chair.organisation.id,
        referredById: chair.id,
        informed: false,
        notInformedReason: "Vader nog niet bereikt",
        status: "OTHER_TABLE",
        otherTable: "Overleg op de Bongerd-school",
        outcomeReason: "Hoort bij het schooloverleg",
      },
    });

    // Eleven months later: not yet.
    const early = await runRetention({ now: new Date("2025-12-09T12:00:00Z"), months: 12, dryRun: false });
    expect(early.cases.map((c) => c.reference)).not.toContain(reference);
    expect(await contentOf(caseId, itemId)).toBe(before);

    // A year and a day later, dry run: listed, nothing changed.
    const now = new Date("2026-01-11T12:00:00Z");
    const dry = await runRetention({ now, months: 12, dryRun: true });
    expect(dry.cases).toContainEqual({ reference, closedAt: closedAt.toISOString(), agendaItems: 1, actions: 1 });
    expect(await contentOf(caseId, itemId)).toBe(before);

    // For real: every text about the case is gone; reference, dates and structure stay.
    const real = await runRetention({ now, months: 12, dryRun: false });
    expect(real.cases.map((c) => c.reference)).toContain(reference);
    expect((await contentOf(caseId, itemId)).replaceAll("|", "")).toBe("");
    const erased = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect([erased.reference, erased.status, erased.anonymisedAt?.toISOString()]).toEqual([
      reference,
      "CLOSED",
      now.toISOString(),
    ]);
    expect(await prisma.agendaItemTable.count({ where: { agendaItemId: itemId } })).toBe(3);
    // The regie record stays (who, when), its reasons do not.
    const erasedRegie = await prisma.caseRegie.findUniqueOrThrow({ where: { id: regie.id } });
    expect([erasedRegie.organisationId, erasedRegie.declineReason]).toEqual([chair.organisation.id, ""]);
    expect(erasedRegie.reason).not.toContain("schoolcontact");
    // The escalation keeps its level and dates, not its texts.
    const erasedEscalation = await prisma.caseEscalation.findUniqueOrThrow({ where: { id: escalation.id } });
    expect(erasedEscalation.level).toBe("MANAGEMENT");
    expect(JSON.stringify(erasedEscalation)).not.toMatch(/Schoolcontact|Leidinggevenden/);
    // The referral too: its outcome stays, every text of it goes.
    const erasedReferral = await prisma.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(erasedReferral.status).toBe("OTHER_TABLE");
    expect(JSON.stringify(erasedReferral)).not.toMatch(/schoolcontact|Vader|Bongerd|schooloverleg/);
    // The approved minutes' frozen copy and the amendment about the item lose the text too; the
    // other item of that meeting keeps it.
    const minutes = await getMinutes(chair, meetingId, meta);
    if (!minutes.available) throw new Error("no minutes");
    const serialised = JSON.stringify(minutes);
    for (const gone of [
      "Twee eerdere incidenten",
      "schoolcontact",
      "De Raad onderzoekt",
      "Eerst vrijwillig",
      "Raadsonderzoek",
      "'s nachts",
      "met spoed",
      "Preciezer",
    ])
      expect(serialised).not.toContain(gone);
    expect(minutes.content.items.map((i) => i.reference)).toContain(reference);
    expect(serialised).toContain("Vraag B: wie neemt de regie?");

    // Audit rows about the case name only its reference; the erasure is recorded once.
    const audit = await prisma.auditEvent.findMany({ where: { subjectId: reference } });
    expect(audit.map((a) => a.action)).toContain("retention.case.anonymised");
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("Twee eerdere incidenten");
    const again = await runRetention({ now, months: 12, dryRun: false });
    expect(again.cases.map((c) => c.reference)).not.toContain(reference);
    expect(
      await prisma.auditEvent.count({ where: { action: "retention.case.anonymised", subjectId: reference } }),
    ).toBe(1);
  });

  it("leaves open cases and recently closed ones alone, and a shorter period applies when configured", async () => {
    const { reference, caseId, itemId } = await discussedAndClosed(new Date("2026-06-01T00:00:00Z"));
    const open = await liveMeeting();
    const openCaseId = (await prisma.agendaItem.findUniqueOrThrow({ where: { id: open.itemIds.A } })).caseId;
    const now = new Date("2026-11-28T00:00:00Z");
    expect((await runRetention({ now, months: 12, dryRun: true })).cases.map((c) => c.reference)).not.toContain(
      reference,
    );
    const six = await runRetention({ now, months: 5, dryRun: false });
    expect(six.cases.map((c) => c.reference)).toContain(reference);
    expect((await contentOf(caseId, itemId)).replaceAll("|", "")).toBe("");
    expect((await prisma.case.findUniqueOrThrow({ where: { id: openCaseId } })).description).toContain("Casus A");
  });
});

import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { endEscalation, escalationsOf, raiseEscalation } from "~/domain/cases/case-escalations.server";
import { caseSignals } from "~/domain/cases/case-signals";
import { caseTimeline } from "~/domain/cases/case-timeline.server";
import { escalationRaiseSchema } from "~/domain/cases/case.schema";
import { createCase } from "~/domain/cases/cases.server";
import { chairSignals } from "~/domain/cases/chair-signals.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { addAction, addDecision, addNeed, endMeeting } from "~/domain/live/live.server";

import { meetingWithTables } from "../support/live-meeting";
import { outcome, thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.71" };
let police: SessionUser;
let rvdk: SessionUser;
let recl: SessionUser;
let chair: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, recl, chair] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@reclassering.demo"),
    sessionUser("voorzitter@veiligthuis.demo"),
  ]);
});

/**
 * A case at a table of the police and the Board (a need of the Board left open, a decision the police
 * disagreed with, a police action due on 1 February 2027), then at a second, held table with the
 * police alone. Probation is invited to the first meeting and sits at no table of the case.
 */
async function stuckCase() {
  // Brought in by Veilig Thuis (the chair's organisation), asked by the police.
  const { reference } = await createCase(
    chair,
    { region: "Westerduin", description: "Jongere (14), zorgen thuis en op straat.", riskLevel: "HIGH" },
    meta,
  );
  const first = await meetingWithTables({
    items: { A: { table: ["POL", "RvdK"], caseReference: reference, asking: "POL" } },
    invited: ["POL", "RvdK", "RECL"],
    state: "live",
  });
  const itemId = first.itemIds.A;
  await addNeed(rvdk, { key: randomUUID(), itemId, text: "de politie de meldingen deelt." }, meta);
  await addDecision(
    chair,
    {
      key: randomUUID(),
      itemId,
      text: "De Raad start een onderzoek.",
      dissents: [{ organisationId: police.organisation.id, reason: "Eerst een gesprek." }],
    },
    meta,
  );
  await addAction(
    police,
    {
      key: randomUUID(),
      itemId,
      description: "Meldingen delen",
      ownerOrganisationId: police.organisation.id,
      ownerUserId: "",
      dueDate: "2027-02-01",
    },
    meta,
  );
  await endMeeting(chair, first.meetingId, meta);
  await meetingWithTables({
    startsAt: new Date(Date.now() + 86_400_000),
    items: { A: { table: ["POL"], caseReference: reference, asking: "POL" } },
    invited: ["POL"],
    state: "live",
  });
  const { id } = await prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  return { reference, caseId: id };
}

describe("escalation signals from the data, per viewer", () => {
  it("late action, open need, dissent — each viewer only from the tables they sat at", async () => {
    const { caseId } = await stuckCase();
    const signalsFor = async (viewer: SessionUser, today: string) =>
      caseSignals(await caseTimeline(viewer, caseId), today, 14).map((s) => s.kind);
    // On 10 February the action is 9 days late: not yet a signal; the need has been open for two
    // held meetings (the police sat at both); the decision had dissent.
    expect(await signalsFor(police, "2027-02-10")).toEqual(["openNeed", "dissent"]);
    // On 16 February, 15 days late: a signal.
    expect(await signalsFor(police, "2027-02-16")).toEqual(["overdueAction", "openNeed", "dissent"]);
    // The Board sat at the first table only: for it, one meeting has passed since the need.
    expect(await signalsFor(rvdk, "2027-02-16")).toEqual(["overdueAction", "dissent"]);
    // Probation was at no table of the case: nothing at all.
    expect(await signalsFor(recl, "2027-02-16")).toEqual([]);
    // The chair's start page counts the same, in one statement.
    const { reference } = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { reference: true } });
    const line = async (today: string) => (await chairSignals(chair, today, 14)).find((r) => r.reference === reference);
    expect(await line("2027-02-10")).toEqual({
      reference,
      overdueActions: 0,
      openNeeds: 1,
      goalsDue: 0,
      dissents: 1,
      escalation: null,
    });
    expect(await line("2027-02-16")).toMatchObject({ overdueActions: 1, openNeeds: 1, dissents: 1 });
  });
});

describe("an escalation as a record", () => {
  it("raised by an organisation at the table, moved by the chair, stepped down; outsiders get 404", async () => {
    const { reference, caseId } = await stuckCase();
    expect(escalationRaiseSchema.safeParse({ level: "MANAGEMENT", reason: "Bel mevrouw op 06-12345678" }).success).toBe(
      false,
    );
    const raise = { level: "OPERATIONAL" as const, reason: "De meldingen komen niet bij de Raad." };
    expect(await thrownStatus(raiseEscalation(recl, reference, raise, meta))).toBe(404);
    await raiseEscalation(rvdk, reference, raise, meta);
    expect((await chairSignals(chair, "2027-01-01", 14)).find((r) => r.reference === reference)?.escalation).toBe(
      "OPERATIONAL",
    );
    expect(await outcome(raiseEscalation(police, reference, raise, meta))).toBe(
      "rule:cases.escalation.errors.alreadyOpen",
    );

    const [open] = await escalationsOf(police, caseId);
    if (!open) throw new Error("no escalation");
    expect([open.level, open.raisedBy.organisation.shortCode, open.mayEnd]).toEqual(["OPERATIONAL", "RvdK", false]);
    const end = { escalationId: open.id, version: open.version, outcome: "Leidinggevenden spreken het af." };
    // The police sat at the table but did not raise it: they may not end it.
    expect(await outcome(endEscalation(police, reference, { ...end, next: "" }, meta))).toBe(
      "forbidden:cases.escalation.errors.notYours",
    );
    expect(await outcome(endEscalation(chair, reference, { ...end, next: "OPERATIONAL" }, meta))).toBe(
      "rule:cases.escalation.errors.sameLevel",
    );
    // The chair moves it up: the first record ends, a new one holds the new level.
    await endEscalation(chair, reference, { ...end, next: "MANAGEMENT" }, meta);
    expect(await outcome(endEscalation(chair, reference, { ...end, next: "" }, meta))).toBe(
      "conflict:cases.escalation.errors.stale",
    );
    const [, moved] = await escalationsOf(chair, caseId);
    if (!moved) throw new Error("not moved");
    expect([moved.level, moved.mayEnd, moved.reason]).toEqual(["MANAGEMENT", true, "Leidinggevenden spreken het af."]);
    // Still the Board's escalation, at the new level: the Board may end it too.
    expect((await escalationsOf(rvdk, caseId)).at(-1)?.mayEnd).toBe(true);
    await endEscalation(
      chair,
      reference,
      { escalationId: moved.id, version: moved.version, next: "", outcome: "De Raad heeft de meldingen." },
      meta,
    );
    const history = await escalationsOf(rvdk, caseId);
    expect(history.map((e) => [e.level, e.movedTo, e.outcome, e.endedAt !== null])).toEqual([
      ["OPERATIONAL", "MANAGEMENT", "Leidinggevenden spreken het af.", true],
      ["MANAGEMENT", null, "De Raad heeft de meldingen.", true],
    ]);
    const audit = await prisma.auditEvent.findMany({
      where: { subjectId: reference, action: { startsWith: "case.escalation." } },
      orderBy: { occurredAt: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "case.escalation.raised",
      "case.escalation.moved",
      "case.escalation.ended",
    ]);
  });
});

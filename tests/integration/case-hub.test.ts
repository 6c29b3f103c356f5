import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { answerRegie, proposeRegie, regieOf } from "~/domain/cases/case-regie.server";
import { caseTimeline, currentLead } from "~/domain/cases/case-timeline.server";
import { regieProposalSchema } from "~/domain/cases/case.schema";
import { createCase, listVisibleCases, openCase } from "~/domain/cases/cases.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import {
  addAction,
  addDecision,
  addNeed,
  endMeeting,
  setResponsibility,
  startMeeting,
} from "~/domain/live/live.server";
import { acceptProposal, proposeItem } from "~/domain/meetings/proposals.server";

import { meetingWithTables } from "../support/live-meeting";
import { outcome, thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.44" };
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
 * A police case at two tables: first with the Board (which takes the lead; a need, a decision the
 * police disagree with, an action), then with the police alone. Veilig Thuis chairs both and sits
 * at neither; probation is invited to the first and sits at no table of the case.
 */
async function caseAtTwoTables() {
  const { reference } = await createCase(
    police,
    { region: "Westerduin", description: "Jongere (15), herhaald geweld thuis.", riskLevel: "HIGH" },
    meta,
  );
  // The police propose their case; the chair puts it at the table of the police and the Board.
  const first = await meetingWithTables({
    title: "Eerste tafel",
    startsAt: new Date(Date.now() + 60 * 60_000),
    items: {},
    invited: ["POL", "RvdK", "RECL"],
  });
  const proposal = await proposeItem(
    police,
    first.meetingId,
    { caseReference: reference, question: "Is een beschermingsonderzoek nodig?", timeboxMinutes: 15 },
    meta,
  );
  const { id: itemId } = await acceptProposal(
    chair,
    proposal.id,
    { tableOrganisationIds: [police.organisation.id, rvdk.organisation.id] },
    meta,
  );
  await startMeeting(chair, first.meetingId, meta);
  const board = await prisma.agendaItemTable.findUniqueOrThrow({
    where: { agendaItemId_organisationId: { agendaItemId: itemId, organisationId: rvdk.organisation.id } },
  });
  await setResponsibility(
    chair,
    { key: randomUUID(), itemId, organisationId: rvdk.organisation.id, involvement: "LEADS", version: board.version },
    meta,
  );
  await addNeed(rvdk, { key: randomUUID(), itemId, text: "de politie de meldingen van het laatste jaar deelt." }, meta);
  await addDecision(
    chair,
    {
      key: randomUUID(),
      itemId,
      text: "De Raad start een beschermingsonderzoek.",
      dissents: [{ organisationId: police.organisation.id, reason: "Eerst een gesprek met de ouders." }],
    },
    meta,
  );
  await addAction(
    police,
    {
      key: randomUUID(),
      itemId,
      description: "Meldingen van het laatste jaar delen met de Raad",
      ownerOrganisationId: police.organisation.id,
      ownerUserId: "",
      dueDate: "2099-02-01",
    },
    meta,
  );
  await endMeeting(chair, first.meetingId, meta);
  const second = await meetingWithTables({
    title: "Tweede tafel",
    startsAt: new Date(Date.now() + 8 * 86_400_000),
    items: { A: { table: ["POL"], caseReference: reference, asking: "POL", question: "Hoe staat het ervoor?" } },
    invited: ["POL"],
  });
  const found = await prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  return { reference, caseId: found.id, first, second };
}

describe("the case page as the hub", () => {
  it("is open to the bringing organisation, everyone who sat at one of its tables, and their chair; 404 for others", async () => {
    const { reference } = await caseAtTwoTables();
    for (const viewer of [police, rvdk, chair]) {
      expect(await thrownStatus(openCase(viewer, reference, meta)), viewer.email).toBe(200);
    }
    // Probation was invited to the first meeting but never sat at this case's table.
    expect(await thrownStatus(openCase(recl, reference, meta))).toBe(404);
    expect(await thrownStatus(openCase(recl, "AO-1999-9999", meta))).toBe(404);
    expect((await listVisibleCases(chair)).map((c) => c.reference)).toContain(reference);
    expect((await listVisibleCases(recl)).map((c) => c.reference)).not.toContain(reference);
  });

  it("shows each viewer the meetings of the tables they sat at: question, table, lead, decisions with dissent, needs, actions", async () => {
    const { caseId } = await caseAtTwoTables();
    const forPolice = await caseTimeline(police, caseId);
    expect(forPolice.map((e) => e.meeting.title)).toEqual(["Eerste tafel", "Tweede tafel"]);
    const [first] = forPolice;
    expect(first?.table).toEqual([
      { shortCode: "POL", involvement: null },
      { shortCode: "RvdK", involvement: "LEADS" },
    ]);
    expect(first?.decisions).toEqual([
      {
        id: expect.any(String),
        text: "De Raad start een beschermingsonderzoek.",
        earlierTexts: [],
        dissents: [{ organisation: "POL", reason: "Eerst een gesprek met de ouders." }],
      },
    ]);
    expect(first?.needs.map((n) => [n.by, n.status])).toEqual([["RvdK", "OPEN"]]);
    expect(first?.actions.map((a) => [a.owner, a.description, a.status, a.overdue])).toEqual([
      ["POL", "Meldingen van het laatste jaar delen met de Raad", "OPEN", false],
    ]);
    // The Board sat at the first table only; the chair at both as their chair.
    expect((await caseTimeline(rvdk, caseId)).map((e) => e.meeting.title)).toEqual(["Eerste tafel"]);
    expect((await caseTimeline(chair, caseId)).map((e) => e.meeting.title)).toEqual(["Eerste tafel", "Tweede tafel"]);
    expect(await caseTimeline(recl, caseId)).toEqual([]);
  });

  it("names who leads now: the organisation that took the lead at the latest table where one did", async () => {
    const { caseId } = await caseAtTwoTables();
    expect(await currentLead(caseId)).toMatchObject({ shortCode: "RvdK", since: { title: "Eerste tafel" } });
    const fresh = await createCase(
      police,
      { region: "Westerduin", description: "Gezin, nog nergens besproken.", riskLevel: "LOW" },
      meta,
    );
    const id = (await prisma.case.findUniqueOrThrow({ where: { reference: fresh.reference } })).id;
    expect(await currentLead(id)).toBeNull();
  });
});

describe("regie as its own record", () => {
  const propose = (
    by: SessionUser,
    reference: string,
    kind: "PROCESS" | "CONTENT",
    to: SessionUser,
    reason = "Zij kennen het gezin het langst.",
  ) => proposeRegie(by, reference, { kind, organisationId: to.organisation.id, reason }, meta);
  const answer = (
    by: SessionUser,
    reference: string,
    regieId: string,
    version: number,
    what: "accept" | "decline" | "withdraw",
    declineReason = "",
  ) => answerRegie(by, reference, { regieId, version, answer: what, declineReason }, meta);

  it("a handover takes effect when the receiving organisation accepts; the earlier holder's ends; the history keeps every step", async () => {
    const { reference, caseId } = await caseAtTwoTables();
    // The police brought the case in: they hand casusregie to the Board, which accepts.
    const first = await propose(police, reference, "CONTENT", rvdk);
    expect(await outcome(answer(police, reference, first.id, 1, "accept"))).toBe(
      "forbidden:cases.regie.errors.notYours",
    );
    await answer(rvdk, reference, first.id, 1, "accept");
    // The Board, now holding it, hands it back; the police decline with a reason; then accept a second one.
    const back = await propose(rvdk, reference, "CONTENT", police, "De politie heeft nu de meeste informatie.");
    expect(await outcome(propose(rvdk, reference, "CONTENT", police))).toBe("rule:cases.regie.errors.waiting");
    await answer(police, reference, back.id, 1, "decline", "Eerst het onderzoek van de Raad afwachten.");
    const again = await propose(rvdk, reference, "CONTENT", police, "Het onderzoek is klaar.");
    expect(await outcome(answer(police, reference, again.id, 7, "accept"))).toBe("conflict:cases.regie.errors.stale");
    await answer(police, reference, again.id, 1, "accept");
    const view = await regieOf(police, caseId);
    const content = view.kinds.find((k) => k.kind === "CONTENT");
    expect(content?.holder?.organisation.shortCode).toBe("POL");
    expect(view.history.map((e) => [e.organisation.shortCode, e.status])).toEqual([
      ["POL", "ACCEPTED"],
      ["POL", "DECLINED"],
      ["RvdK", "ENDED"],
    ]);
    expect(view.history[1]?.declineReason).toBe("Eerst het onderzoek van de Raad afwachten.");
    expect(
      await prisma.auditEvent.count({ where: { subjectId: reference, action: { startsWith: "case.regie." } } }),
    ).toBe(6);
  });

  it("only the bringing organisation, the holder or the case's chair hands over, only to an organisation that may see the case; outsiders get 404", async () => {
    const { reference } = await caseAtTwoTables();
    // The Board sat at the table but neither brought the case in nor holds procesregie.
    expect(await outcome(propose(rvdk, reference, "PROCESS", police))).toBe("forbidden:cases.regie.errors.notYours");
    // Probation never sat at this case's table: it cannot receive it, and cannot see the case at all.
    expect(await outcome(propose(police, reference, "PROCESS", recl))).toBe("rule:cases.regie.errors.notACandidate");
    expect(await thrownStatus(propose(recl, reference, "PROCESS", recl))).toBe(404);
    // The chair of its meetings may: procesregie to the Board, which may withdraw nothing it did not propose.
    const proposal = await propose(chair, reference, "PROCESS", rvdk);
    expect(await outcome(answer(rvdk, reference, proposal.id, 1, "withdraw"))).toBe(
      "forbidden:cases.regie.errors.notYours",
    );
    await answer(chair, reference, proposal.id, 1, "withdraw");
    expect(await prisma.caseRegie.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "WITHDRAWN",
    });
    // A reason with an identifier is refused by the schema (identifier guard).
    expect(
      regieProposalSchema.safeParse({ kind: "PROCESS", organisationId: rvdk.organisation.id, reason: "BSN 111222333" })
        .success,
    ).toBe(false);
  });
});

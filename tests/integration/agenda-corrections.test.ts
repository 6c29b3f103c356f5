import { randomUUID } from "node:crypto";

import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { createCase } from "~/domain/cases/cases.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { addNeed, closeItem, endMeeting, saveRoleCard, setCurrentItem, startMeeting } from "~/domain/live/live.server";
import { removeAgendaItem, updateAgendaItem } from "~/domain/meetings/agenda-corrections.server";
import { insertItem } from "~/domain/meetings/agenda.server";
import { requireChairOf } from "~/domain/meetings/meeting-chair.server";
import { agendaItemRemovalSchema } from "~/domain/meetings/meeting.schema";
import {
  acceptProposal,
  addAgendaItem,
  getMeeting,
  listMeetings,
  proposeItem,
} from "~/domain/meetings/meetings.server";
import { runRetention } from "~/domain/retention/retention.server";

import { meetingWithTables, roleCardOf } from "../support/live-meeting";
import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.31" };
let chair: SessionUser;
let police: SessionUser;
let board: SessionUser;
let om: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [chair, police, board, om] = await Promise.all([
    sessionUser("voorzitter@veiligthuis.demo"),
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@om.demo"),
  ]);
});

const version = async (itemId: string) =>
  (await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } })).version;
const tableOf = async (itemId: string) =>
  (await prisma.agendaItemTable.findMany({ where: { agendaItemId: itemId }, select: { organisationId: true } }))
    .map((t) => t.organisationId)
    .sort();

describe("correcting an agenda item", () => {
  it("the chair changes question, time and table after publishing: marked, audited, and the table's view follows", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] } },
      invited: ["POL", "OM", "VT"],
    });
    const ids = (codes: string[]) => codes.map((c) => org[c] as string);
    expect((await getMeeting(om, meetingId, meta)).items[0]?.content).toBeNull();
    const result = await updateAgendaItem(
      chair,
      meetingId,
      itemIds.A,
      {
        question: "Wie neemt de regie, en wanneer?",
        timeboxMinutes: 20,
        tableOrganisationIds: ids(["OM"]),
        version: 1,
      },
      meta,
    );
    expect(result).toEqual({ ok: true });
    // The asking organisation (Veilig Thuis) stays at the table; the police left it, the OM joined.
    expect(await tableOf(itemIds.A)).toEqual(ids(["OM", "VT"]).sort());
    const forOm = (await getMeeting(om, meetingId, meta)).items[0];
    expect(forOm?.content?.question).toBe("Wie neemt de regie, en wanneer?");
    expect(forOm?.timeboxMinutes).toBe(20);
    expect(forOm?.changedAfterPublish).toBe(true);
    const forPolice = await getMeeting(police, meetingId, meta);
    expect(forPolice.items[0]?.content).toBeNull();
    expect(JSON.stringify(forPolice)).not.toContain("Wie neemt de regie");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "meeting.item.updated", subjectId: meetingId },
    });
    expect(audit.details).toMatchObject({ added: ids(["OM"]), removed: ids(["POL"]) });
    expect(await version(itemIds.A)).toBe(2);
  });

  it("a stale correction is refused with the item as it is now; nothing is overwritten", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({ items: { A: { table: ["POL", "VT"] } } });
    const table = [org.POL as string];
    await updateAgendaItem(
      chair,
      meetingId,
      itemIds.A,
      { question: "Eerste correctie", timeboxMinutes: 10, tableOrganisationIds: table, version: 1 },
      meta,
    );
    const refused = updateAgendaItem(
      chair,
      meetingId,
      itemIds.A,
      { question: "Tweede, op de oude versie", timeboxMinutes: 10, tableOrganisationIds: table, version: 1 },
      meta,
    );
    await expect(refused).rejects.toMatchObject({
      code: "conflict",
      key: "meetings.errors.staleItem",
      current: { question: "Eerste correctie", version: 2 },
    });
    expect((await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemIds.A } })).question).toBe("Eerste correctie");
  });

  it("only the chair corrects; an organisation that is not invited cannot sit at the table; a finished meeting stays as it was", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] } },
      invited: ["POL", "VT"],
      state: "live",
    });
    const input = { question: "Vraag", timeboxMinutes: 10, tableOrganisationIds: [org.POL as string], version: 1 };
    expect(await thrownStatus(updateAgendaItem(police, meetingId, itemIds.A, input, meta))).toBe(404);
    expect(await thrownStatus(removeAgendaItem(police, meetingId, itemIds.A, { reason: "x", version: 1 }, meta))).toBe(
      404,
    );
    await expect(
      updateAgendaItem(chair, meetingId, itemIds.A, { ...input, tableOrganisationIds: [org.OM as string] }, meta),
    ).rejects.toThrow("meetings.errors.tableNotInvited");
    await endMeeting(chair, meetingId, meta);
    await expect(updateAgendaItem(chair, meetingId, itemIds.A, input, meta)).rejects.toThrow(
      "meetings.errors.closedForChanges",
    );
  });

  it("a case is not added to a meeting that started after the chair's page was read", async () => {
    const { meetingId, org } = await meetingWithTables({ items: { A: { table: ["POL"] } }, invited: ["POL"] });
    const read = await requireChairOf(chair, meetingId); // as the add form read it: still published
    await startMeeting(chair, meetingId, meta);
    const { reference } = await createCase(
      chair,
      { region: "Westerduin", description: "Gezin, 1 kind.", riskLevel: "LOW" },
      meta,
    );
    const caseId = (await prisma.case.findUniqueOrThrow({ where: { reference } })).id;
    const input = {
      caseId,
      question: "Wie?",
      askingOrganisationId: org.VT as string,
      timeboxMinutes: 10,
      tableOrganisationIds: [org.POL as string],
    };
    await expect(insertItem(read, input, new Date())).rejects.toThrow("meetings.errors.closedForChanges");
    expect(await prisma.agendaItem.count({ where: { meetingId } })).toBe(1);
  });

  it("a closed item at the live table is not corrected", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] } },
      state: "live",
    });
    await closeItem(chair, meetingId, { itemId: itemIds.A, confirmOpenNeeds: false }, meta);
    await expect(
      updateAgendaItem(
        chair,
        meetingId,
        itemIds.A,
        { question: "Later", timeboxMinutes: 10, tableOrganisationIds: [org.POL as string], version: 1 },
        meta,
      ),
    ).rejects.toThrow("live.errors.itemClosed");
  });
});

describe("the same case twice on one agenda", () => {
  it("is refused, added directly or from a proposal", async () => {
    const { meetingId, references, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] } },
      invited: ["POL", "VT"],
    });
    const again = {
      caseReference: references.A,
      question: "Nog een keer",
      askingOrganisationId: org.VT as string,
      timeboxMinutes: 10,
      tableOrganisationIds: [org.POL as string],
    };
    await expect(addAgendaItem(chair, meetingId, again, meta)).rejects.toThrow("meetings.errors.caseAlreadyOnAgenda");
    // The police propose their own case; once on the agenda, accepting a second proposal for it is refused.
    const { reference } = await createCase(
      police,
      { region: "Westerduin", description: "Casus van de politie.", riskLevel: "ELEVATED" },
      meta,
    );
    const proposal = { caseReference: reference, question: "Graag aan tafel", timeboxMinutes: 10 };
    const first = await proposeItem(police, meetingId, proposal, meta);
    const second = await proposeItem(police, meetingId, { ...proposal, question: "Nog eens" }, meta);
    await acceptProposal(chair, first.id, { tableOrganisationIds: [org.VT as string] }, meta);
    await expect(acceptProposal(chair, second.id, { tableOrganisationIds: [org.VT as string] }, meta)).rejects.toThrow(
      "meetings.errors.caseAlreadyOnAgenda",
    );
    // Two at once: one is on the agenda, the other refused.
    const { reference: third } = await createCase(
      chair,
      { region: "Westerduin", description: "Derde casus.", riskLevel: "HIGH" },
      meta,
    );
    const both = await Promise.allSettled(
      [1, 2].map(() => addAgendaItem(chair, meetingId, { ...again, caseReference: third }, meta)),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.agendaItem.count({ where: { meetingId, case: { reference: third } } })).toBe(1);
  });
});

describe("taking an item off the agenda", () => {
  it("a draft's item simply goes", async () => {
    const { meetingId, itemIds } = await meetingWithTables({ items: { A: { table: ["POL", "VT"] } }, state: "draft" });
    await removeAgendaItem(chair, meetingId, itemIds.A, { reason: "", version: 1 }, meta);
    const agenda = await getMeeting(chair, meetingId, meta);
    expect(agenda.items).toHaveLength(0);
    expect(agenda.removedItems).toHaveLength(0);
  });

  it("after publishing it needs a reason; the invitees see it dropped, only its table sees why", async () => {
    const { meetingId, itemIds, references } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] }, B: { table: ["RvdK", "VT"] } },
      invited: ["POL", "RvdK", "VT"],
    });
    await expect(removeAgendaItem(chair, meetingId, itemIds.A, { reason: "", version: 1 }, meta)).rejects.toThrow(
      "meetings.errors.removalReason",
    );
    // The reason is guarded like every free text that reaches another organisation.
    expect(agendaItemRemovalSchema.safeParse({ reason: "Gezin De Vries verhuisd", version: 1 }).success).toBe(false);
    await removeAgendaItem(
      chair,
      meetingId,
      itemIds.A,
      { reason: "Het gezin is verhuisd naar een andere regio.", version: 1 },
      meta,
    );
    const forPolice = await getMeeting(police, meetingId, meta);
    expect(forPolice.items.map((i) => i.reference)).toEqual([references.B]);
    expect(forPolice.removedItems).toEqual([
      expect.objectContaining({ reference: references.A, reason: "Het gezin is verhuisd naar een andere regio." }),
    ]);
    expect(forPolice.changedAfterPublishAt).not.toBeNull();
    const forBoard = await getMeeting(board, meetingId, meta);
    expect(forBoard.removedItems).toEqual([expect.objectContaining({ reference: references.A, reason: null })]);
    expect(JSON.stringify(forBoard)).not.toContain("verhuisd");
    expect(await prisma.agendaItem.count({ where: { id: itemIds.A } })).toBe(0);
  });

  it("at the live table: not an item that was written on or is on the table now", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] }, B: { table: ["POL", "VT"] }, C: { table: ["POL", "VT"] } },
      state: "live",
    });
    const reason = { reason: "Niet meer nodig.", version: 1 };
    await expect(removeAgendaItem(chair, meetingId, itemIds.A, reason, meta)).rejects.toThrow(
      "meetings.errors.itemOnTable",
    );
    await addNeed(police, { key: randomUUID(), itemId: itemIds.B, text: "Wij hebben de risicotaxatie nodig." }, meta);
    await expect(removeAgendaItem(chair, meetingId, itemIds.B, reason, meta)).rejects.toThrow(
      "meetings.errors.itemWrittenOn",
    );
    await removeAgendaItem(chair, meetingId, itemIds.C, reason, meta);
    expect(await prisma.roleCard.count({ where: { agendaItemId: itemIds.C } })).toBe(0);
    expect(org.POL).toBeTruthy();
  });
});

describe("taking an item off a live agenda while the table writes on it", () => {
  it("waits for a board write in flight and then refuses: a saved need never disappears with its item", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] }, B: { table: ["POL", "VT"] } },
      state: "live",
    });
    // A board write in flight, as the one-statement writes do it: the item bumped, a need inserted,
    // not yet committed.
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE "AgendaItem" SET "liveSeq" = "liveSeq" + 1 WHERE id = $1`, [itemIds.B]);
      await writer.query(
        `INSERT INTO "Need" (id, "agendaItemId", "organisationId", text, "createdById") VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), itemIds.B, org.POL, "Wij hebben het dossier nodig.", police.id],
      );
      const removal = removeAgendaItem(chair, meetingId, itemIds.B, { reason: "Elders belegd.", version: 1 }, meta);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the removal is waiting for the item
      await writer.query("COMMIT");
      await expect(removal).rejects.toThrow("meetings.errors.itemWrittenOn");
    } finally {
      await writer.end();
    }
    expect(await prisma.need.count({ where: { agendaItemId: itemIds.B } })).toBe(1);
  });
});

describe("an organisation leaves a live table", () => {
  it("after writing on the board: the chair chooses, and the choice is recorded", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "RvdK", "VT"] } },
      invited: ["POL", "RvdK", "OM", "VT"],
      state: "live",
    });
    const card = await roleCardOf(itemIds.A, org.POL as string);
    await saveRoleCard(
      police,
      {
        key: randomUUID(),
        cardId: card.id,
        version: card.version,
        roleInCase: "Wij doen het buurtonderzoek.",
        knowledge: "",
        knowledgeLegalBasis: "",
        contribution: "",
        limitsHere: "",
      },
      meta,
    );
    const input = {
      question: "Vraag A: wie neemt de regie?",
      timeboxMinutes: 10,
      tableOrganisationIds: [org.RvdK as string, org.OM as string],
      version: 1,
    };
    // The police wrote; the Board did not.
    expect(await updateAgendaItem(chair, meetingId, itemIds.A, input, meta)).toEqual({
      ok: false,
      contributions: [org.POL],
    });
    expect(await tableOf(itemIds.A)).toContain(org.POL);
    expect(await updateAgendaItem(chair, meetingId, itemIds.A, { ...input, contributions: "remove" }, meta)).toEqual({
      ok: true,
    });
    expect(await prisma.roleCard.count({ where: { agendaItemId: itemIds.A, organisationId: org.POL } })).toBe(0);
    // The OM joined the live table: its role card is there, pre-filled from its profile.
    const omCard = await roleCardOf(itemIds.A, org.OM as string);
    expect((omCard.profile as { offers: string[] }).offers.length).toBeGreaterThan(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "meeting.item.updated", subjectId: meetingId },
    });
    expect(audit.details).toMatchObject({ contributionsOf: [org.POL], contributions: "remove" });
    // The police no longer see the item's content; they still see the meeting.
    expect((await getMeeting(police, meetingId, meta)).items[0]?.content).toBeNull();
  });

  it("kept contributions stay on the board", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] }, B: { table: ["POL", "VT"] } },
      state: "live",
    });
    await setCurrentItem(chair, meetingId, itemIds.B, meta);
    await addNeed(police, { key: randomUUID(), itemId: itemIds.A, text: "Wij willen het dossier zien." }, meta);
    const input = { question: "Vraag A", timeboxMinutes: 10, tableOrganisationIds: [org.VT as string], version: 1 };
    expect(await updateAgendaItem(chair, meetingId, itemIds.A, input, meta)).toEqual({
      ok: false,
      contributions: [org.POL],
    });
    const kept = await updateAgendaItem(chair, meetingId, itemIds.A, { ...input, contributions: "keep" }, meta);
    expect(kept).toEqual({ ok: true });
    expect(await prisma.need.count({ where: { agendaItemId: itemIds.A, organisationId: org.POL } })).toBe(1);
    // Their empty role card went with them: the board shows no card of an organisation not at it.
    expect(await prisma.roleCard.count({ where: { agendaItemId: itemIds.A, organisationId: org.POL } })).toBe(0);
  });
});

describe("retention", () => {
  it("erases the reason an item was dropped with the rest of the case", async () => {
    const { meetingId, itemIds, references } = await meetingWithTables({ items: { A: { table: ["POL", "VT"] } } });
    await removeAgendaItem(chair, meetingId, itemIds.A, { reason: "Dubbel aangemeld bij de tafel.", version: 1 }, meta);
    const closedLongAgo = new Date(Date.now() - 3 * 365 * 24 * 3600_000);
    await prisma.case.update({
      where: { reference: references.A },
      data: { status: "CLOSED", closedAt: closedLongAgo },
    });
    await runRetention({ dryRun: false, months: 24 });
    const removed = await prisma.removedAgendaItem.findFirstOrThrow({ where: { meetingId } });
    expect(removed.reason).not.toContain("Dubbel");
  });
});

describe("the meeting list", () => {
  it("lists a finished meeting under earlier meetings, even when it ended before its planned end", async () => {
    const { meetingId } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] } },
      startsAt: new Date(Date.now() + 24 * 3600_000),
      state: "live",
    });
    expect((await listMeetings(police)).upcoming.map((m) => m.id)).toContain(meetingId);
    await endMeeting(chair, meetingId, meta);
    const { upcoming, past } = await listMeetings(police);
    expect(upcoming.map((m) => m.id)).not.toContain(meetingId);
    expect(past.map((m) => m.id)).toContain(meetingId);
  });
});

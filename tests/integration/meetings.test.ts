import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { createCase, openCase } from "~/domain/cases/cases.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { DomainError } from "~/domain/errors.server";
import { declineProposalSchema, newAgendaItemSchema } from "~/domain/meetings/meeting.schema";
import {
  acceptProposal,
  addAgendaItem,
  createMeeting,
  declineProposal,
  getMeeting,
  listProposals,
  moveAgendaItem,
  proposeItem,
  publishMeeting,
  listMeetingsForAdmin,
  reassignChair,
  reorderAgenda,
  updateMeeting,
} from "~/domain/meetings/meetings.server";

import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.7" };
let chair: SessionUser;
let recl: SessionUser;
let police: SessionUser;
let admin: SessionUser;
let om: SessionUser;
const org: Record<string, string> = {};

beforeAll(async () => {
  await seedDemoData();
  [chair, recl, police, admin] = await Promise.all([
    sessionUser("voorzitter@veiligthuis.demo"),
    sessionUser("medewerker@reclassering.demo"),
    sessionUser("medewerker@politie.demo"),
    sessionUser("admin@actie-overleg.demo"),
  ]);
  om = await sessionUser("medewerker@om.demo");
  for (const o of await prisma.organisation.findMany({ select: { id: true, shortCode: true } }))
    org[o.shortCode] = o.id;
});

const partners = () => ["POL", "OM", "RECL", "RvdK", "VT", "WT"].map((c) => org[c] as string);

async function meetingWithThreeItems() {
  const meeting = await createMeeting(
    chair,
    {
      title: "Actie-overleg Westerduin",
      region: "Westerduin",
      startsAt: new Date("2026-12-03T09:00:00Z"),
      durationMinutes: 90,
      location: "ZVH, zaal 2",
      invitedOrganisationIds: partners(),
    },
    meta,
  );
  const tables = [
    ["POL", "RECL", "VT"],
    ["POL", "RvdK", "VT"], // probation is not at this table
    ["OM", "RECL", "VT", "WT"],
  ];
  const references: string[] = [];
  for (const [i, table] of tables.entries()) {
    const { reference } = await createCase(
      chair,
      { region: "Westerduin", description: `Casus ${i + 1}: gezin met kinderen.`, riskLevel: "HIGH" },
      meta,
    );
    references.push(reference);
    await addAgendaItem(
      chair,
      meeting.id,
      {
        caseReference: reference,
        question: `Vraag ${i + 1}: wie neemt de regie?`,
        askingOrganisationId: org.VT as string,
        timeboxMinutes: 15,
        tableOrganisationIds: table.map((c) => org[c] as string),
      },
      meta,
    );
  }
  return { meetingId: meeting.id, references };
}

describe("meetings", () => {
  it("only chairs create meetings", async () => {
    const input = {
      title: "x",
      region: "x",
      startsAt: new Date(),
      durationMinutes: 60,
      location: "x",
      invitedOrganisationIds: partners(),
    };
    expect(await thrownStatus(createMeeting(police, input, meta))).toBe(403);
    expect(await thrownStatus(createMeeting(chair, input, meta))).toBe(200);
  });

  it("a draft is the chair's alone; once published, invitees see it and others do not", async () => {
    const { meetingId } = await meetingWithThreeItems();
    expect(await thrownStatus(getMeeting(recl, meetingId, meta))).toBe(404);
    expect((await getMeeting(chair, meetingId, meta)).items).toHaveLength(3);
    await publishMeeting(chair, meetingId, meta);
    expect((await getMeeting(recl, meetingId, meta)).status).toBe("PUBLISHED");
    // The Zorg- en Veiligheidshuis (the platform admin's organisation) is not invited.
    expect(await thrownStatus(getMeeting(admin, meetingId, meta))).toBe(404);
  });

  it("an invitee not at item 2's table sees items 1 and 3 in full, item 2 only as reference and timebox", async () => {
    const { meetingId, references } = await meetingWithThreeItems();
    await publishMeeting(chair, meetingId, meta);
    const agenda = await getMeeting(recl, meetingId, meta);
    expect(agenda.items.map((i) => [i.reference, i.timeboxMinutes, i.content?.question ?? null])).toEqual([
      [references[0], 15, "Vraag 1: wie neemt de regie?"],
      [references[1], 15, null],
      [references[2], 15, "Vraag 3: wie neemt de regie?"],
    ]);
    expect(JSON.stringify(agenda)).not.toContain("Vraag 2");
    // The case behind item 2 is not theirs to open; the one behind item 1 is.
    expect(await thrownStatus(openCase(recl, references[1] as string, meta))).toBe(404);
    expect((await openCase(recl, references[0] as string, meta)).description).toBe("Casus 1: gezin met kinderen.");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "meeting.agenda.viewed", actorUserId: recl.id },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toEqual({ cases: [references[0], references[2]] });
  });

  it("before publishing, sitting at a table does not open the case", async () => {
    const { references } = await meetingWithThreeItems();
    expect(await thrownStatus(openCase(recl, references[0] as string, meta))).toBe(404);
  });

  it("only the chair changes the agenda; the table must be invited; another's case cannot be added directly", async () => {
    const { meetingId, references } = await meetingWithThreeItems();
    const item = {
      caseReference: references[0] as string,
      question: "Nog een vraag",
      askingOrganisationId: org.VT as string,
      timeboxMinutes: 10,
      tableOrganisationIds: [org.VT as string],
    };
    expect(await thrownStatus(addAgendaItem(recl, meetingId, item, meta))).toBe(404);
    await expect(
      addAgendaItem(chair, meetingId, { ...item, tableOrganisationIds: [org.ZVH as string] }, meta),
    ).rejects.toThrow(DomainError);
    const { reference: policeCase } = await createCase(
      police,
      { region: "Westerduin", description: "Casus van de politie.", riskLevel: "LOW" },
      meta,
    );
    await expect(addAgendaItem(chair, meetingId, { ...item, caseReference: policeCase }, meta)).rejects.toThrow(
      "meetings.errors.unknownCase",
    );
  });

  it("reorders by moving an item up or down, and marks items added after publishing", async () => {
    const { meetingId, references } = await meetingWithThreeItems();
    const third = (await getMeeting(chair, meetingId, meta)).items[2]!;
    await moveAgendaItem(chair, meetingId, third.id, "up");
    await moveAgendaItem(chair, meetingId, third.id, "up");
    await moveAgendaItem(chair, meetingId, third.id, "up"); // already first: nothing happens
    expect((await getMeeting(chair, meetingId, meta)).items.map((i) => i.reference)).toEqual([
      references[2],
      references[0],
      references[1],
    ]);
    expect(await thrownStatus(moveAgendaItem(police, meetingId, third.id, "down"))).toBe(404);

    await publishMeeting(chair, meetingId, meta);
    const { reference } = await createCase(
      chair,
      { region: "Westerduin", description: "Late casus.", riskLevel: "ACUTE" },
      meta,
    );
    await addAgendaItem(
      chair,
      meetingId,
      {
        caseReference: reference,
        question: "Spoed",
        askingOrganisationId: org.VT as string,
        timeboxMinutes: 10,
        tableOrganisationIds: [org.POL as string],
      },
      meta,
    );
    const agenda = await getMeeting(chair, meetingId, meta);
    expect(agenda.items.map((i) => i.changedAfterPublish)).toEqual([false, false, false, true]);
    expect(agenda.plannedMinutes).toBe(55);
    // A move after publishing marks the two items that changed place, and is audited.
    await moveAgendaItem(chair, meetingId, agenda.items[1]!.id, "down");
    expect((await getMeeting(chair, meetingId, meta)).items.map((i) => i.changedAfterPublish)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "meeting.agenda.reordered", subjectId: meetingId } })).toBe(
      3,
    );
  });

  it("sets a whole new order at once, refusing an order built on an outdated agenda", async () => {
    const { meetingId, references } = await meetingWithThreeItems();
    const ids = (await getMeeting(chair, meetingId, meta)).items.map((i) => i.id);
    await reorderAgenda(chair, meetingId, [ids[2], ids[0], ids[1]] as string[]);
    expect((await getMeeting(chair, meetingId, meta)).items.map((i) => i.reference)).toEqual([
      references[2],
      references[0],
      references[1],
    ]);
    await expect(reorderAgenda(chair, meetingId, [ids[0], ids[1]] as string[])).rejects.toThrow(
      "meetings.errors.staleOrder",
    );
    await expect(reorderAgenda(chair, meetingId, [ids[0], ids[0], ids[1]] as string[])).rejects.toThrow(
      "meetings.errors.staleOrder",
    );
    expect(await thrownStatus(reorderAgenda(police, meetingId, ids))).toBe(404);
    expect((await getMeeting(chair, meetingId, meta)).items.map((i) => i.reference)).toEqual([
      references[2],
      references[0],
      references[1],
    ]);
  });

  it("the chair edits details; a stale edit is refused with the current details; a seated invitee stays", async () => {
    const { meetingId } = await meetingWithThreeItems();
    const details = {
      title: "Nieuwe titel",
      region: "Westerduin",
      startsAt: new Date("2026-12-10T09:00:00Z"),
      durationMinutes: 60,
      location: "Online",
      invitedOrganisationIds: partners(),
    };
    expect(await updateMeeting(chair, meetingId, { ...details, version: 1 }, meta)).toEqual({ ok: true });
    // A second editor still holding version 1:
    const stale = await updateMeeting(chair, meetingId, { ...details, title: "Andere titel", version: 1 }, meta);
    expect(stale).toMatchObject({ ok: false, current: { title: "Nieuwe titel", version: 2 } });
    expect((await getMeeting(chair, meetingId, meta)).title).toBe("Nieuwe titel");
    // Probation sits at two tables: it cannot be uninvited.
    await expect(
      updateMeeting(
        chair,
        meetingId,
        { ...details, invitedOrganisationIds: partners().filter((id) => id !== org.RECL), version: 2 },
        meta,
      ),
    ).rejects.toThrow("meetings.errors.inviteeAtTable");
    expect(await thrownStatus(updateMeeting(police, meetingId, { ...details, version: 2 }, meta))).toBe(404);
  });

  it("marks a change to a published meeting", async () => {
    const { meetingId } = await meetingWithThreeItems();
    await publishMeeting(chair, meetingId, meta);
    expect((await getMeeting(recl, meetingId, meta)).changedAfterPublishAt).toBeNull();
    const details = {
      title: "Actie-overleg Westerduin",
      region: "Westerduin",
      startsAt: new Date("2026-12-03T10:00:00Z"),
      durationMinutes: 90,
      location: "ZVH, zaal 3",
      invitedOrganisationIds: partners(),
    };
    expect((await updateMeeting(chair, meetingId, { ...details, version: 1 }, meta)).ok).toBe(true);
    expect((await getMeeting(recl, meetingId, meta)).changedAfterPublishAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "meeting.updated", subjectId: meetingId } })).toBe(1);
  });

  it("refuses a question with a phone number, saying what was found", () => {
    const result = newAgendaItemSchema.safeParse({
      caseReference: "AO-2026-0001",
      question: "Moeder bereikbaar op 06-12345678?",
      askingOrganisationId: "x",
      timeboxMinutes: 10,
      tableOrganisationIds: ["x"],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("privacy.found.phone");
  });
});

describe("proposals", () => {
  async function publishedMeetingAndOmCase() {
    const { meetingId } = await meetingWithThreeItems();
    await publishMeeting(chair, meetingId, meta);
    const { reference } = await createCase(
      om,
      { region: "Westerduin", description: "Verdachte in ZSM-traject.", riskLevel: "ELEVATED" },
      meta,
    );
    return { meetingId, reference };
  }
  const proposal = (caseReference: string) => ({
    caseReference,
    question: "Kan de reclassering toezicht houden?",
    timeboxMinutes: 10,
  });

  it("a member proposes their own case; the chair accepts and it joins the agenda", async () => {
    const { meetingId, reference } = await publishedMeetingAndOmCase();
    const { id } = await proposeItem(om, meetingId, proposal(reference), meta);
    expect((await listProposals(chair, meetingId)).map((p) => [p.case.reference, p.status])).toEqual([
      [reference, "PENDING"],
    ]);
    expect(await listProposals(recl, meetingId)).toEqual([]); // not theirs
    expect(await thrownStatus(acceptProposal(recl, id, { tableOrganisationIds: [org.OM as string] }, meta))).toBe(404);

    await acceptProposal(chair, id, { tableOrganisationIds: [org.RECL as string, org.VT as string] }, meta);
    const agenda = await getMeeting(om, meetingId, meta);
    const added = agenda.items.at(-1);
    expect(added).toMatchObject({
      reference,
      changedAfterPublish: true,
      content: { askingOrganisation: "OM", tables: expect.arrayContaining(["OM", "RECL", "VT"]) },
    });
    expect((await listProposals(om, meetingId))[0]?.status).toBe("TO_MEETING");
    // Now at the table, probation may open the case; deciding again is refused.
    expect((await openCase(recl, reference, meta)).reference).toBe(reference);
    await expect(acceptProposal(chair, id, { tableOrganisationIds: [org.VT as string] }, meta)).rejects.toThrow(
      "meetings.errors.alreadyDecided",
    );
  });

  it("two accepts at once add the case once", async () => {
    const { meetingId, reference } = await publishedMeetingAndOmCase();
    const { id } = await proposeItem(om, meetingId, proposal(reference), meta);
    const results = await Promise.allSettled([
      acceptProposal(chair, id, { tableOrganisationIds: [org.VT as string] }, meta),
      acceptProposal(chair, id, { tableOrganisationIds: [org.VT as string] }, meta),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getMeeting(chair, meetingId, meta)).items.filter((i) => i.reference === reference)).toHaveLength(1);
  });

  it("the chair declines with a reason the proposer sees", async () => {
    const { meetingId, reference } = await publishedMeetingAndOmCase();
    const { id } = await proposeItem(om, meetingId, proposal(reference), meta);
    expect(declineProposalSchema.safeParse({ reason: "Bel mij: 06-12345678" }).success).toBe(false);
    await declineProposal(chair, id, { reason: "Past beter in het ZSM-overleg van volgende week." }, meta);
    expect(await listProposals(om, meetingId)).toEqual([
      expect.objectContaining({
        status: "RETURNED",
        outcomeReason: "Past beter in het ZSM-overleg van volgende week.",
      }),
    ]);
    expect((await getMeeting(chair, meetingId, meta)).items.map((i) => i.reference)).not.toContain(reference);
  });

  it("cannot propose for a draft, for a meeting one is not invited to, or another organisation's case", async () => {
    const { meetingId: draft, references } = await meetingWithThreeItems();
    const { reference } = await createCase(om, { region: "Westerduin", description: "Casus.", riskLevel: "LOW" }, meta);
    expect(await thrownStatus(proposeItem(om, draft, proposal(reference), meta))).toBe(404);
    await publishMeeting(chair, draft, meta);
    expect(await thrownStatus(proposeItem(admin, draft, proposal(reference), meta))).toBe(404);
    await expect(proposeItem(om, draft, proposal(references[0] as string), meta)).rejects.toThrow(
      "meetings.errors.unknownCase",
    );
  });
});

describe("reassigning the chair", () => {
  it("only a platform admin hands a meeting to another chair; the old chair loses it, the new one gets it", async () => {
    const { meetingId } = await meetingWithThreeItems();
    const second = await prisma.user.create({
      data: {
        email: "voorzitter2@politie.demo",
        name: "Tweede Voorzitter",
        functionTitle: "Voorzitter",
        organisationId: org.POL as string,
        roles: ["CHAIR", "MEMBER"],
        password: { create: { hash: (await prisma.password.findFirstOrThrow()).hash } },
      },
    });
    expect(await thrownStatus(reassignChair(chair, meetingId, second.id, meta))).toBe(403);
    await expect(reassignChair(admin, meetingId, recl.id, meta)).rejects.toThrow("meetings.errors.notAChair");
    expect(await thrownStatus(reassignChair(admin, "bestaat-niet", second.id, meta))).toBe(404);

    await reassignChair(admin, meetingId, second.id, meta);
    const newChair = await sessionUser("voorzitter2@politie.demo");
    expect((await getMeeting(newChair, meetingId, meta)).isChair).toBe(true);
    expect(await thrownStatus(publishMeeting(chair, meetingId, meta))).toBe(404);
    await publishMeeting(newChair, meetingId, meta);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "meeting.chair.reassigned", subjectId: meetingId },
    });
    expect(audit.details).toEqual({ from: chair.id, to: second.id });
  });

  it("the admin list shows no agenda content and is for platform admins only", async () => {
    await meetingWithThreeItems();
    expect(await thrownStatus(listMeetingsForAdmin(chair))).toBe(403);
    const { meetings } = await listMeetingsForAdmin(admin);
    expect(meetings.length).toBeGreaterThan(0);
    expect(JSON.stringify(meetings)).not.toContain("Vraag 1");
  });
});

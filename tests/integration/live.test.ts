import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { actionsForAgenda } from "~/domain/actions/agenda-actions.server";
import { createCase } from "~/domain/cases/cases.server";
import { DEMO_MEETING_TITLE, seedDemoMeeting } from "~/domain/demo/demo-meeting.server";
import { DEMO_PAST_MEETING_TITLE } from "~/domain/demo/demo-past-meeting.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import type { DomainError } from "~/domain/errors.server";
import { actionSchema, decisionSchema, roleCardSchema } from "~/domain/live/live.schema";
import {
  addAction,
  addDecision,
  addNeed,
  addressNeed,
  closeItem,
  endMeeting,
  loadBoard,
  saveRoleCard,
  setActionStatus,
  setCurrentItem,
  setResponsibility,
  startMeeting,
} from "~/domain/live/live.server";
import { addAgendaItem } from "~/domain/meetings/meetings.server";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { liveMeeting, meetingWithTables, organisationIds, roleCardOf } from "../support/live-meeting";
import { outcome } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.10" };
const key = () => randomUUID();
let police: SessionUser;
let rvdk: SessionUser;
let recl: SessionUser;
let localTeam: SessionUser;
let policeAdmin: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, recl, localTeam, policeAdmin] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@reclassering.demo"),
    sessionUser("medewerker@wijkteam.demo"),
    sessionUser("beheer@politie.demo"),
  ]);
});

/** "ok", or the refusal as `code:key`. */
function cardInput(cardId: string, version: number, fields: Partial<Record<string, string>> = {}) {
  return roleCardSchema.parse({
    key: key(),
    cardId,
    version,
    roleInCase: "Wij handhaven het huisverbod.",
    knowledge: "",
    knowledgeLegalBasis: "",
    contribution: "Wij rijden extra surveillance.",
    limitsHere: "",
    ...fields,
  });
}

describe("starting and seeing the live meeting", () => {
  it("puts the first item of the agenda, in agenda order, on the table", async () => {
    // Read without an order, rows come back as the database stores them: make the second item's
    // row land before the first one's, in the space a deleted item left behind.
    const spare = await meetingWithTables({ items: { X: { table: ["POL", "VT"] } }, state: "draft" });
    const { meetingId, itemIds, chair } = await meetingWithTables({ items: { A: { table: ["POL", "VT"] } } });
    const org = await organisationIds();
    await prisma.agendaItem.delete({ where: { id: spare.itemIds.X } });
    await prisma.$executeRawUnsafe('VACUUM "AgendaItem"');
    const { reference } = await createCase(
      chair,
      { region: "Westerduin", description: "Casus B: gezin, 1 kind.", riskLevel: "HIGH" },
      meta,
    );
    await addAgendaItem(
      chair,
      meetingId,
      {
        caseReference: reference,
        question: "Wie neemt de regie?",
        askingOrganisationId: org.VT as string,
        timeboxMinutes: 10,
        tableOrganisationIds: [org.POL as string, org.VT as string],
      },
      meta,
    );
    const stored = await prisma.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "AgendaItem" WHERE "meetingId" = ${meetingId}`;
    expect(stored[0]?.id).not.toBe(itemIds.A); // the second item is stored first
    await startMeeting(chair, meetingId, meta);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).currentItemId).toBe(itemIds.A);
  });

  it("only the chair starts a published meeting; every table organisation gets a pre-filled role card", async () => {
    const { meetingId, itemIds, org, chair } = await liveMeeting({ start: false });
    expect(await outcome(startMeeting(police, meetingId, meta))).toBe("not_found:live.errors.notFound");
    expect(await outcome(startMeeting(chair, meetingId, meta))).toBe("ok");
    expect(await outcome(startMeeting(chair, meetingId, meta))).toBe("rule:live.errors.notStartable");
    const cards = await prisma.roleCard.findMany({ where: { agendaItem: { meetingId } } });
    expect(cards).toHaveLength(5); // A: POL, RvdK, VT; B: RECL, VT
    const policeCard = await roleCardOf(itemIds.A, org.POL as string);
    const profile = policeCard.profile as { offers: string[]; legalBases: { label: string }[] };
    expect(profile.offers.length).toBeGreaterThan(0);
    expect(profile.legalBases.map((b) => b.label)).toContain("Politiewet 2012 art. 3");
    const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect([meeting.status, meeting.currentItemId]).toEqual(["LIVE", itemIds.A]);
  });

  it("each organisation sees the boards of its own tables only; the uninvited see nothing", async () => {
    const { meetingId, itemIds, chair } = await liveMeeting();
    const content = async (user: SessionUser) =>
      (await loadBoard(user, meetingId, meta)).items.map((i) => [i.id, i.content !== null]);
    expect(await content(police)).toEqual([
      [itemIds.A, true],
      [itemIds.B, false],
    ]);
    expect(await content(recl)).toEqual([
      [itemIds.A, false],
      [itemIds.B, true],
    ]);
    expect(await content(chair)).toEqual([
      [itemIds.A, true],
      [itemIds.B, true],
    ]);
    const board = await loadBoard(recl, meetingId, meta);
    expect(JSON.stringify(board)).not.toContain("Vraag A");
    expect(await outcome(loadBoard(localTeam, meetingId, meta))).toBe("not_found:live.errors.notFound");
    const viewed = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "meeting.live.viewed", subjectId: meetingId, actorUserId: recl.id },
    });
    expect((viewed.details as { cases: string[] }).cases).toHaveLength(1);
  });

  it("a meeting that has not started has no live board", async () => {
    const { meetingId } = await liveMeeting({ start: false });
    expect(await outcome(loadBoard(police, meetingId, meta))).toBe("rule:live.errors.notStarted");
  });
});

describe("role cards", () => {
  it("a member completes their own organisation's card; others cannot write it", async () => {
    const { itemIds, org } = await liveMeeting();
    const card = await roleCardOf(itemIds.A, org.POL as string);
    const saved = await saveRoleCard(police, cardInput(card.id, 1), meta);
    expect(saved.change).toMatchObject({ kind: "roleCard", roleCard: { version: 2, completed: true } });
    expect(saved.seq).toBe(1);
    expect(await outcome(saveRoleCard(rvdk, cardInput(card.id, 2), meta))).toBe("forbidden:live.errors.notYourCard");
    // Probation is not at item A's table: the card does not exist for them.
    expect(await outcome(saveRoleCard(recl, cardInput(card.id, 2), meta))).toBe("not_found:live.errors.notFound");
    expect((await roleCardOf(itemIds.A, org.POL as string)).version).toBe(2);
  });

  it("a stale save is refused with the current card, and nothing is overwritten", async () => {
    const { itemIds, org } = await liveMeeting();
    const card = await roleCardOf(itemIds.A, org.POL as string);
    await saveRoleCard(police, cardInput(card.id, 1, { roleInCase: "Eerste versie" }), meta);
    const before = {
      seq: (await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemIds.A } })).liveSeq,
      audit: await prisma.auditEvent.count({ where: { action: "live.roleCard.saved" } }),
    };
    let refused: DomainError | null = null;
    try {
      await saveRoleCard(policeAdmin, cardInput(card.id, 1, { roleInCase: "Tweede, op oude versie" }), meta);
    } catch (error) {
      refused = error as DomainError;
    }
    expect(refused?.code).toBe("conflict");
    expect(refused?.current).toMatchObject({ roleInCase: "Eerste versie", version: 2 });
    expect((await roleCardOf(itemIds.A, org.POL as string)).roleInCase).toBe("Eerste versie");
    // The refused write is rolled back whole: no sequence number spent, no audit row, no key kept.
    expect((await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemIds.A } })).liveSeq).toBe(before.seq);
    expect(await prisma.auditEvent.count({ where: { action: "live.roleCard.saved" } })).toBe(before.audit);
  });

  it("information needs a legal basis from the organisation's own profile; identifiers are refused", () => {
    const withoutBasis = roleCardSchema.safeParse({ ...cardInput("c1", 1), knowledge: "Eerdere meldingen." });
    expect(withoutBasis.success ? {} : fieldErrorsFrom(withoutBasis.error.issues)).toEqual({
      knowledgeLegalBasis: { key: "live.errors.legalBasisRequired", values: {} },
    });
    const bsn = roleCardSchema.safeParse({ ...cardInput("c1", 1), roleInCase: "Betreft BSN 111222333" });
    expect(bsn.success ? {} : fieldErrorsFrom(bsn.error.issues)).toEqual({
      roleInCase: { key: "privacy.found.bsn", values: { match: "111222333" } },
    });
  });

  it("a legal basis the profile does not name is refused; a named one is kept", async () => {
    const { itemIds, org } = await liveMeeting();
    const card = await roleCardOf(itemIds.A, org.POL as string);
    const knowledge = { knowledge: "Twee eerdere meldingen in 2026." };
    expect(
      await outcome(
        saveRoleCard(
          police,
          cardInput(card.id, 1, { ...knowledge, knowledgeLegalBasis: "Wet op de lijnwaarden" }),
          meta,
        ),
      ),
    ).toBe("rule:live.errors.unknownLegalBasis");
    await saveRoleCard(
      police,
      cardInput(card.id, 1, { ...knowledge, knowledgeLegalBasis: "Politiewet 2012 art. 3" }),
      meta,
    );
    expect((await roleCardOf(itemIds.A, org.POL as string)).knowledgeLegalBasis).toBe("Politiewet 2012 art. 3");
  });
});

describe("idempotency", () => {
  it("a retry with the same key writes once and answers the first result", async () => {
    const { itemIds } = await liveMeeting();
    const input = { key: key(), itemId: itemIds.A, text: "Wij hebben nodig dat de school wordt betrokken." };
    const first = await addNeed(rvdk, input, meta);
    const retry = await addNeed(rvdk, input, meta);
    expect(retry).toEqual(first);
    const together = { key: key(), itemId: itemIds.A, text: "Tweede behoefte" };
    const both = await Promise.all([addNeed(rvdk, together, meta), addNeed(rvdk, together, meta)]);
    expect(both[0]).toEqual(both[1]);
    expect(await prisma.need.count({ where: { agendaItemId: itemIds.A } })).toBe(2);
  });

  it("keys are per user: another user's key does not return their result", async () => {
    const { itemIds } = await liveMeeting();
    const shared = key();
    await addNeed(rvdk, { key: shared, itemId: itemIds.A, text: "Behoefte van de Raad" }, meta);
    const police1 = await addNeed(police, { key: shared, itemId: itemIds.A, text: "Behoefte van de politie" }, meta);
    expect(police1.change).toMatchObject({ kind: "need", need: { text: "Behoefte van de politie" } });
  });
});

describe("responsibilities, needs, decisions, actions", () => {
  it("the chair sets the lead (one per item); a member sets only their own part and never the lead", async () => {
    const { itemIds, org, chair } = await liveMeeting();
    const version = async (code: string) =>
      (
        await prisma.agendaItemTable.findUniqueOrThrow({
          where: { agendaItemId_organisationId: { agendaItemId: itemIds.A, organisationId: org[code] as string } },
        })
      ).version;
    const set = (user: SessionUser, code: string, involvement: "LEADS" | "CONTRIBUTES" | "INFORMED", v: number) =>
      setResponsibility(
        user,
        { key: key(), itemId: itemIds.A, organisationId: org[code] as string, involvement, version: v },
        meta,
      );
    expect(await outcome(set(police, "POL", "CONTRIBUTES", 1))).toBe("ok");
    expect(await outcome(set(police, "POL", "LEADS", 2))).toBe("forbidden:live.errors.chairDecidesLead");
    expect(await outcome(set(police, "RvdK", "INFORMED", 1))).toBe("forbidden:live.errors.chairDecidesLead");
    expect(await outcome(set(chair, "POL", "LEADS", 2))).toBe("ok");
    const result = await set(chair, "RvdK", "LEADS", await version("RvdK"));
    expect(result.change.kind === "responsibilities" && result.change.responsibilities).toEqual(
      expect.arrayContaining([
        { organisationId: org.POL, involvement: "CONTRIBUTES", version: 4 },
        { organisationId: org.RvdK, involvement: "LEADS", version: 2 },
      ]),
    );
    expect(await outcome(set(chair, "POL", "INFORMED", 3))).toBe("conflict:live.errors.stale");
    expect(await outcome(set(chair, "RECL", "INFORMED", 1))).toBe("not_found:live.errors.notFound");
  });

  it("every row a board write makes carries the write's own clock (the acting context's), not the database's", async () => {
    const { itemIds, org, chair } = await liveMeeting();
    const now = new Date("2026-12-01T09:30:00.000Z");
    const at = { ...meta, now };
    const need = await addNeed(rvdk, { key: key(), itemId: itemIds.A, text: "Zicht op school" }, at);
    const decision = await addDecision(
      chair,
      { key: key(), itemId: itemIds.A, text: "De Raad start", dissents: [] },
      at,
    );
    const action = await addAction(
      rvdk,
      actionSchema.parse({
        key: key(),
        itemId: itemIds.A,
        description: "Raadsonderzoek",
        ownerOrganisationId: org.RvdK,
        dueDate: "2099-12-15",
      }),
      at,
    );
    const id = (w: { change: { kind: string } & Record<string, unknown> }, kind: "need" | "decision" | "action") =>
      (w.change[kind] as { id: string }).id;
    expect((await prisma.need.findUniqueOrThrow({ where: { id: id(need, "need") } })).createdAt).toEqual(now);
    expect((await prisma.decision.findUniqueOrThrow({ where: { id: id(decision, "decision") } })).createdAt).toEqual(
      now,
    );
    const stored = await prisma.action.findUniqueOrThrow({ where: { id: id(action, "action") } });
    expect([stored.createdAt, stored.updatedAt]).toEqual([now, now]);
    const keys = await prisma.liveMutation.findMany({ where: { userId: rvdk.id, createdAt: now } });
    expect(keys).toHaveLength(2);
  });

  it("a need stays open until addressed by an organisation at the table", async () => {
    const { itemIds, org } = await liveMeeting();
    const raised = await addNeed(
      rvdk,
      { key: key(), itemId: itemIds.A, text: "Wij hebben nodig dat de politie meldt." },
      meta,
    );
    const needId = raised.change.kind === "need" ? raised.change.need.id : "";
    const address = (by: string, version: number) =>
      addressNeed(
        police,
        { key: key(), needId, version, addressedByOrganisationId: by, note: "Wij melden binnen 24 uur." },
        meta,
      );
    expect(await outcome(address(org.RECL as string, 1))).toBe("rule:live.errors.notAtTableOrganisation");
    expect(await outcome(address(org.POL as string, 1))).toBe("ok");
    expect(await outcome(address(org.POL as string, 1))).toBe("conflict:live.errors.stale");
    const need = await prisma.need.findUniqueOrThrow({ where: { id: needId } });
    expect([need.status, need.addressedByOrganisationId, need.addressedById]).toEqual([
      "ADDRESSED",
      org.POL,
      police.id,
    ]);
    expect(await outcome(addNeed(recl, { key: key(), itemId: itemIds.A, text: "x" }, meta))).toBe(
      "not_found:live.errors.notFound",
    );
  });

  it("only the chair records decisions; dissent only from organisations at the table", async () => {
    const { itemIds, org, chair } = await liveMeeting();
    const decision = (user: SessionUser, dissent: string) =>
      addDecision(
        user,
        decisionSchema.parse({
          key: key(),
          itemId: itemIds.A,
          text: "De Raad start een beschermingsonderzoek.",
          dissents: [{ organisationId: org[dissent], reason: "Eerst vrijwillig kader proberen." }],
        }),
        meta,
      );
    expect(await outcome(decision(police, "RvdK"))).toBe("forbidden:live.errors.chairOnly");
    expect(await outcome(decision(chair, "RECL"))).toBe("rule:live.errors.notAtTableOrganisation");
    const recorded = await decision(chair, "RvdK");
    expect(recorded.change).toMatchObject({
      kind: "decision",
      decision: { dissents: [{ organisationId: org.RvdK, reason: "Eerst vrijwillig kader proberen." }] },
    });
  });

  it("actions belong to an organisation at the table; only that organisation or the chair moves them", async () => {
    const { itemIds, org, chair } = await liveMeeting();
    const action = (owner: string, ownerUserId = "") =>
      addAction(
        rvdk,
        actionSchema.parse({
          key: key(),
          itemId: itemIds.A,
          description: "Raadsonderzoek starten",
          ownerOrganisationId: org[owner],
          ownerUserId,
          dueDate: "2099-12-15",
        }),
        meta,
      );
    expect(await outcome(action("RECL"))).toBe("rule:live.errors.notAtTableOrganisation");
    expect(await outcome(action("RvdK", police.id))).toBe("rule:live.errors.ownerNotInOrganisation");
    const added = await action("RvdK", rvdk.id);
    expect(added.change).toMatchObject({
      kind: "action",
      action: { dueDate: "2099-12-15", ownerName: rvdk.name, status: "OPEN" },
    });
    const actionId = added.change.kind === "action" ? added.change.action.id : "";
    const move = (user: SessionUser, version: number) =>
      setActionStatus(user, { key: key(), actionId, version, status: "IN_PROGRESS" }, meta);
    expect(await outcome(move(police, 1))).toBe("forbidden:live.errors.notYourAction");
    expect(await outcome(move(rvdk, 1))).toBe("ok");
    expect(await outcome(move(chair, 1))).toBe("conflict:live.errors.stale");
    expect(await outcome(move(chair, 2))).toBe("ok");
    const stored = await prisma.action.findUniqueOrThrow({ where: { id: actionId } });
    expect(stored.caseId).toBe((await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemIds.A } })).caseId);
  });
});

describe("the chair's controls", () => {
  it("sets the current item; closing with open needs needs an explicit, recorded confirmation", async () => {
    const { meetingId, itemIds, chair } = await liveMeeting();
    expect(await outcome(setCurrentItem(police, meetingId, itemIds.B, meta))).toBe("not_found:live.errors.notFound");
    const state = await setCurrentItem(chair, meetingId, itemIds.B, meta);
    expect(state.currentItemId).toBe(itemIds.B);
    await addNeed(recl, { key: key(), itemId: itemIds.B, text: "Wij hebben nodig dat VT het gezin bezoekt." }, meta);
    const close = (confirmOpenNeeds: boolean) =>
      closeItem(chair, meetingId, { itemId: itemIds.B, confirmOpenNeeds }, meta);
    expect(await outcome(close(false))).toBe("rule:live.errors.openNeeds");
    const closed = await close(true);
    expect(closed.items.find((i) => i.id === itemIds.B)).toMatchObject({ closedWithOpenNeeds: true });
    expect(closed.currentItemId).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "meeting.item.closed", subjectId: meetingId },
    });
    expect(audit.details).toEqual({ itemId: itemIds.B, confirmedOpenNeeds: true });
    // A closed item takes no more writes.
    expect(await outcome(addNeed(recl, { key: key(), itemId: itemIds.B, text: "Nog iets" }, meta))).toBe(
      "rule:live.errors.itemClosed",
    );
    expect(await outcome(close(true))).toBe("rule:live.errors.itemClosed");
  });

  it("ends the meeting: status finished, boards read-only", async () => {
    const { meetingId, itemIds, chair } = await liveMeeting();
    expect(await outcome(endMeeting(police, meetingId, meta))).toBe("not_found:live.errors.notFound");
    const state = await endMeeting(chair, meetingId, meta);
    expect([state.status, state.currentItemId]).toEqual(["FINISHED", null]);
    expect(await outcome(addNeed(rvdk, { key: key(), itemId: itemIds.A, text: "Te laat" }, meta))).toBe(
      "rule:live.errors.notLive",
    );
    expect(await outcome(endMeeting(chair, meetingId, meta))).toBe("rule:live.errors.notLive");
    expect((await loadBoard(police, meetingId, meta)).state.status).toBe("FINISHED");
  });

  it("every write is in the audit trail with its organisation", async () => {
    const { itemIds } = await liveMeeting();
    const result = await addNeed(rvdk, { key: key(), itemId: itemIds.A, text: "Wij hebben nodig: overleg." }, meta);
    const needId = result.change.kind === "need" ? result.change.need.id : "";
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "live.need.raised", subjectId: needId },
    });
    expect([audit.actorUserId, audit.actorOrganisationId, audit.clientAddress]).toEqual([
      rvdk.id,
      rvdk.organisation.id,
      "192.0.2.10",
    ]);
  });
});

describe("the demo meeting", () => {
  it("is published for the next weekday morning, created once, and the demo chair can start it", async () => {
    expect(await seedDemoMeeting(new Date("2026-11-28T10:00:00Z"))).toBe(true); // a Saturday
    expect(await seedDemoMeeting()).toBe(false);
    const meeting = await prisma.meeting.findFirstOrThrow({
      where: { title: DEMO_MEETING_TITLE },
      include: { items: { orderBy: { position: "asc" }, include: { tables: true } } },
    });
    expect([meeting.status, meeting.startsAt.toISOString(), meeting.items.length]).toEqual([
      "PUBLISHED",
      "2026-11-30T09:00:00.000Z", // Monday 10:00 in Amsterdam
      3,
    ]);
    const chair = await sessionUser("voorzitter@veiligthuis.demo");
    await startMeeting(chair, meeting.id, meta);
    const seen = (await loadBoard(recl, meeting.id, meta)).items.map((i) => i.content !== null);
    expect(seen).toEqual([false, true, false]); // probation sits at the second table only
  });

  it("carries the second case from a finished meeting last month, with its actions on the new agenda", async () => {
    const past = await prisma.meeting.findFirstOrThrow({
      where: { title: DEMO_PAST_MEETING_TITLE },
      include: { minutes: true, items: { include: { actions: { orderBy: { description: "asc" } }, decisions: true } } },
    });
    expect([past.status, past.minutes?.approvedAt !== null, past.items.length]).toEqual(["FINISHED", true, 1]);
    const actions = past.items[0]?.actions ?? [];
    expect(actions.map((a) => a.status).sort()).toEqual(["DONE", "IN_PROGRESS", "OPEN", "OPEN"]);
    expect(past.items[0]?.decisions).toHaveLength(1);
    const regie = await prisma.caseRegie.findMany({ where: { caseId: past.items[0]?.caseId } });
    expect(regie.map((r) => [r.kind, r.status])).toEqual([["CONTENT", "ACCEPTED"]]);
    const upcoming = await prisma.meeting.findFirstOrThrow({ where: { title: DEMO_MEETING_TITLE } });
    const chair = await sessionUser("voorzitter@veiligthuis.demo");
    const open = await actionsForAgenda(chair, upcoming.id);
    expect(open).toHaveLength(1);
    expect(open[0]?.actions).toHaveLength(4); // three open, one closed since the case was last on a table
  });
});

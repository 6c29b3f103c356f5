import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/db.server";
import { addAction, endMeeting } from "~/domain/live/live.server";
import type { LiveBoard, WriteResult } from "~/realtime/events";

import { Browserish } from "../support/http-client";
import { LiveClient } from "../support/live-client";
import { liveMeeting, meetingWithTables, roleCardOf } from "../support/live-meeting";
import type { TestServer } from "../support/test-server";
import { startDemoServer } from "../support/test-server";
import { sessionUser } from "../support/users";

let server: TestServer;
const open: LiveClient[] = [];

beforeAll(async () => {
  server = await startDemoServer({ REALTIME_SESSION_RECHECK_SECONDS: "1" });
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});
afterAll(async () => {
  await server?.stop();
});

async function join(email: string, meetingId: string) {
  const client = await LiveClient.connect(server.url, email);
  open.push(client);
  const joined = await client.emit<LiveBoard>("live:join", { meetingId });
  return { client, joined };
}

/** Long enough for an event that was sent to have arrived on loopback (they take ~1 ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("live meeting over socket.io", () => {
  it("an edit reaches everyone at that item's table, and nobody else receives a byte of it", async () => {
    const { meetingId, itemIds, org } = await liveMeeting();
    const chair = await join("voorzitter@veiligthuis.demo", meetingId);
    const police = await join("medewerker@politie.demo", meetingId);
    const rvdk = await join("medewerker@rvdk.demo", meetingId);
    const recl = await join("medewerker@reclassering.demo", meetingId);
    for (const j of [chair, police, rvdk, recl]) expect(j.joined.ok).toBe(true);
    // Not invited: the local team cannot join and is in no room of this meeting.
    const localTeam = await join("medewerker@wijkteam.demo", meetingId);
    expect(localTeam.joined).toMatchObject({ ok: false, error: { code: "not_found" } });

    const card = await roleCardOf(itemIds.A, org.POL as string);
    const sentAt = Date.now();
    const saved = await police.client.emit<WriteResult>("live:roleCard:save", {
      key: randomUUID(),
      cardId: card.id,
      version: 1,
      roleInCase: "Wij handhaven het huisverbod.",
      knowledge: "Twee eerdere incidenten.",
      knowledgeLegalBasis: "Politiewet 2012 art. 3",
      contribution: "Extra surveillance",
      limitsHere: "",
    });
    expect(saved.ok).toBe(true);
    for (const c of [chair.client, rvdk.client, police.client]) await c.until((x) => x.items.length === 1, 1_000);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    expect(rvdk.client.items[0]).toMatchObject({
      itemId: itemIds.A,
      seq: 1,
      change: { kind: "roleCard", roleCard: { knowledge: "Twee eerdere incidenten." } },
      by: { organisationId: org.POL },
    });
    await settle();
    expect(recl.client.items).toEqual([]);
    expect(localTeam.client.items).toEqual([]);
    expect(localTeam.client.meetings).toEqual([]);
  });

  it("someone not at the table cannot write to or read that item, whatever the payload says", async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const { client: recl } = await join("medewerker@reclassering.demo", meetingId);
    const refused = await recl.emit("live:need:add", {
      key: randomUUID(),
      itemId: itemIds.A,
      text: "Mag ik meekijken?",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
    const { client: wt } = await join("medewerker@wijkteam.demo", meetingId);
    const uninvited = await wt.emit("live:need:add", { key: randomUUID(), itemId: itemIds.B, text: "Hallo" });
    expect(uninvited).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await prisma.need.count({ where: { agendaItem: { meetingId } } })).toBe(0);
  });

  it("malformed and hostile payloads get an error acknowledgement; the socket stays up", async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const { client } = await join("medewerker@politie.demo", meetingId);
    for (const payload of [
      null,
      "need",
      { key: "short", itemId: itemIds.A, text: "x" },
      { key: randomUUID(), itemId: itemIds.A, text: "x".repeat(10_000) },
      { key: randomUUID(), itemId: itemIds.A, text: "ok", extra: true },
      JSON.parse(`{"key":"${randomUUID()}","itemId":"${itemIds.A}","text":"ok","__proto__":{"admin":true}}`),
    ]) {
      const result = await client.emit("live:need:add", payload);
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    }
    const bsn = await client.emit("live:need:add", { key: randomUUID(), itemId: itemIds.A, text: "BSN 111222333" });
    expect(bsn).toMatchObject({
      ok: false,
      error: { code: "invalid_payload", fields: { text: { key: "privacy.found.bsn" } } },
    });
    expect(client.socket.connected).toBe(true);
  });

  it("the chair puts an item on the table: every invitee follows, without its content", async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const { client: chair } = await join("voorzitter@veiligthuis.demo", meetingId);
    const { client: recl } = await join("medewerker@reclassering.demo", meetingId);
    const { client: police } = await join("medewerker@politie.demo", meetingId);
    expect((await police.emit("live:item:current", { meetingId, itemId: itemIds.B })).ok).toBe(false);
    expect((await chair.emit("live:item:current", { meetingId, itemId: itemIds.B })).ok).toBe(true);
    await recl.until((c) => c.meetings.some((m) => m.state.currentItemId === itemIds.B));
    await police.until((c) => c.meetings.some((m) => m.state.currentItemId === itemIds.B));
    expect(JSON.stringify(police.meetings)).not.toContain("Vraag B");
  });

  it("presence shows who joined, and drops someone whose connection is lost", async () => {
    const { meetingId } = await liveMeeting();
    const { client: chair } = await join("voorzitter@veiligthuis.demo", meetingId);
    const { client: police } = await join("medewerker@politie.demo", meetingId);
    const names = (c: LiveClient) => c.presence.map((p) => p.userId).length;
    await chair.until((c) => names(c) === 2);
    police.close();
    await chair.until((c) => names(c) === 1);
    const { client: rvdk } = await join("medewerker@rvdk.demo", meetingId);
    await rvdk.until((c) => names(c) === 2);
    await chair.until((c) => names(c) === 2);
  });

  it("re-joining after a reconnect returns the whole board, including what was missed", async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const first = await join("medewerker@politie.demo", meetingId);
    first.client.close();
    const { client: rvdk } = await join("medewerker@rvdk.demo", meetingId);
    await rvdk.emit("live:need:add", {
      key: randomUUID(),
      itemId: itemIds.A,
      text: "Wij hebben nodig: schoolcontact.",
    });
    const again = await join("medewerker@politie.demo", meetingId);
    if (!again.joined.ok) throw new Error("re-join failed");
    const item = again.joined.data.items.find((i) => i.id === itemIds.A);
    expect(item?.content?.board.needs.map((n) => n.text)).toEqual(["Wij hebben nodig: schoolcontact."]);
    expect(item?.content?.board.seq).toBe(1);
  });

  it("a session that ends while its socket is open is noticed by the next re-validation round", async () => {
    const { meetingId } = await liveMeeting();
    const { client } = await join("medewerker@rvdk.demo", meetingId);
    const ended = new Promise((resolve) => client.socket.once("session:ended", resolve));
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "medewerker@rvdk.demo" } });
    // Ended outside this socket (an administrator, or expiry): no logout request reaches the socket.
    await prisma.session.deleteMany({ where: { userId: user.id } });
    expect(await ended).toEqual({ reason: "expired" });
    await client.until((c) => !c.socket.connected, 3_000);
  });

  it("a new chair: within a second the old chair leaves the rooms of items her organisation is not at, and rejoins", async () => {
    // Item C is the police's own question, at the table of police and the Board only.
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] }, C: { table: ["POL", "RvdK"], asking: "POL" } },
      invited: ["POL", "RvdK", "VT"],
      state: "live",
    });
    const second = await prisma.user.create({
      data: {
        email: `voorzitter-${randomUUID()}@politie.demo`,
        name: "Tweede Voorzitter",
        functionTitle: "Voorzitter",
        organisationId: org.POL as string,
        roles: ["CHAIR", "MEMBER"],
      },
    });
    const oldChair = await join("voorzitter@veiligthuis.demo", meetingId);
    const police = await join("medewerker@politie.demo", meetingId);
    expect(oldChair.joined.ok && police.joined.ok).toBe(true);
    const told = new Promise((resolve, reject) => {
      const late = setTimeout(() => reject(new Error("the old chair was not told within a second")), 1_000);
      oldChair.client.socket.once("live:access", (payload) => {
        clearTimeout(late);
        resolve(payload);
      });
    });

    // Through the admin page, as a platform admin does it: the server process holds the sockets.
    const admin = new Browserish(server.url);
    await admin.login("admin@actie-overleg.demo");
    const handed = await admin.post("/beheer/overleggen", { meetingId, chairId: second.id });
    expect(handed.status).toBe(200);
    expect(await told).toEqual({ meetingId });

    // The police write on item C: the old chair (Veilig Thuis, not at C's table) receives nothing.
    const received: unknown[] = [];
    oldChair.client.socket.on("live:item", (event: { itemId: string }) => received.push(event.itemId));
    const card = await roleCardOf(itemIds.C, org.POL as string);
    const saved = await police.client.emit<WriteResult>("live:roleCard:save", {
      key: randomUUID(),
      cardId: card.id,
      version: card.version,
      roleInCase: "Wij doen het buurtonderzoek.",
      knowledge: "",
      knowledgeLegalBasis: "",
      contribution: "",
      limitsHere: "",
    });
    expect(saved.ok).toBe(true);
    await settle();
    expect(received).not.toContain(itemIds.C);
    // Joining again gives the board as she may see it now: C without content, no chair controls.
    const again = await oldChair.client.emit<LiveBoard>("live:join", { meetingId });
    if (!again.ok) throw new Error(again.error.key);
    expect(again.data.can.runMeeting).toBe(false);
    expect(again.data.items.find((i) => i.id === itemIds.C)?.content).toBeNull();
  });

  /** Resolves when the socket is told its access changed; fails after a second. */
  const toldWithinASecond = (client: LiveClient) =>
    new Promise((resolve, reject) => {
      const late = setTimeout(() => reject(new Error("not told within a second")), 1_000);
      client.socket.once("live:access", (payload) => {
        clearTimeout(late);
        resolve(payload);
      });
    });

  it("an organisation taken off an item's table: within a second its sockets leave that item and rejoin without its content", async () => {
    const { meetingId, itemIds, org } = await meetingWithTables({
      items: { A: { table: ["POL", "RvdK", "VT"] } },
      invited: ["POL", "RvdK", "VT"],
      state: "live",
    });
    const police = await join("medewerker@politie.demo", meetingId);
    const board = await join("medewerker@rvdk.demo", meetingId);
    expect(police.joined.ok && board.joined.ok).toBe(true);
    const told = toldWithinASecond(police.client);
    const chair = new Browserish(server.url);
    await chair.login("voorzitter@veiligthuis.demo");
    const corrected = await chair.post(`/overleggen/${meetingId}/punten/${itemIds.A}`, {
      intent: "update",
      version: "1",
      question: "Vraag A: wie neemt de regie?",
      timeboxMinutes: "10",
      tables: [org.RvdK as string, org.VT as string],
    });
    expect(corrected.status).toBe(302);
    expect(await told).toEqual({ meetingId });
    const received: unknown[] = [];
    police.client.socket.on("live:item", (event: { itemId: string }) => received.push(event.itemId));
    const card = await roleCardOf(itemIds.A, org.RvdK as string);
    const saved = await board.client.emit<WriteResult>("live:roleCard:save", {
      key: randomUUID(),
      cardId: card.id,
      version: card.version,
      roleInCase: "De Raad doet een beschermingsonderzoek.",
      knowledge: "",
      knowledgeLegalBasis: "",
      contribution: "",
      limitsHere: "",
    });
    expect(saved.ok).toBe(true);
    await settle();
    expect(received).not.toContain(itemIds.A);
    const again = await police.client.emit<LiveBoard>("live:join", { meetingId });
    if (!again.ok) throw new Error(again.error.key);
    expect(again.data.items.find((i) => i.id === itemIds.A)?.content).toBeNull();
    expect(JSON.stringify(again)).not.toContain("beschermingsonderzoek");
  });

  it("an item taken off the live agenda: within a second its table is told, and the item is gone from their board", async () => {
    const { meetingId, itemIds } = await meetingWithTables({
      items: { A: { table: ["POL", "VT"] }, B: { table: ["POL", "VT"] } },
      invited: ["POL", "VT"],
      state: "live",
    });
    const police = await join("medewerker@politie.demo", meetingId);
    expect(police.joined.ok).toBe(true);
    const told = toldWithinASecond(police.client);
    const chair = new Browserish(server.url);
    await chair.login("voorzitter@veiligthuis.demo");
    const removed = await chair.post(`/overleggen/${meetingId}/punten/${itemIds.B}`, {
      intent: "remove",
      version: "1",
      reason: "De casus is elders belegd.",
    });
    expect(removed.status).toBe(302);
    expect(await told).toEqual({ meetingId });
    const again = await police.client.emit<LiveBoard>("live:join", { meetingId });
    if (!again.ok) throw new Error(again.error.key);
    expect(again.data.items.map((i) => i.id)).toEqual([itemIds.A]);
  });
});

describe("an action changed away from the table reaches the live tables that show it", () => {
  /** A police action agreed at item A of a meeting; the meeting ended or still live. */
  async function policeAction(end: boolean) {
    const first = await liveMeeting();
    const police = await sessionUser("medewerker@politie.demo");
    const added = await addAction(
      police,
      {
        key: randomUUID(),
        itemId: first.itemIds.A,
        description: "Huisbezoek met de wijkagent",
        ownerOrganisationId: first.org.POL as string,
        ownerUserId: "",
        dueDate: "2099-01-20",
      },
      { clientAddress: null },
    );
    if (added.change.kind !== "action") throw new Error("no action");
    if (end) await endMeeting(first.chair, first.meetingId, { clientAddress: null });
    const reference = (
      await prisma.agendaItem.findUniqueOrThrow({ where: { id: first.itemIds.A }, select: { case: true } })
    ).case.reference;
    return { ...first, actionId: added.change.action.id, reference };
  }

  it("an update on /acties reaches the case's next live table as an earlier action, in sequence", async () => {
    const { actionId, reference } = await policeAction(true);
    const next = await meetingWithTables({
      items: { A: { table: ["POL", "VT"], caseReference: reference }, B: { table: ["RECL", "VT"] } },
      invited: ["POL", "RECL", "VT"],
      state: "live",
    });
    const chair = await join("voorzitter@veiligthuis.demo", next.meetingId);
    const recl = await join("medewerker@reclassering.demo", next.meetingId);
    const board = chair.joined.ok ? chair.joined.data.items.find((i) => i.id === next.itemIds.A) : undefined;
    expect(board?.content?.board.earlierActions.map((a) => a.id)).toEqual([actionId]);
    const http = new Browserish(server.url);
    await http.login("medewerker@politie.demo");
    const posted = await http.post("/acties", {
      intent: "update",
      actionId,
      version: "1",
      status: "IN_PROGRESS",
      closeReason: "",
      ownerUserId: "",
      note: "Afspraak gemaakt voor dinsdag.",
    });
    expect(posted.status).toBe(200);
    await chair.client.until((c) => c.items.length === 1, 2_000);
    expect(chair.client.items[0]).toMatchObject({
      itemId: next.itemIds.A,
      seq: (board?.content?.board.seq ?? 0) + 1,
      change: { kind: "earlierAction", action: { id: actionId, status: "IN_PROGRESS" } },
    });
    await settle();
    expect(recl.client.items).toEqual([]); // probation is not at that table
  });

  it("a correction on /acties of an action from a meeting still live reaches its own table", async () => {
    const { actionId, meetingId, itemIds } = await policeAction(false);
    const rvdk = await join("medewerker@rvdk.demo", meetingId);
    const recl = await join("medewerker@reclassering.demo", meetingId);
    const http = new Browserish(server.url);
    await http.login("medewerker@politie.demo");
    const posted = await http.post("/acties", {
      intent: "correct",
      actionId,
      version: "1",
      description: "Huisbezoek met de wijkagent en de school",
      dueDate: "2099-01-27",
      reason: "Afspraak verschoven",
    });
    expect(posted.status).toBe(200);
    await rvdk.client.until((c) => c.items.length === 1, 2_000);
    expect(rvdk.client.items[0]).toMatchObject({
      itemId: itemIds.A,
      change: { kind: "action", action: { id: actionId, dueDate: "2099-01-27" } },
    });
    await settle();
    expect(recl.client.items).toEqual([]);
  });
});

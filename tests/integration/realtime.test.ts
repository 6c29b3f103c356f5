import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/db.server";
import type { Ack, ClientToServerEvents, LiveBoard, ServerToClientEvents } from "~/realtime/events";

import { Browserish } from "../support/http-client";
import { liveMeeting } from "../support/live-meeting";
import type { TestServer } from "../support/test-server";
import { startDemoServer } from "../support/test-server";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: TestServer;
const open: ClientSocket[] = [];

beforeAll(async () => {
  server = await startDemoServer();
});
afterEach(() => {
  for (const s of open.splice(0)) s.disconnect();
});
afterAll(async () => {
  await server?.stop();
});

function connect(headers: Record<string, string> = {}): ClientSocket {
  const socket: ClientSocket = io(server.url, {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: headers,
    forceNew: true,
  });
  open.push(socket);
  return socket;
}

function outcome(socket: ClientSocket): Promise<"connected" | string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

async function loggedIn(email: string) {
  const client = new Browserish(server.url);
  await client.login(email);
  const socket = connect({ Cookie: client.cookieHeader });
  expect(await outcome(socket)).toBe("connected");
  return { client, socket };
}

function emit<T>(socket: ClientSocket, event: keyof ClientToServerEvents, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => (socket.emit as (...a: unknown[]) => void)(event, payload, resolve));
}

describe("socket handshake", () => {
  it("refuses a connection without a session", async () => {
    expect(await outcome(connect())).toBe("unauthenticated");
  });

  it("refuses a forged or stale session cookie", async () => {
    expect(await outcome(connect({ Cookie: "ao_session=abc.def" }))).toBe("unauthenticated");
  });

  it("accepts the session cookie and knows who is asking", async () => {
    const { meetingId } = await liveMeeting();
    const { socket } = await loggedIn("medewerker@politie.demo");
    const result = await emit<LiveBoard>(socket, "live:join", { meetingId });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "medewerker@politie.demo" } });
    if (!result.ok) throw new Error(`live:join refused: ${result.error.key}`);
    expect(result.data.viewer).toEqual({ userId: user.id, organisationId: user.organisationId });
  });

  it("refuses a handshake from another site's page", async () => {
    const client = new Browserish(server.url);
    await client.login("medewerker@om.demo");
    const socket = connect({ Cookie: client.cookieHeader, Origin: "https://evil.example" });
    expect(await outcome(socket)).not.toBe("connected");
  });
});

describe("socket events", () => {
  it("answers a malformed payload with an error acknowledgement and stays up", async () => {
    const { meetingId } = await liveMeeting();
    const { socket } = await loggedIn("medewerker@politie.demo");
    for (const payload of [
      null,
      "overleg",
      42,
      { meetingId: 42 },
      { meetingId: "" },
      { meetingId, __proto__: { admin: true }, extra: 1 },
    ]) {
      const result = await emit(socket, "live:join", payload);
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_payload" } });
    }
    expect(socket.connected).toBe(true);
    expect((await emit(socket, "live:join", { meetingId })).ok).toBe(true);
  });

  it("refuses text that is not well-formed Unicode with a message for the field, and writes nothing", async () => {
    const { meetingId, itemIds } = await liveMeeting();
    const { socket } = await loggedIn("medewerker@politie.demo");
    expect((await emit(socket, "live:join", { meetingId })).ok).toBe(true);
    const before = await prisma.need.count({ where: { agendaItemId: itemIds.A } });
    for (const text of ["Wie kent het gezin?\ud800", "\udc00 half", "kapot \uFFFD teken"]) {
      const answer = await emit(socket, "live:need:add", { key: crypto.randomUUID(), itemId: itemIds.A, text });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: "invalid_payload", fields: { text: { key: "validation.malformedText" } } },
      });
    }
    expect(await prisma.need.count({ where: { agendaItemId: itemIds.A } })).toBe(before);
    const fine = await emit(socket, "live:need:add", {
      key: crypto.randomUUID(),
      itemId: itemIds.A,
      text: "Wie kent het gezin? 👪",
    });
    expect(fine.ok).toBe(true);
  });

  it("answers an event nobody handles with an error acknowledgement, within a second", async () => {
    const { socket } = await loggedIn("medewerker@politie.demo");
    // room:join, room:leave and session:whoami existed once: a client never names a room.
    for (const event of [
      "live:bestaat-niet",
      "admin:everything",
      "constructor",
      "__proto__",
      "room:join",
      "room:leave",
      "session:whoami",
    ]) {
      const answer = await Promise.race([
        emit(socket, event as keyof ClientToServerEvents, { meetingId: "x" }),
        new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), 1_000)),
      ]);
      expect(answer).toMatchObject({ ok: false, error: { code: "invalid_payload", key: "errors.unknownEvent" } });
    }
    expect(socket.connected).toBe(true);
  });

  it("refuses a flood of events from one socket with an acknowledgement, answers the rest, stays up", async () => {
    const limited = await startDemoServer({ REALTIME_EVENTS_PER_10S: "20" });
    try {
      const client = new Browserish(limited.url);
      await client.login("medewerker@politie.demo");
      const socket: ClientSocket = io(limited.url, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: { Cookie: client.cookieHeader },
      });
      open.push(socket);
      expect(await outcome(socket)).toBe("connected");
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          emit(socket, i % 2 ? "live:join" : ("room:join" as keyof ClientToServerEvents), { meetingId: "x" }),
        ),
      );
      const refused = answers.filter((a) => !a.ok && a.error.code === "rate_limited");
      expect(answers).toHaveLength(300); // every event answered, none left waiting
      expect(refused).toHaveLength(280);
      expect(refused[0]).toMatchObject({
        error: { key: "errors.tooManyEvents", values: { seconds: expect.any(Number) } },
      });
      expect(socket.connected).toBe(true);
    } finally {
      await limited.stop();
    }
  });

  it("ends the sockets of a session at logout", async () => {
    const { client, socket } = await loggedIn("medewerker@wijkteam.demo");
    const ended = new Promise((resolve) => socket.once("session:ended", resolve));
    const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
    await client.post("/logout", {});
    expect(await ended).toEqual({ reason: "logout" });
    await disconnected;
    expect(socket.connected).toBe(false);
  });
});

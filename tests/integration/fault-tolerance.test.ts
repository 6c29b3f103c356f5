/**
 * Fault tolerance, bounded in time: the app process killed during a live meeting, PostgreSQL
 * restarted during one, and a database so slow that statements run past their timeout.
 */
import { randomBytes, randomUUID } from "node:crypto";

import pg from "pg";
import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";

import type { Ack, LiveBoard } from "~/realtime/events";
import { freePort } from "~/server/embedded-postgres.server";

import { Browserish } from "../support/http-client";
import { liveMeeting } from "../support/live-meeting";
import { startRestartablePostgres } from "../support/restartable-postgres";
import type { TestServer } from "../support/test-server";
import { startServer } from "../support/test-server";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** A browser-like socket: reconnects by itself, as socket-client.ts configures the real one. */
function liveSocket(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
    extraHeaders: { Cookie: cookie },
  });
  cleanups.push(async () => socket.close());
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const join = async (socket: Socket, meetingId: string) =>
  (await socket.timeout(5_000).emitWithAck("live:join", { meetingId })) as Ack<LiveBoard>;

function needTexts(board: Ack<LiveBoard>, itemId: string): string[] {
  if (!board.ok) throw new Error(`join refused: ${board.error.code}`);
  const item = board.data.items.find((i) => i.id === itemId);
  return (item?.content?.board.needs ?? []).map((n) => n.text);
}

const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe("the app process is killed during a live meeting", () => {
  it("clients reconnect by themselves; acknowledged writes are all there, the others come back as not saved and are sent once", async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      DEMO_MODE: "true",
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      PORT: String(port),
    };
    let server: TestServer = await startServer(env);
    cleanups.push(() => server.stop());
    const { meetingId, itemIds } = await liveMeeting();

    const people = ["medewerker@politie.demo", "medewerker@rvdk.demo", "voorzitter@veiligthuis.demo"];
    const sockets: Socket[] = [];
    for (const email of people) {
      const http = new Browserish(server.url);
      await http.login(email);
      const socket = await liveSocket(server.url, http.cookieHeader);
      expect((await join(socket, meetingId)).ok).toBe(true);
      sockets.push(socket);
    }
    const [police] = sockets as [Socket, ...Socket[]];

    // The police member writes needs one after the other; each acknowledged one is saved.
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) {
      const text = `Behoefte ${i}`;
      const ack = (await police.timeout(3_000).emitWithAck("live:need:add", {
        key: randomUUID(),
        itemId: itemIds.A,
        text,
      })) as Ack<unknown>;
      expect(ack.ok).toBe(true);
      acknowledged.push(text);
    }
    // A burst in flight when the process dies: none of these gets an answer.
    const inFlight = Array.from({ length: 5 }, (_, i) => ({ key: randomUUID(), text: `Onderweg ${i}` }));
    const answers = inFlight.map((w) =>
      police
        .timeout(4_000)
        .emitWithAck("live:need:add", { key: w.key, itemId: itemIds.A, text: w.text })
        .then(() => "saved" as const)
        .catch(() => "not saved" as const),
    );
    server.process.kill("SIGKILL");
    const killedAt = Date.now();
    // The author is told: no acknowledgement means not saved (the board shows them as pending).
    expect(await Promise.all(answers)).toEqual(inFlight.map(() => "not saved"));
    await waitFor(() => sockets.every((s) => !s.connected), 5_000, "every client sees the connection drop");

    server = await startServer(env);
    await waitFor(() => sockets.every((s) => s.connected), 15_000, "every client reconnects by itself");
    const reconnectMs = Date.now() - killedAt;

    // The not-saved writes go again with their own keys: each is there exactly once afterwards,
    // whether or not the dead process had saved it before it died.
    expect((await join(police, meetingId)).ok).toBe(true);
    for (const w of inFlight) {
      const ack = (await police.timeout(5_000).emitWithAck("live:need:add", {
        key: w.key,
        itemId: itemIds.A,
        text: w.text,
      })) as Ack<unknown>;
      expect(ack.ok).toBe(true);
    }
    for (const socket of sockets) {
      const texts = needTexts(await join(socket, meetingId), itemIds.A);
      for (const text of acknowledged) expect(texts).toContain(text);
      for (const w of inFlight) expect(texts.filter((t) => t === w.text)).toHaveLength(1);
      expect(texts).toHaveLength(acknowledged.length + inFlight.length);
    }
    console.log(`SIGKILL: clients back and caught up ${reconnectMs} ms after the kill`);
  }, 60_000);
});

describe("PostgreSQL restarts during a live meeting", () => {
  it("fails fast with a clear message while it is down, /healthz says 503, and recovers without an app restart", async () => {
    const database = await startRestartablePostgres();
    cleanups.push(() => database.destroy());
    const server = await startServer({
      DATABASE_URL: database.url,
      DEMO_MODE: "true",
      SESSION_SECRET: randomBytes(32).toString("base64url"),
    });
    cleanups.push(() => server.stop());

    // The seeded demo meeting, started by its chair; the police member at the table.
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const { rows } = await sql.query<{ id: string; item: string }>(
      `SELECT m.id, i.id AS item FROM "Meeting" m JOIN "AgendaItem" i ON i."meetingId" = m.id
       JOIN "AgendaItemTable" t ON t."agendaItemId" = i.id JOIN "Organisation" o ON o.id = t."organisationId"
       WHERE o."shortCode" = 'POL' LIMIT 1`,
    );
    await sql.end();
    const { id: meetingId, item: itemId } = rows[0] as { id: string; item: string };
    const chair = new Browserish(server.url);
    await chair.login("voorzitter@veiligthuis.demo");
    expect((await chair.post(`/overleggen/${meetingId}`, { intent: "start" })).status).toBe(302);
    const police = new Browserish(server.url);
    await police.login("medewerker@politie.demo");
    const socket = await liveSocket(server.url, police.cookieHeader);
    expect((await join(socket, meetingId)).ok).toBe(true);

    await database.stop();

    // Down: every answer comes fast and says what is wrong; none is a 500.
    const started = Date.now();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    const pages = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const t = Date.now();
        const response = await police.get("/acties");
        return { status: response.status, ms: Date.now() - t, body: await response.text() };
      }),
    );
    expect(pages.map((p) => p.status)).toEqual(pages.map(() => 503));
    expect(pages[0]?.body).toContain("Even geen verbinding met de database");
    const slowest = Math.max(...pages.map((p) => p.ms));
    expect(slowest).toBeLessThan(5_000);
    const write = (await socket.timeout(6_000).emitWithAck("live:need:add", {
      key: randomUUID(),
      itemId,
      text: "Tijdens de herstart",
    })) as Ack<unknown>;
    expect(write).toMatchObject({ ok: false, error: { code: "unavailable" } });
    const downMs = Date.now() - started;

    // Back: the app finds the database again by itself.
    await database.start();
    const back = Date.now();
    await waitFor(async () => (await fetch(`${server.url}/healthz`)).status === 200, 20_000, "/healthz 200 again");
    expect((await police.get("/acties")).status).toBe(200);
    const after = (await socket.timeout(5_000).emitWithAck("live:need:add", {
      key: randomUUID(),
      itemId,
      text: "Na de herstart",
    })) as Ack<unknown>;
    expect(after.ok).toBe(true);
    console.log(
      `PostgreSQL restart: 20 requests while down answered 503 in at most ${slowest} ms (checks took ${downMs} ms); healthy again ${Date.now() - back} ms after PostgreSQL was back`,
    );
  }, 90_000);
});

describe("a slow database", () => {
  it("a statement held up past its timeout ends the request with a 503; requests do not pile up", async () => {
    const server = await startServer({
      DATABASE_URL: process.env.DATABASE_URL,
      DEMO_MODE: "true",
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      DATABASE_STATEMENT_TIMEOUT_SECONDS: "2",
    });
    cleanups.push(() => server.stop());
    const police = new Browserish(server.url);
    await police.login("medewerker@politie.demo");
    expect((await police.get("/acties")).status).toBe(200);

    // Another connection holds a lock every request needs (the session lookup): each statement
    // waits for it, for seconds, as behind a long migration or a stuck transaction.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    cleanups.push(() => blocker.end());
    await blocker.query('BEGIN; LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE');

    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 15 }, async () => {
        const response = await police.get("/acties");
        return { status: response.status, ms: Date.now() - started, body: await response.text() };
      }),
    );
    await blocker.query("ROLLBACK");
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
    expect(answers[0]?.body).toContain("Even geen verbinding met de database");
    // 15 requests, 10 connections, a 2 s statement timeout: all answered within two rounds.
    const slowest = Math.max(...answers.map((a) => a.ms));
    expect(slowest).toBeLessThan(7_000);

    expect((await police.get("/acties")).status).toBe(200);
    console.log(`slow database: 15 requests held by a lock all answered 503 within ${slowest} ms`);
  }, 60_000);
});

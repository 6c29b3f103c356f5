/**
 * The authorization matrix: every cell of tests/authorization/matrix.ts against the real server
 * (HTTP and socket.io), and docs/authorization.md checked to be that same matrix.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Fixture } from "../authorization/fixture";
import { buildFixture } from "../authorization/fixture";
import type { Actor, HttpProbe, Outcome, Row } from "../authorization/matrix";
import { ACTOR_KEYS, ACTORS, ROWS } from "../authorization/matrix";
import { renderAuthorizationDoc } from "../authorization/render";
import { Browserish } from "../support/http-client";
import type { TestServer } from "../support/test-server";
import { ROOT, startDemoServer } from "../support/test-server";

let server: TestServer;
let fx: Fixture;
const clients = new Map<Actor, Browserish>();
const sockets = new Map<Actor, Socket | null>();
let cellsRun = 0;

function connect(cookie: string): Promise<Socket | null> {
  const socket = io(server.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { Cookie: cookie },
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", () => {
      socket.close();
      resolve(null);
    });
  });
}

beforeAll(async () => {
  server = await startDemoServer({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "1000" });
  fx = await buildFixture();
  for (const actor of ACTOR_KEYS) {
    const client = new Browserish(server.url);
    const email = ACTORS[actor].email;
    if (email) await client.login(email);
    clients.set(actor, client);
    sockets.set(actor, await connect(client.cookieHeader));
  }
}, 120_000);

afterAll(async () => {
  for (const socket of sockets.values()) socket?.close();
  await server?.stop();
  console.log(`authorization matrix: ${cellsRun} cells run (${ROWS.length} requests × ${ACTOR_KEYS.length} actors)`);
});

type Observed = { outcome: Outcome; detail: string };

async function httpOutcome(client: Browserish, probe: HttpProbe): Promise<Observed> {
  const response =
    probe.method === "GET" ? await client.get(probe.path) : await client.post(probe.path, probe.body ?? {});
  const location = response.headers.get("Location") ?? "";
  await response.arrayBuffer();
  const detail = `HTTP ${response.status}${location ? ` → ${location}` : ""}`;
  // The logout's own confirmation ("you are logged out") is the action succeeding.
  if (location.startsWith("/login?uitgelogd")) return { outcome: "allow", detail };
  if (
    response.status === 401 ||
    (response.status >= 300 && response.status < 400 && /^\/(login|tweede-stap)\b/.test(location))
  )
    return { outcome: "login", detail };
  if (response.status === 403 || response.status === 404) return { outcome: "refuse", detail };
  if (response.status >= 500) throw new Error(`${probe.method} ${probe.path}: ${detail}`);
  return { outcome: "allow", detail };
}

async function socketOutcome(socket: Socket | null, event: string, payload: unknown): Promise<Observed> {
  if (!socket) return { outcome: "login", detail: "connection refused" };
  const ack = (await socket.timeout(5_000).emitWithAck(event, payload)) as
    { ok: true } | { ok: false; error: { code: string; key: string } };
  if (ack.ok) return { outcome: "allow", detail: "ok" };
  const detail = `${ack.error.code} (${ack.error.key})`;
  // A probe must reach the access check: a payload the schema refuses proves nothing.
  if (ack.error.code === "invalid_payload" || ack.error.code === "internal") throw new Error(`${event}: ${detail}`);
  if (ack.error.code === "unauthenticated") return { outcome: "login", detail };
  if (ack.error.code === "forbidden" || ack.error.code === "not_found") return { outcome: "refuse", detail };
  return { outcome: "allow", detail };
}

async function observe(row: Row, actor: Actor): Promise<Observed> {
  if ("http" in row) return httpOutcome(clients.get(actor) as Browserish, row.http(fx));
  const probe = row.socket(fx);
  return socketOutcome(sockets.get(actor) ?? null, probe.event, probe.payload);
}

describe("authorization matrix", () => {
  // One test per request; each runs its cells for every actor and names every cell that differs.
  it.each(ROWS.map((row) => [`${row.surface} — ${row.on}`, row] as const))("%s", async (_name, row) => {
    const differences: string[] = [];
    for (const actor of ACTOR_KEYS) {
      const observed = await observe(row, actor);
      cellsRun++;
      if (observed.outcome !== row.expect[actor]) {
        differences.push(`${actor}: expected ${row.expect[actor]}, got ${observed.outcome} (${observed.detail})`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("docs/authorization.md is this matrix (npm run docs:authorization)", () => {
    const written = readFileSync(path.join(ROOT, "docs/authorization.md"), "utf8");
    expect(written).toBe(renderAuthorizationDoc());
  });
});

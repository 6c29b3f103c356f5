/**
 * Live-meeting fan-out: 100 live meetings × 12 participants (1,200 sockets, each with its own real
 * session cookie, as signed-in users have), every meeting writing at a steady, accelerated but
 * realistic rate (actions added, role cards edited) plus one burst of 5 quick writes at a random
 * moment. Measured per write: from just before the emit until the last of the 12 participants at
 * that table has the event. Lost and duplicated events are counted per participant.
 *
 * Scenarios, one run, same machine:
 *   baseline   a bare socket.io server broadcasting the same number and size of messages
 *   floor      the same, but each write first commits a PostgreSQL transaction of the product's
 *              shape (sequence bump, the change, audit row, idempotency key): durable before sent
 *   product    the app (auth, zod, authorisation, PostgreSQL transaction, audit row, broadcast)
 *   product ×2 two app processes sharing one database, clients spread over both, with the
 *              PostgreSQL adapter (and the Redis one when Redis answers on REDIS_URL or :6379)
 *
 * Usage: npm run bench:live [-- --meetings 100 --seconds 30 --interval 3000 --burst 5 --rounds 1]   (needs `npm run build`)
 * With --rounds N the three product scenarios run N times, interleaved, and each ratio is the
 * median of the rounds' ratios (the machine's noise moves one 30 s scenario by ±30%).
 * BENCH_SERVER_NODE_ARGS are Node flags for the app processes (e.g. "--cpu-prof --cpu-prof-dir=…").
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createConnection } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";

import { io } from "socket.io-client";
import type { Socket } from "socket.io-client";

import type { Ack, ItemEvent, LiveBoard, WriteResult } from "~/realtime/events";

import { createTestDatabase, dropDatabase, ensureTemplate } from "../tests/support/database";
import { resolveTestServer } from "../tests/support/test-postgres";
import type { TestServer } from "../tests/support/test-server";
import { ROOT, startServer } from "../tests/support/test-server";

const { values: options } = parseArgs({
  options: {
    meetings: { type: "string", default: "100" },
    participants: { type: "string", default: "12" },
    seconds: { type: "string", default: "30" },
    interval: { type: "string", default: "3000" },
    burst: { type: "string", default: "5" },
    /** Rounds of the product scenarios (one, two with PostgreSQL, two with Redis), interleaved. */
    rounds: { type: "string", default: "1" },
  },
});
const ROUNDS = Math.max(1, Number(options.rounds));
const MEETINGS = Number(options.meetings);
const PER_MEETING = Number(options.participants);
const SECONDS = Number(options.seconds);
const INTERVAL_MS = Number(options.interval);
const BURST = Number(options.burst);
const ORGS = ["POL", "OM", "RECL", "RvdK", "VT", "WT"];

// ---- Database and data ------------------------------------------------------------------------

const postgres = await resolveTestServer();
const url = await createTestDatabase(postgres.url, await ensureTemplate(postgres.url), "ao_bench_live");
process.env.DATABASE_URL = url;
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL = "silent";

const { prisma } = await import("~/db.server");
const { seedDemoData } = await import("~/domain/demo/seed.server");
const { createCase } = await import("~/domain/cases/cases.server");
const { addAgendaItem, createMeeting, publishMeeting } = await import("~/domain/meetings/meetings.server");
const { startMeeting } = await import("~/domain/live/live.server");
const { createSession, commitSessionCookie } = await import("~/auth/session.server");
const { sessionUser } = await import("../tests/support/users");

const setupStarted = performance.now();
await seedDemoData();
const org = Object.fromEntries(
  (await prisma.organisation.findMany({ select: { id: true, shortCode: true } })).map((o) => [o.shortCode, o.id]),
);
const participants: { id: string; organisationId: string }[] = [];
for (let i = 0; i < PER_MEETING; i++) {
  const code = ORGS[i % ORGS.length] as string;
  participants.push(
    await prisma.user.create({
      data: {
        email: `bench-${i}@bench.invalid`,
        name: `Deelnemer ${i}`,
        functionTitle: "Benchmark",
        organisationId: org[code] as string,
        roles: ["MEMBER"],
      },
      select: { id: true, organisationId: true },
    }),
  );
}
const chair = await sessionUser("voorzitter@veiligthuis.demo");
const meta = { clientAddress: "192.0.2.1" };
const meetings: { meetingId: string; itemId: string }[] = [];
for (let m = 0; m < MEETINGS; m++) {
  const { reference } = await createCase(
    chair,
    { region: "Westerduin", description: `Benchmarkcasus ${m}: gezin, 2 kinderen.`, riskLevel: "ELEVATED" },
    meta,
  );
  const meeting = await createMeeting(
    chair,
    {
      title: `Benchmark ${m}`,
      region: "Westerduin",
      startsAt: new Date(),
      durationMinutes: 45,
      location: "Zaal",
      invitedOrganisationIds: ORGS.map((c) => org[c] as string),
    },
    meta,
  );
  await addAgendaItem(
    chair,
    meeting.id,
    {
      caseReference: reference,
      question: "Wie doet wat?",
      askingOrganisationId: org.VT as string,
      timeboxMinutes: 15,
      tableOrganisationIds: ORGS.map((c) => org[c] as string),
    },
    meta,
  );
  await publishMeeting(chair, meeting.id, meta);
  await startMeeting(chair, meeting.id, meta);
  const item = await prisma.agendaItem.findFirstOrThrow({ where: { meetingId: meeting.id }, select: { id: true } });
  meetings.push({ meetingId: meeting.id, itemId: item.id });
}
/** One session (and cookie) per socket, as 1,200 people signed in on their own laptops would have. */
async function cookieFor(userId: string): Promise<string> {
  const session = await createSession(userId, { clientAddress: "192.0.2.1", userAgent: "bench" });
  return (await commitSessionCookie(session)).split(";")[0] as string;
}
// The demo meeting (as `npm start` seeds it), started, for the size of what live:join sends.
const { seedDemoMeeting, DEMO_MEETING_TITLE } = await import("~/domain/demo/demo-meeting.server");
await seedDemoMeeting();
const demoChair = await sessionUser("voorzitter@veiligthuis.demo");
const demoMeeting = await prisma.meeting.findFirstOrThrow({
  where: { title: DEMO_MEETING_TITLE },
  select: { id: true },
});
await startMeeting(demoChair, demoMeeting.id, { clientAddress: null });
const demoChairCookie = await cookieFor(demoChair.id);

const cookies: string[][] = [];
for (let m = 0; m < MEETINGS; m++) cookies.push(await Promise.all(participants.map((p) => cookieFor(p.id))));
console.log(
  `setup: ${MEETINGS} live meetings, ${MEETINGS * PER_MEETING} sessions in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
);

// ---- Measuring --------------------------------------------------------------------------------

type Client = { socket: Socket; meeting: number; participant: number; server: number; seen: Map<string, number> };
type Write = { meeting: number; server: number; sentAt: number; key: string | null; burst: boolean; error?: string };
type Result = {
  name: string;
  writes: number;
  latencies: number[];
  burstLatencies: number[];
  /** With several processes: until the last participant on the writer's process, and on another one. */
  sameProcess: number[];
  otherProcess: number[];
  lost: number;
  duplicated: number;
  refused: number;
  memoryPerSocketKb: number;
  /** The server's heap after a full collection, per socket: what a socket keeps. */
  retainedPerSocketKb: number;
};

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D+/g, "") ?? 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The JavaScript heap after a full collection, in KB, as each server reports it on SIGUSR2 (every
 * server in this benchmark runs with --expose-gc: server.ts, the baseline servers): what the
 * sockets keep. Resident memory after a collection is no measure of that — it keeps what the heap
 * grew to while 1,200 clients joined (the fuzzer's flood class found the same).
 */
type Collectable = { pid: number; output: () => string };
const collectedLines = (s: Collectable) =>
  s
    .output()
    .split("\n")
    .filter((l) => l.includes('"msg":"collected"'));
async function collectedHeapKb(servers: Collectable[]): Promise<number[]> {
  const before = servers.map((s) => collectedLines(s).length);
  for (const s of servers) process.kill(s.pid, "SIGUSR2");
  for (let i = 0; i < 100 && servers.some((s, k) => collectedLines(s).length === before[k]); i++) await sleep(50);
  return servers.map((s) => {
    const last = collectedLines(s).pop() ?? "{}";
    return (JSON.parse(last) as { heapUsed: number }).heapUsed / 1024;
  });
}

async function connectAll(urls: string[], headers: (m: number, p: number) => Record<string, string>) {
  const clients: Client[] = [];
  for (let m = 0; m < MEETINGS; m++) {
    const batch = [];
    for (let p = 0; p < PER_MEETING; p++) {
      const server = (m * PER_MEETING + p) % urls.length;
      const socket = io(urls[server] as string, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: headers(m, p),
      });
      batch.push(
        new Promise<Client>((resolve, reject) => {
          socket.once("connect", () => resolve({ socket, meeting: m, participant: p, server, seen: new Map() }));
          socket.once("connect_error", reject);
        }),
      );
    }
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

/** The same schedule for every scenario: steady writes per meeting plus one burst at a random moment. */
async function drive(write: (meeting: number, participant: number, burst: boolean) => Promise<void>) {
  const started = performance.now();
  const tasks: Promise<void>[] = [];
  for (let m = 0; m < MEETINGS; m++) {
    tasks.push(
      (async () => {
        await sleep(Math.random() * INTERVAL_MS);
        const burstAt = SECONDS * 1000 * (0.25 + Math.random() * 0.5);
        let burstDone = false;
        let turn = 0;
        while (performance.now() - started < SECONDS * 1000) {
          if (BURST > 0 && !burstDone && performance.now() - started >= burstAt) {
            burstDone = true;
            await Promise.all(Array.from({ length: BURST }, (_, i) => write(m, (turn + i) % PER_MEETING, true)));
            turn += BURST;
          }
          void write(m, turn++ % PER_MEETING, false).catch(() => undefined);
          await sleep(INTERVAL_MS * (0.5 + Math.random()));
        }
      })(),
    );
  }
  await Promise.all(tasks);
  await sleep(3_000); // stragglers
}

function summarise(
  name: string,
  writes: Write[],
  clients: Client[],
  keyOf: (w: Write) => string | null,
  memoryPerSocketKb: number,
  retainedPerSocketKb: number,
): Result {
  const latencies: number[] = [];
  const burstLatencies: number[] = [];
  const sameProcess: number[] = [];
  const otherProcess: number[] = [];
  let lost = 0;
  let duplicated = 0;
  let refused = 0;
  const byMeeting = new Map<number, Client[]>();
  for (const c of clients) byMeeting.set(c.meeting, [...(byMeeting.get(c.meeting) ?? []), c]);
  for (const c of clients) for (const count of c.seen.values()) if (count < 0) duplicated++;
  for (const w of writes) {
    const key = keyOf(w);
    if (!key) {
      refused++;
      continue;
    }
    let last = 0;
    let lastSame = 0;
    let lastOther = 0;
    for (const c of byMeeting.get(w.meeting) ?? []) {
      const at = c.seen.get(key);
      if (at === undefined) lost++;
      else {
        last = Math.max(last, Math.abs(at));
        if (c.server === w.server) lastSame = Math.max(lastSame, Math.abs(at));
        else lastOther = Math.max(lastOther, Math.abs(at));
      }
    }
    if (last) (w.burst ? burstLatencies : latencies).push(last - w.sentAt);
    if (lastSame) sameProcess.push(lastSame - w.sentAt);
    if (lastOther) otherProcess.push(lastOther - w.sentAt);
  }
  return {
    name,
    writes: writes.length,
    latencies: [...latencies, ...burstLatencies],
    burstLatencies,
    sameProcess,
    otherProcess,
    lost,
    duplicated,
    refused,
    memoryPerSocketKb,
    retainedPerSocketKb,
  };
}

/** Records a receipt; a second receipt of the same event by the same client is marked negative. */
function receive(client: Client, key: string) {
  const at = performance.now();
  if (client.seen.has(key)) client.seen.set(key, -Math.abs(client.seen.get(key) as number));
  else client.seen.set(key, at);
}

/** A baseline server (bare broadcast, or the durable floor) driven exactly like the product. */
async function baselineScenario(name: string, script: string, env: Record<string, string> = {}): Promise<Result> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(ROOT, script)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve) =>
    child.stdout.once("data", (chunk: Buffer) =>
      resolve(JSON.parse(chunk.toString().split("\n")[0] ?? "").port as number),
    ),
  );
  await sleep(300);
  const pid = child.pid as number;
  const collectable = { pid, output: () => output };
  const [collectedBefore] = await collectedHeapKb([collectable]);
  const before = rssKb(pid);
  const clients = await connectAll([`http://127.0.0.1:${port}`], () => ({}));
  for (const c of clients) {
    c.socket.on("evt", (event: { id: string }) => receive(c, event.id));
    await c.socket.emitWithAck("join", `room-${c.meeting}`);
  }
  await sleep(500);
  const memory = (rssKb(pid) - before) / clients.length;
  const [collectedAfter] = await collectedHeapKb([collectable]);
  const retained = ((collectedAfter as number) - (collectedBefore as number)) / clients.length;
  const writes: Write[] = [];
  const padding = "x".repeat(380); // about the size of a live event (an action with its owner)
  await drive(async (m, p, burst) => {
    const client = clients[m * PER_MEETING + p] as Client;
    const w: Write = { meeting: m, server: 0, sentAt: performance.now(), key: randomUUID(), burst };
    writes.push(w);
    const itemId = meetings[m]?.itemId as string;
    const ack = (await client.socket.emitWithAck("write", { room: `room-${m}`, itemId, id: w.key, data: padding })) as {
      ok: boolean;
    };
    if (!ack.ok) w.key = null;
  });
  for (const c of clients) c.socket.disconnect();
  child.kill("SIGINT");
  return summarise(name, writes, clients, (w) => w.key, memory, retained);
}

/** Bytes of the live:join answer for the demo meeting, as the chair receives it, and per item. */
async function joinSize(serverUrl: string) {
  const socket = io(serverUrl, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { Cookie: demoChairCookie },
  });
  try {
    const ack = (await socket
      .timeout(10_000)
      .emitWithAck("live:join", { meetingId: demoMeeting.id })) as Ack<LiveBoard>;
    if (!ack.ok) throw new Error(`demo join failed: ${ack.error.key}`);
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    const items = ack.data.items.map((item) => ({
      tables: item.content?.tableOrganisationIds.length ?? 0,
      bytes: bytes(item),
    }));
    return { total: bytes(ack), items };
  } finally {
    socket.disconnect();
  }
}

async function productScenario(name: string, servers: TestServer[]): Promise<Result> {
  await sleep(300);
  const pids = servers.map((s) => s.process.pid as number);
  const collectables = servers.map((s) => ({ pid: s.process.pid as number, output: s.output }));
  const collectedBefore = await collectedHeapKb(collectables);
  const before = pids.map(rssKb);
  const clients = await connectAll(
    servers.map((s) => s.url),
    (m, p) => ({ Cookie: cookies[m]?.[p] as string }),
  );
  const cards = new Map<string, { id: string; version: number }>(); // per meeting:organisation
  const seqKey = (itemId: string, seq: number) => `${itemId}:${seq}`;
  for (const c of clients) {
    c.socket.on("live:item", (event: ItemEvent) => {
      receive(c, seqKey(event.itemId, event.seq));
      if (event.change.kind === "roleCard") {
        const card = cards.get(`${c.meeting}:${event.change.roleCard.organisationId}`);
        if (card && card.version < event.change.roleCard.version) card.version = event.change.roleCard.version;
      }
    });
  }
  for (let i = 0; i < clients.length; i += 100) {
    await Promise.all(
      clients.slice(i, i + 100).map(async (c) => {
        const ack = (await c.socket.emitWithAck("live:join", {
          meetingId: meetings[c.meeting]?.meetingId,
        })) as Ack<LiveBoard>;
        if (!ack.ok) throw new Error(`join failed: ${ack.error.key}`);
        for (const card of ack.data.items[0]?.content?.board.roleCards ?? [])
          cards.set(`${c.meeting}:${card.organisationId}`, { id: card.id, version: card.version });
      }),
    );
  }
  await sleep(500);
  const memory = pids.reduce((sum, pid, i) => sum + rssKb(pid) - (before[i] as number), 0) / clients.length;
  const collectedAfter = await collectedHeapKb(collectables);
  const retained = collectedAfter.reduce((sum, kb, i) => sum + kb - (collectedBefore[i] as number), 0) / clients.length;
  const writes: Write[] = [];
  const meetingOf = meetings;
  await drive(async (m, p, burst) => {
    const client = clients[m * PER_MEETING + p] as Client;
    const itemId = meetingOf[m]?.itemId as string;
    const organisationId = participants[p]?.organisationId as string;
    const card = cards.get(`${m}:${organisationId}`);
    const editCard = !burst && p % 2 === 1 && card;
    const event = editCard ? "live:roleCard:save" : "live:action:add";
    const payload = editCard
      ? {
          key: randomUUID(),
          cardId: card.id,
          version: card.version,
          roleInCase: `Onze rol, versie ${card.version + 1}: wij nemen het huisverbod voor onze rekening.`,
          knowledge: "",
          knowledgeLegalBasis: "",
          contribution: "Wij leveren een medewerker voor het huisbezoek en delen onze risicotaxatie.",
          limitsHere: "Geen hulpverlening.",
        }
      : {
          key: randomUUID(),
          itemId,
          description: `Actie ${writes.length}: huisbezoek plannen en terugkoppelen aan de tafel.`,
          ownerOrganisationId: organisationId,
          ownerUserId: "",
          dueDate: "2027-01-15",
        };
    const w: Write = { meeting: m, server: client.server, sentAt: performance.now(), key: null, burst };
    writes.push(w);
    let ack: Ack<WriteResult>;
    try {
      ack = (await client.socket.timeout(30_000).emitWithAck(event, payload)) as Ack<WriteResult>;
    } catch {
      w.error = "timeout";
      return;
    }
    if (ack.ok) w.key = seqKey(ack.data.itemId, ack.data.seq);
    else w.error = ack.error.code;
    if (ack.ok && ack.data.change.kind === "roleCard" && card && card.version < ack.data.change.roleCard.version)
      card.version = ack.data.change.roleCard.version;
  });
  for (const c of clients) c.socket.disconnect();
  return summarise(name, writes, clients, (w) => w.key, memory, retained);
}

async function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 500 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => resolve(false));
  });
}

const serverEnv = (extra: Record<string, string> = {}): Partial<NodeJS.ProcessEnv> => ({
  DATABASE_URL: url,
  NODE_ENV: "production",
  SESSION_SECRET: process.env.SESSION_SECRET,
  LOG_LEVEL: "info",
  NODE_OPTIONS: "--expose-gc",
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app processes.
  TEST_SERVER_NODE_ARGS: process.env.BENCH_SERVER_NODE_ARGS ?? "",
  ...extra,
});

const results: Result[] = [];
let joined: Awaited<ReturnType<typeof joinSize>> | null = null;
try {
  results.push(await baselineScenario("baseline: bare socket.io, 1 process", "bench/live-baseline-server.ts"));
  results.push(
    await baselineScenario("floor: durable write, then broadcast", "bench/live-durable-server.ts", {
      DATABASE_URL: url,
      BENCH_USER_ID: participants[0]?.id as string,
      BENCH_ORGANISATION_ID: participants[0]?.organisationId as string,
    }),
  );

  for (let round = 1; round <= ROUNDS; round++) {
    const tag = ROUNDS > 1 ? ` (round ${round})` : "";
    const single = await startServer(serverEnv());
    try {
      if (round === 1) joined = await joinSize(single.url);
      results.push(await productScenario(`product: 1 process${tag}`, [single]));
    } finally {
      await single.stop();
    }

    const pair = [
      await startServer(serverEnv({ REALTIME_ADAPTER: "postgres" })),
      await startServer(serverEnv({ REALTIME_ADAPTER: "postgres" })),
    ];
    try {
      results.push(await productScenario(`product: 2 processes, postgres adapter${tag}`, pair));
    } finally {
      await Promise.all(pair.map((s) => s.stop()));
    }

    const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
    const redis = new URL(redisUrl);
    if (await reachable(redis.hostname, Number(redis.port || 6379))) {
      const redisPair = [
        await startServer(serverEnv({ REALTIME_ADAPTER: "redis", REDIS_URL: redisUrl })),
        await startServer(serverEnv({ REALTIME_ADAPTER: "redis", REDIS_URL: redisUrl })),
      ];
      try {
        results.push(await productScenario(`product: 2 processes, redis adapter${tag}`, redisPair));
      } finally {
        await Promise.all(redisPair.map((s) => s.stop()));
      }
    } else if (round === 1) {
      console.log(`(no Redis at ${redisUrl}: the redis-adapter scenario is not run)`);
    }
  }
} finally {
  await prisma.$disconnect();
  await dropDatabase(postgres.url, url);
  await postgres.stop();
}

// ---- Report -----------------------------------------------------------------------------------

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const baselineP95 = quantile(results[0]?.latencies ?? [], 0.95);
const ms = (x: number) => x.toFixed(1).padStart(7);
console.log(
  `\n${MEETINGS} meetings × ${PER_MEETING} participants = ${MEETINGS * PER_MEETING} sockets; ${SECONDS} s, one write per meeting every ~${INTERVAL_MS / 1000} s, plus a burst of ${BURST} per meeting`,
);
console.log("latency = write sent → the last participant at that table has it (ms)\n");
console.log(
  `${"scenario".padEnd(42)} ${"writes".padStart(6)} ${"median".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)} ${"burst p95".padStart(9)} ${"p95/base".padStart(8)} ${"lost".padStart(5)} ${"dup".padStart(4)} ${"refused".padStart(7)} ${"KB/socket".padStart(9)} ${"heap GC".padStart(8)}`,
);
for (const r of results) {
  const p95 = quantile(r.latencies, 0.95);
  console.log(
    `${r.name.padEnd(42)} ${String(r.writes).padStart(6)} ${ms(quantile(r.latencies, 0.5))} ${ms(p95)} ${ms(quantile(r.latencies, 0.99))} ${ms(Math.max(...r.latencies))} ${ms(quantile(r.burstLatencies, 0.95)).padStart(9)} ${(p95 / baselineP95).toFixed(2).padStart(8)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(4)} ${String(r.refused).padStart(7)} ${r.memoryPerSocketKb.toFixed(1).padStart(9)} ${r.retainedPerSocketKb.toFixed(1).padStart(8)}`,
  );
}
const floor = results.find((r) => r.name.startsWith("floor"));
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const rounds = (prefix: string) => results.filter((r) => r.name.startsWith(prefix));
const singles = rounds("product: 1 process");
if (floor && singles.length) {
  const p95 = (r: Result) => quantile(r.latencies, 0.95);
  const burstP95 = (r: Result) => quantile(r.burstLatencies, 0.95);
  const perRound = (xs: number[]) => (xs.length > 1 ? `  (rounds: ${xs.map((x) => x.toFixed(2)).join(", ")})` : "");
  const againstFloor = singles.map((r) => p95(r) / p95(floor));
  const burstAgainstFloor = singles.map((r) => burstP95(r) / burstP95(floor));
  console.log(
    `\nagainst the durable floor (same run; targets: p95 ≤ 1.5, burst p95 ≤ 2, two processes ≤ 1.3× one)${ROUNDS > 1 ? `; the median of ${ROUNDS} rounds` : ""}:`,
  );
  console.log(`  product p95 / floor p95             ${median(againstFloor).toFixed(2)}${perRound(againstFloor)}`);
  console.log(
    `  product burst p95 / floor burst p95 ${median(burstAgainstFloor).toFixed(2)}${perRound(burstAgainstFloor)}`,
  );
  for (const adapter of ["postgres", "redis"]) {
    const pairs = rounds(`product: 2 processes, ${adapter} adapter`);
    if (pairs.length === 0) continue;
    // Each round's two processes against the same round's one process.
    const ratios = pairs.map((r, i) => p95(r) / p95(singles[i] as Result));
    const own = median(pairs.map((r) => quantile(r.sameProcess, 0.95)));
    const other = median(pairs.map((r) => quantile(r.otherProcess, 0.95)));
    console.log(
      `  2 processes, ${adapter} adapter`.padEnd(37) +
        `${median(ratios).toFixed(2)} × one process${perRound(ratios)} (p95 to the writer's own process ${own.toFixed(1)} ms, to the other ${other.toFixed(1)} ms)`,
    );
  }
}
if (joined) {
  const fullest = Math.max(...joined.items.map((i) => i.bytes));
  console.log(
    `\nlive:join, demo meeting as the chair: ${(joined.total / 1024).toFixed(1)} KB for ${joined.items.length} items; the fullest item ${(fullest / 1024).toFixed(1)} KB (target ≤ 50 KB); per item: ${joined.items.map((i) => `${(i.bytes / 1024).toFixed(1)} KB (${i.tables} at the table)`).join(", ")}`,
  );
}
process.exit(0);

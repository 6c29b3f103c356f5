/**
 * Signed-in pages under load: per page, 20 concurrent clients (one police member's session) for a
 * few seconds — requests/s, median and p95 latency, HTML size, and the SQL statements one request
 * runs (counted by the server itself: SQL_STATEMENT_COUNTER=1 makes every response carry
 * `X-Sql-Statements`). Baseline in the same run: GET /healthz. The demo region, with the demo
 * meeting started so that its live page exists.
 * Usage: npm run bench:pages [-- --seconds 3 --rounds 5 --concurrency 20 --only "live page"]   (needs `npm run build`)
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { createTestDatabase, dropDatabase, ensureTemplate } from "../tests/support/database";
import { Browserish } from "../tests/support/http-client";
import { resolveTestServer } from "../tests/support/test-postgres";
import { startServer } from "../tests/support/test-server";

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "20" },
    // Every page is measured once per round, the rounds one after another, and the median round
    // is reported: a slow spell of this shared machine then hits one round, not one page.
    rounds: { type: "string", default: "5" },
    // --only "live page" measures that page alone (with the baseline): for a CPU profile of one page.
    only: { type: "string" },
  },
});
const SECONDS = Number(options.seconds);
const CONCURRENCY = Number(options.concurrency);
const ROUNDS = Number(options.rounds);

const postgres = await resolveTestServer();
const url = await createTestDatabase(postgres.url, await ensureTemplate(postgres.url), "ao_bench_pages");
process.env.DATABASE_URL = url;
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
process.env.LOG_LEVEL = "silent";

const server = await startServer({
  DATABASE_URL: url,
  DEMO_MODE: "true",
  NODE_ENV: "production",
  SESSION_SECRET: process.env.SESSION_SECRET,
  LOG_LEVEL: "info",
  SQL_STATEMENT_COUNTER: "1",
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app process.
  TEST_SERVER_NODE_ARGS: process.env.BENCH_SERVER_NODE_ARGS ?? "",
});

type Run = {
  rps: number;
  latencies: number[];
  bytes: number;
  statements: number[];
  cpuMs: number;
  pgMs: number;
  clientMs: number;
};
type Row = {
  page: string;
  rps: number;
  rpsRange: [number, number];
  median: number;
  p95: number;
  bytes: number;
  statements: number;
  /** CPU time per request (ms), the median round: the app process, PostgreSQL, this client. */
  cpuMs: number;
  pgMs: number;
  clientMs: number;
};
const rows: Row[] = [];
const runs = new Map<string, Run[]>();
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** CPU time the app process has used so far (user + system), in ms, from /proc (Linux). */
function serverCpuMs(): number {
  const pid = server.process.pid;
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

/** CPU time all PostgreSQL processes on this machine have used so far, in ms (NaN if unreadable). */
function postgresCpuMs(): number {
  let total = 0;
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        if (!stat.includes("(postgres)")) continue;
        const fields = stat.split(") ")[1]?.split(" ") ?? [];
        total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
      } catch {
        // the process ended meanwhile
      }
    }
    return total;
  } catch {
    return NaN;
  }
}
const clientCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function measure(path: string, cookie: string): Promise<Run> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(server.url + path, { headers: { Cookie: cookie }, redirect: "manual" });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return {
      ms: performance.now() - started,
      bytes: body.byteLength,
      statements: Number(response.headers.get("x-sql-statements") ?? NaN),
    };
  };
  for (let i = 0; i < 20; i++) await get(); // warm-up
  const latencies: number[] = [];
  const statements: number[] = [];
  let bytes = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const cpuBefore = [serverCpuMs(), postgresCpuMs(), clientCpuMs()];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const r = await get();
        latencies.push(r.ms);
        statements.push(r.statements);
        bytes = r.bytes;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const [cpuMs, pgMs, clientMs] = [serverCpuMs(), postgresCpuMs(), clientCpuMs()].map(
    (after, i) => (after - (cpuBefore[i] ?? NaN)) / latencies.length,
  ) as [number, number, number];
  return { rps: latencies.length / elapsed, latencies, bytes, statements, cpuMs, pgMs, clientMs };
}

const medianOf = (xs: number[]) => quantile(xs, 0.5);

/** The median round's requests/s, and latencies and statements over all rounds. */
function summarise(page: string, runs: Run[]): Row {
  const rates = runs.map((r) => r.rps).sort((a, b) => a - b);
  const latencies = runs.flatMap((r) => r.latencies);
  return {
    page,
    rps: quantile(rates, 0.5),
    rpsRange: [rates[0] ?? NaN, rates[rates.length - 1] ?? NaN],
    median: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    bytes: runs[0]?.bytes ?? NaN,
    cpuMs: medianOf(runs.map((r) => r.cpuMs)),
    pgMs: medianOf(runs.map((r) => r.pgMs)),
    clientMs: medianOf(runs.map((r) => r.clientMs)),
    statements: medianOf(runs.flatMap((r) => r.statements)),
  };
}

try {
  const { prisma } = await import("~/db.server");
  const { startMeeting } = await import("~/domain/live/live.server");
  const { DEMO_MEETING_TITLE } = await import("~/domain/demo/demo-meeting.server");
  const { sessionUser } = await import("../tests/support/users");
  const meeting = await prisma.meeting.findFirstOrThrow({ where: { title: DEMO_MEETING_TITLE }, select: { id: true } });
  const published = await prisma.meeting.create({
    data: await (async () => {
      const m = await prisma.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { title: true, region: true, startsAt: true, durationMinutes: true, location: true, chairId: true },
      });
      return { ...m, title: `${m.title} — live`, status: "PUBLISHED" as const };
    })(),
    select: { id: true },
  });
  // The live page needs a started meeting with the same agenda: copy the demo meeting's items.
  const items = await prisma.agendaItem.findMany({
    where: { meetingId: meeting.id },
    select: {
      caseId: true,
      position: true,
      question: true,
      timeboxMinutes: true,
      askingOrganisationId: true,
      tables: { select: { organisationId: true } },
    },
  });
  const invitations = await prisma.meetingInvitation.findMany({
    where: { meetingId: meeting.id },
    select: { organisationId: true },
  });
  await prisma.meetingInvitation.createMany({
    data: invitations.map((i) => ({ meetingId: published.id, organisationId: i.organisationId })),
  });
  for (const item of items) {
    const { tables, ...rest } = item;
    await prisma.agendaItem.create({
      data: { ...rest, meetingId: published.id, tables: { create: tables } },
    });
  }
  await startMeeting(await sessionUser("voorzitter@veiligthuis.demo"), published.id, { clientAddress: null });

  const police = new Browserish(server.url);
  await police.login("medewerker@politie.demo");
  const cookie = police.cookieHeader;
  // The chair's own pages: her start page (meetings, every organisation's actions) and /acties across her meetings.
  const chair = new Browserish(server.url);
  await chair.login("voorzitter@veiligthuis.demo");
  const cookieOf = (page: string) =>
    page.startsWith("/healthz") ? "" : page.startsWith("chair:") ? chair.cookieHeader : cookie;
  const pagesToMeasure = (
    [
      ["/healthz (baseline, no session)", "/healthz"],
      ["start page", "/"],
      ["directory", "/organisaties"],
      ["meeting list", "/overleggen"],
      ["meeting page", `/overleggen/${meeting.id}`],
      ["live page", `/overleggen/${published.id}/live`],
      ["actions", "/acties"],
      ["cases", "/casussen"],
      ["chair: start page", "/"],
      ["chair: all actions", "/acties?bereik=mijn-overleggen"],
    ] as const
  ).filter(([page], i) => i === 0 || !options.only || page === options.only);
  for (const [page] of pagesToMeasure) runs.set(page, []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [page, path] of pagesToMeasure) {
      runs.get(page)?.push(await measure(path, cookieOf(page)));
    }
  }
  for (const [page, pageRuns] of runs) rows.push(summarise(page, pageRuns));
  await prisma.$disconnect();
} finally {
  await server.stop();
  await dropDatabase(postgres.url, url);
  await postgres.stop();
}

const pages = rows.slice(1);
// Each page against the fastest page of the same round, the median over the rounds.
const signedIn = [...runs].slice(1);
const ratioOf = new Map(
  signedIn.map(([page, pageRuns]) => [
    page,
    quantile(
      pageRuns.map((run, round) => run.rps / Math.max(...signedIn.map(([, r]) => r[round]?.rps ?? 0))),
      0.5,
    ),
  ]),
);
console.log(
  `\n${CONCURRENCY} concurrent, ${SECONDS} s per page and round, ${ROUNDS} rounds (req/s: the median round, and the range), signed in as a police member (the "chair:" pages as the chair)\n`,
);
console.log(
  `${"page".padEnd(32)} ${"req/s".padStart(7)} ${"range".padStart(9)} ${"median".padStart(7)} ${"p95".padStart(7)} ${"KB".padStart(6)} ${"SQL".padStart(4)} ${"app ms".padStart(6)} ${"pg ms".padStart(6)} ${"client".padStart(6)} ${"vs fastest".padStart(10)}`,
);
for (const r of rows) {
  console.log(
    `${r.page.padEnd(32)} ${r.rps.toFixed(0).padStart(7)} ${`${r.rpsRange[0].toFixed(0)}–${r.rpsRange[1].toFixed(0)}`.padStart(9)} ${r.median.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${(r.bytes / 1024).toFixed(1).padStart(6)} ${String(r.statements).padStart(4)} ${r.cpuMs.toFixed(1).padStart(6)} ${r.pgMs.toFixed(1).padStart(6)} ${r.clientMs.toFixed(1).padStart(6)} ${r === rows[0] ? "" : `${(100 * (ratioOf.get(r.page) ?? NaN)).toFixed(0)}%`.padStart(10)}`,
  );
}
const slowest = Math.min(...ratioOf.values());
const most = Math.max(...pages.map((r) => r.statements));
console.log(
  `\ntargets: at most 8 statements per page view (most: ${most}); slowest page ≥ 70% of the fastest (${(100 * slowest).toFixed(0)}%, the fastest page of each round taken as 100%)`,
);
process.exit(0);

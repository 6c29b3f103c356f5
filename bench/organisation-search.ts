/**
 * Directory search on 500 organisations (the 7 demo ones plus 493 generated with realistic
 * profiles), on a fresh copy of the migrated template database:
 *   - the domain function (searchDirectory) for several kinds of query;
 *   - the whole page over HTTP (GET /organisaties?q=…, server-rendered, signed in).
 * Baselines in the same run: a `SELECT 1` through Prisma, and GET /healthz over HTTP.
 * Usage: npm run bench:search [-- runs]   (needs `npm run build`)
 */
import { randomBytes } from "node:crypto";

import { createTestDatabase, dropDatabase, ensureTemplate } from "../tests/support/database";
import { Browserish } from "../tests/support/http-client";
import { resolveTestServer } from "../tests/support/test-postgres";
import { startServer } from "../tests/support/test-server";

const runs = Number(process.argv[2] ?? 200);
const postgres = await resolveTestServer();
const url = await createTestDatabase(postgres.url, await ensureTemplate(postgres.url), "ao_bench");
process.env.DATABASE_URL = url;
process.env.SESSION_SECRET ??= randomBytes(32).toString("base64url");
process.env.LOG_LEVEL = "silent";

const { prisma } = await import("~/db.server");
const { seedDemoData } = await import("~/domain/demo/seed.server");
const { demoProfiles } = await import("~/domain/demo/demo-profiles");
const { profileSearchColumns, searchDirectory } = await import("~/domain/organisations/role-profiles.server");
const { sessionUser } = await import("../tests/support/users");

await seedDemoData();
const kinds = [
  "POLICE",
  "PROSECUTION",
  "PROBATION",
  "CHILD_PROTECTION_BOARD",
  "VEILIG_THUIS",
  "LOCAL_TEAM",
  "YOUTH_PROTECTION",
  "MENTAL_HEALTH",
  "OTHER",
] as const;
const templates = Object.values(demoProfiles).map((p) => p.profile);
const regions = Array.from({ length: 25 }, (_, i) => `Regio ${i + 1}`);
const organisations = [];
const versions = [];
for (let i = 0; i < 493; i++) {
  const profile = structuredClone(templates[i % templates.length]!);
  profile.capabilities.push({ title: `Specialisme ${i}`, explanation: "Gegenereerd voor de benchmark." });
  const id = `bench-${i}`;
  organisations.push({
    id,
    name: `Organisatie ${i} ${kinds[i % kinds.length]!.toLowerCase().replace(/_/g, " ")}`,
    shortCode: `B${i}`,
    slug: `bench-${i}`,
    kind: kinds[i % kinds.length]!,
    region: regions[i % regions.length]!,
    profileVersion: 1,
    profileReviewedAt: new Date(),
    ...profileSearchColumns(profile),
  });
  versions.push({ organisationId: id, number: 1, content: profile, changeSummary: "bench", authorName: "bench" });
}
await prisma.organisation.createMany({ data: organisations });
await prisma.roleProfileVersion.createMany({ data: versions });
const total = await prisma.organisation.count();

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms  p95 ${at(0.95).toFixed(2)} ms  max ${sorted.at(-1)!.toFixed(2)} ms`;
};
async function time(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, n); i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

const viewer = await sessionUser("medewerker@om.demo");
const queries: [string, Parameters<typeof searchDirectory>[1]][] = [
  ["all, page 1 of 10", { page: 1 }],
  ["name: 'politie'", { q: "politie", page: 1 }],
  ["capability: 'huisverbod'", { q: "huisverbod", page: 1 }],
  ["legal basis: 'jeugdwet'", { q: "jeugdwet", page: 1 }],
  ["kind + region + 'taxatie'", { q: "taxatie", kind: "VEILIG_THUIS", region: "Regio 5", page: 1 }],
  ["no match: 'xyzzy'", { q: "xyzzy", page: 1 }],
];
console.log(`directory search, ${total} organisations, ${runs} runs each (after 20 warm-up)`);
console.log(
  `  ${"baseline: SELECT 1 via Prisma".padEnd(34)} ${stats(await time(runs, () => prisma.$queryRaw`SELECT 1`))}`,
);
for (const [name, query] of queries) {
  const hits = (await searchDirectory(viewer, query)).total;
  console.log(
    `  ${`${name} (${hits} hits)`.padEnd(34)} ${stats(await time(runs, () => searchDirectory(viewer, query)))}`,
  );
}

const server = await startServer({
  DATABASE_URL: url,
  NODE_ENV: "production",
  SESSION_SECRET: process.env.SESSION_SECRET,
  LOG_LEVEL: "info", // the ready line is an info line
});
try {
  const client = new Browserish(server.url);
  await client.login("medewerker@om.demo");
  const httpRuns = Math.max(20, Math.floor(runs / 4));
  console.log(`whole page over HTTP (server-rendered, signed in), ${httpRuns} runs each`);
  console.log(
    `  ${"baseline: GET /healthz".padEnd(34)} ${stats(await time(httpRuns, async () => (await client.get("/healthz")).text()))}`,
  );
  for (const path of ["/organisaties", "/organisaties?q=huisverbod", "/organisaties?q=jeugdwet&pagina=2"]) {
    console.log(
      `  ${`GET ${path}`.padEnd(34)} ${stats(await time(httpRuns, async () => (await client.get(path)).text()))}`,
    );
  }
} finally {
  await server.stop();
  await prisma.$disconnect();
  await dropDatabase(postgres.url, url);
  await postgres.stop();
}

/**
 * Start-to-ready of the production server on the embedded database:
 *   baseline — `node --import tsx` running an empty module (the runtime's own floor);
 *   first    — fresh data directory (initdb, migrations, demo data);
 *   later    — same data directory, clean stop before;
 *   recovery — after SIGKILL of the app (orphaned PostgreSQL is stopped first).
 * "ready" = the server logged its ready line; "login" = first GET /login answered 200.
 * Usage: npm run bench:startup [-- runs]   (needs `npm run build`)
 */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";

import { startServer } from "../tests/support/test-server";

const runs = Number(process.argv[2] ?? 3);
const ROOT = path.resolve(import.meta.dirname, "..");

async function baselineMs(): Promise<number> {
  const started = performance.now();
  await new Promise((resolve) =>
    spawn(process.execPath, ["--import", "tsx", "-e", "0"], { cwd: ROOT }).on("exit", resolve),
  );
  return performance.now() - started;
}

async function timedStart(dataDir: string) {
  const started = performance.now();
  const server = await startServer({ DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "info" }, 120_000);
  const ready = performance.now() - started;
  const response = await fetch(`${server.url}/login`);
  if (response.status !== 200) throw new Error(`/login answered ${response.status}`);
  await response.text();
  return { server, ready, login: performance.now() - started };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const rows: Record<string, { ready: number[]; login: number[] }> = {
  baseline: { ready: [], login: [] },
  first: { ready: [], login: [] },
  later: { ready: [], login: [] },
  recovery: { ready: [], login: [] },
};

for (let i = 0; i < runs; i++) {
  const dataDir = path.join(".data", `bench-startup-${process.pid}-${i}`);
  try {
    rows.baseline!.ready.push(await baselineMs());
    const first = await timedStart(dataDir);
    rows.first!.ready.push(first.ready);
    rows.first!.login.push(first.login);
    await first.server.stop("SIGINT");

    const later = await timedStart(dataDir);
    rows.later!.ready.push(later.ready);
    rows.later!.login.push(later.login);
    await later.server.stop("SIGKILL");

    const recovery = await timedStart(dataDir);
    rows.recovery!.ready.push(recovery.ready);
    rows.recovery!.login.push(recovery.login);
    await recovery.server.stop("SIGINT");
  } finally {
    await rm(path.join(ROOT, dataDir), { recursive: true, force: true });
  }
}

console.log(`start-to-ready, production build, embedded PostgreSQL, ${runs} run(s), median (min–max) in seconds`);
for (const [name, { ready, login }] of Object.entries(rows)) {
  const fmt = (xs: number[]) =>
    xs.length
      ? `${(median(xs) / 1000).toFixed(2)} (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`
      : "—";
  console.log(`  ${name.padEnd(9)} ready ${fmt(ready).padEnd(20)} first /login 200 ${fmt(login)}`);
}

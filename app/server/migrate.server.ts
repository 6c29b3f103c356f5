import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Names of migrations that exist on disk but are not recorded as applied in the database. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('public._prisma_migrations') AS t`);
    const applied = new Set<string>();
    if (table.rows[0]?.t) {
      const rows = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      for (const row of rows.rows) applied.add(row.migration_name);
    }
    return (await migrationNames()).filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

const DEPLOY_TIMEOUT_MS = 120_000;

/**
 * Applies pending migrations with Prisma's own `migrate deploy`. The check first keeps later starts
 * fast. Prisma 6.19's WASM schema engine leaves a ~10 s timer running after its work is done
 * (docs/decisions/0001-prisma-6-offline.md): once it reports success and the database confirms
 * every migration as finished, the idle process is ended instead of waited for.
 */
export async function applyMigrations(databaseUrl: string, log: (m: string) => void): Promise<number> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length === 0) return 0;
  log(`Databasemigraties toepassen (${pending.length})…`);
  const prismaBin = path.resolve("node_modules/.bin/prisma");
  await new Promise<void>((resolve, reject) => {
    let output = "";
    let settled = false;
    // Its own process group, so that ending it also ends the esbuild helper it starts to load
    // prisma.config.ts (an orphaned helper prints a goroutine dump on the server's console).
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const endGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(endGroup, DEPLOY_TIMEOUT_MS);
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const onOutput = (d: Buffer) => {
      output += d.toString();
      if (/All migrations have been successfully applied|No pending migrations to apply/.test(output)) {
        void pendingMigrations(databaseUrl).then(
          (left) => {
            if (left.length > 0) return;
            child.kill("SIGTERM");
            finish();
          },
          () => undefined,
        );
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", (error) => finish(error));
    child.on("close", (code) =>
      code === 0 ? finish() : finish(new Error(`prisma migrate deploy mislukte (code ${code}):\n${output}`)),
    );
  });
  return pending.length;
}

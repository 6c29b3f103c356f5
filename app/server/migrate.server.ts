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

/**
 * Applies pending migrations with Prisma's own `migrate deploy`. The check first keeps later starts
 * fast: the WASM schema engine needs ~12 s even when there is nothing to do.
 */
export async function applyMigrations(databaseUrl: string, log: (m: string) => void): Promise<number> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length === 0) return 0;
  log(`Databasemigraties toepassen (${pending.length})…`);
  const prismaBin = path.resolve("node_modules/.bin/prisma");
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy mislukte (code ${code}):\n${output}`)),
    );
  });
  return pending.length;
}

/**
 * Test databases: one template database per set of migrations (migrated once, reused while the
 * migrations do not change), and a fresh copy of it per test file or test server
 * (`CREATE DATABASE … TEMPLATE …` takes a fraction of a second; `migrate deploy` takes ~12 s).
 */
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { applyMigrations } from "~/server/migrate.server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TEMPLATE_LOCK = 428_1128;

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function migrationsHash(): Promise<string> {
  const dir = path.join(ROOT, "prisma/migrations");
  const hash = createHash("sha256");
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith(".toml")) continue;
    hash.update(name);
    hash.update(await readFile(path.join(dir, name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

/** Name of the migrated template database, created when missing. Safe to call concurrently. */
export async function ensureTemplate(base: string): Promise<string> {
  const name = `ao_tpl_${await migrationsHash()}`;
  return withClient(base, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount) return name;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      await applyMigrations(databaseUrl(base, building), () => undefined);
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}

/** A fresh, migrated, empty database; returns its URL. */
export async function createTestDatabase(base: string, template: string, prefix = "ao_test"): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await withClient(base, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return databaseUrl(base, name);
}

export async function dropDatabase(base: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withClient(base, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export async function dropDatabasesWithPrefix(base: string, prefix: string): Promise<number> {
  return withClient(base, async (client) => {
    const rows = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}%`,
    ]);
    for (const { datname } of rows.rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.rowCount ?? 0;
  });
}

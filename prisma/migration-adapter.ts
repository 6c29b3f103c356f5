/**
 * Driver adapter for Prisma's WASM ("js") schema engine, used only by the migration commands
 * (`prisma migrate …`, `db:check`). The app itself talks to the database through plain PrismaPg.
 *
 * It closes three gaps of the stock adapter in 6.19 (see docs/decisions/0001-prisma-6-offline.md):
 * 1. PostgreSQL catalog columns of type `name` (oid 19) and `"char"` (oid 18) are reported as text;
 * 2. a migration script runs as ONE simple-protocol query, so `$$` bodies survive and a failing
 *    migration rolls back whole (the stock adapter splits on every `;`);
 * 3. the shadow database is a real throwaway database (the stock one reuses the main database when
 *    a connection string is given).
 */
import { randomBytes } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function reportCatalogTypesAsText(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as QueryResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
}

class CatalogSafeClient extends pg.Client {
  // pg calls query() with a callback (from Pool#query) or without (promise form); cover both.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => {
        if (!err) reportCatalogTypesAsText(res);
        callback(err, res);
      };
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    if (pending && typeof (pending as Promise<unknown>).then === "function") {
      return (pending as Promise<unknown>).then((res) => {
        reportCatalogTypesAsText(res);
        return res;
      }) as never;
    }
    return pending as never;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function runScriptsWhole(adapter: Adapter): Adapter {
  // No parameters → pg uses the simple query protocol, which accepts several statements and runs
  // them in one implicit transaction, as the native schema engine does.
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export function migrationAdapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const poolConfig = { connectionString, Client: CatalogSafeClient, allowExitOnIdle: true };
  const main = new PrismaPg(poolConfig);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      return runScriptsWhole(await main.connect());
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const shadow = new PrismaPg({ ...poolConfig, connectionString: withDatabase(connectionString, name) });
      const adapter = runScriptsWhole(await shadow.connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const cleanup = new pg.Client({ connectionString });
        await cleanup.connect();
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await cleanup.end();
        }
      };
      return adapter;
    },
  };
}

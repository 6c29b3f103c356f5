/**
 * The PostgreSQL server the tests run against: DATABASE_URL when set, else an embedded one with
 * its data under .data/test (started here, stopped by the caller).
 */
import { startEmbeddedPostgres } from "~/server/embedded-postgres.server";

export async function resolveTestServer(log: (m: string) => void = () => undefined) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined, embedded: false };
  const db = await startEmbeddedPostgres(".data/test", log);
  return { url: db.url, stop: db.stop, embedded: true };
}

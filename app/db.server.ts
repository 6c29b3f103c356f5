import { createHash } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";
import { countStatement, statementCountEnabled } from "~/utils/statement-count.server";

/** Fail fast when the database is unreachable instead of letting requests hang. */
const CONNECT_TIMEOUT_MS = 3_000;

/** Whether a value (an operation's arguments) holds a string with a NUL character anywhere. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (!value || typeof value !== "object" || depth > 20 || value instanceof Date) return false;
  return Object.values(value).some((v) => containsNul(v, depth + 1));
}

/**
 * PostgreSQL text cannot hold a NUL character and answers such a query with an error. Input with
 * one (a hostile id in a form, a URL with %00) is refused before the query as a 400, whatever the
 * route or socket event it came through.
 */
export class InvalidTextError extends Response {
  constructor() {
    super("validation.invalid", { status: 400 }); // a translation key: the error page says it
  }
}

/**
 * The database is down, restarting or too slow (a statement ran past its timeout): the request
 * fails at once with a 503 and a message that says so, instead of hanging or a 500. The next
 * request tries again (the pool reconnects by itself).
 */
export class DatabaseUnavailableError extends Response {
  constructor() {
    super("De database is even niet bereikbaar. Probeer het zo opnieuw.", {
      status: 503,
      headers: { "Retry-After": "10", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// query_canceled (statement timeout), admin shutdown, crash shutdown, starting up, connection errors.
const UNAVAILABLE_PG_CODES = new Set(["57014", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
// The socket's own errors, as node-postgres passes them on (sqlQuery): no such host, no answer.
const UNAVAILABLE_NODE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// "Unable to start a transaction in the given time" (Prisma's P2028 when no connection came free
// in time): the database is too busy to take it, as with a pool timeout (P2024). Other P2028s (a
// transaction used after it closed) are programming errors and stay internal.
const UNAVAILABLE_MESSAGE =
  /can't reach database server|connection terminated|econnrefused|econnreset|timeout exceeded when trying to connect|statement timeout|terminating connection|server closed the connection|query read timeout|unable to start a transaction in the given time/i;

/**
 * Whether an error, or one it wraps (Prisma's `cause` and `meta.driverAdapterError`, as the client
 * and its adapter nest them), passes the test.
 */
export function errorInChain(error: unknown, test: (e: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Record<string, unknown>;
  if (test(e)) return true;
  const meta = e.meta as Record<string, unknown> | undefined;
  return [e.cause, meta?.driverAdapterError].some((inner) => errorInChain(inner, test, depth + 1));
}

/** Whether an error (or one it wraps) says the database cannot be reached or took too long. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorInChain(error, unavailable);
}

function unavailable(e: Record<string, unknown>): boolean {
  if (
    typeof e.code === "string" &&
    (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_PG_CODES.has(e.code) || UNAVAILABLE_NODE_CODES.has(e.code))
  )
    return true;
  if (typeof e.originalCode === "string" && UNAVAILABLE_PG_CODES.has(e.originalCode)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  return typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message);
}

/** The connection pool: Prisma's adapter runs on it, and so does `sqlQuery`. */
const pool = singleton("pg-pool", () => {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the server entry resolves it before the app loads");
  const statementTimeoutMs = Number(process.env.DATABASE_STATEMENT_TIMEOUT_SECONDS ?? 10) * 1_000;
  const created = new pg.Pool({
    connectionString,
    max: 10,
    // Waiting for a free connection counts too: requests do not pile up behind a slow database.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // The database cancels a statement that runs too long; the client gives up a little later
    // in case the database cannot even answer that.
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 2_000,
    // The named statements of sqlQuery are planned once per connection, not on every run.
    options: "-c plan_cache_mode=force_generic_plan",
  });
  // An idle connection the database drops (a restart) is an event on the pool, not a crash.
  created.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  return created;
});

function createClient(): PrismaClient {
  // Disposed with the client, as when the adapter made the pool itself: `$disconnect` ends it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const counting = statementCountEnabled();
  const base = counting
    ? (() => {
        const logging = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
        logging.$on("query", (event) => countStatement(event.query));
        return logging as unknown as PrismaClient;
      })()
    : new PrismaClient({ adapter });
  const client = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        if (containsNul(args)) throw new InvalidTextError();
        try {
          return await query(args);
        } catch (error) {
          if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError();
          throw error;
        }
      },
    },
  });
  // A transaction that cannot begin or is cut off between its statements is an outage too.
  const mapped = new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property !== "$transaction" || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (isDatabaseUnavailable(error) && !(error instanceof Response)) throw new DatabaseUnavailableError();
          throw error;
        }
      };
    },
  });
  // The extension adds no methods and changes no result: the plain client type (which the
  // transaction helpers are written against) describes it exactly.
  return mapped as unknown as PrismaClient;
}

export const prisma = singleton("prisma", createClient);

/**
 * Every statement through the pool is a prepared statement, named after its text: each connection
 * parses and plans it once and then only binds values (planning the page reads' JSON aggregations
 * took longer than running them). The texts are fixed (values are always parameters; lists go as
 * one array parameter), so the names are few.
 */
const preparedNames = new Map<string, string>();
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `ao_${createHash("sha1").update(text).digest("base64url")}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** In SQL read through the pool: a timestamp column (UTC, without zone) as `Date.toISOString()` gives it. */
export const isoOf = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * One statement straight through the pool, for the live write path (app/domain/live/
 * board-statement.server.ts), where the client's per-query work was most of the cost of a write:
 * the same NUL refusal and outage mapping as the client, counted like its statements. Dates are
 * sent as UTC ISO strings, as the client sends them (the columns are timestamps without zone).
 */
export async function sqlQuery<R>(statement: { text: string; values: unknown[] }): Promise<R[]> {
  if (containsNul(statement.values)) throw new InvalidTextError();
  const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  if (statementCountEnabled()) countStatement(statement.text);
  try {
    const result = await pool.query({ name: preparedName(statement.text), text: statement.text, values });
    return result.rows as R[];
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError();
    throw error;
  }
}

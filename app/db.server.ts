import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "~/generated/prisma/client";
import { singleton } from "~/utils/singleton.server";

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
    super("Ongeldige invoer", { status: 400 });
  }
}

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the server entry resolves it before the app loads");
  const adapter = new PrismaPg({
    connectionString,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      $allOperations({ args, query }) {
        if (containsNul(args)) throw new InvalidTextError();
        return query(args);
      },
    },
  });
  // The extension adds no methods and changes no result: the plain client type (which the
  // transaction helpers are written against) describes it exactly.
  return client as unknown as PrismaClient;
}

export const prisma = singleton("prisma", createClient);

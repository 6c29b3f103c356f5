import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "~/generated/prisma/client";
import { singleton } from "~/utils/singleton.server";

/** Fail fast when the database is unreachable instead of letting requests hang. */
const CONNECT_TIMEOUT_MS = 3_000;

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the server entry resolves it before the app loads");
  const adapter = new PrismaPg({
    connectionString,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export const prisma = singleton("prisma", createClient);

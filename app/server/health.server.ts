import { prisma } from "~/db.server";

const TIMEOUT_MS = 2_000;

/** Whether the database answers a trivial query within two seconds. */
export async function databaseIsReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), TIMEOUT_MS)));
  const query = prisma.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

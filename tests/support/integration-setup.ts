import { afterAll, inject } from "vitest";

import { createTestDatabase, dropDatabase } from "./database";

// Each integration test file gets a fresh database, before any app module creates its client.
const base = inject("baseDatabaseUrl");
const url = await createTestDatabase(base, inject("templateDatabase"), inject("databasePrefix"));
process.env.DATABASE_URL = url;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "integration-tests-session-secret-0123456789";
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  const { prisma } = await import("~/db.server");
  await prisma.$disconnect();
  await dropDatabase(base, url);
});

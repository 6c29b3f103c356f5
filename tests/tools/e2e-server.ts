/**
 * The server the Playwright suite runs against: a fresh copy of the migrated template database,
 * demo data, production mode. Started by playwright.config.ts (webServer).
 */
import { randomBytes } from "node:crypto";

import { hashPassword } from "~/auth/password.server";
import { DEMO_PASSWORD } from "~/domain/demo/demo-data";
import { parseEnv } from "~/env.server";
import { startApplication } from "~/server/start.server";

import { createTestDatabase, dropDatabase, dropDatabasesWithPrefix, ensureTemplate } from "../support/database";
import { resolveTestServer } from "../support/test-postgres";

const postgres = await resolveTestServer();
await dropDatabasesWithPrefix(postgres.url, "ao_e2e_"); // left over from an interrupted run
const url = await createTestDatabase(postgres.url, await ensureTemplate(postgres.url), "ao_e2e");

const app = await startApplication(
  parseEnv({
    ...process.env,
    DATABASE_URL: url,
    DEMO_MODE: "true",
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "1000",
    LOG_LEVEL: "warn",
  }),
);

// One account only the two-factor spec uses: it enrols and turns the second factor off again,
// which must not change the login of any account another spec uses at the same time. (db.server is
// imported only now: it reads DATABASE_URL, which startApplication set.)
const { prisma } = await import("~/db.server");
await prisma.user.create({
  data: {
    email: "tweestap@wijkteam.demo",
    name: "Jesse Tweestap",
    functionTitle: "Jeugdprofessional",
    roles: ["MEMBER"],
    organisation: { connect: { shortCode: "WT" } },
    password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
  },
});

const stop = async () => {
  await app.stop();
  await dropDatabase(postgres.url, url);
  await postgres.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

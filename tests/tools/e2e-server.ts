/**
 * The server the Playwright suite runs against: a fresh copy of the migrated template database,
 * demo data, production mode. Started by playwright.config.ts (webServer).
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

import { hashPassword } from "~/auth/password.server";
import { DEMO_PASSWORD } from "~/domain/demo/demo-data";
import { parseEnv } from "~/env.server";
import { startApplication } from "~/server/start.server";

import { createTestDatabase, dropDatabase, dropDatabasesWithPrefix, ensureTemplate } from "../support/database";
import type { E2eMeetingSpec } from "../support/e2e-fixtures";
import { E2E_FIXTURE_PORT } from "../support/e2e-fixtures";
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

// The e2e suite builds its meetings with the same builder as the integration and matrix tests
// (tests/support/live-meeting.ts), asked over a fixture port that only this test server opens, on
// the loopback address: POST /meetings with a MeetingSpec → { meetingId, itemIds, references }.
const { meetingWithTables } = await import("../support/live-meeting");
const fixtures = createServer((request, response) => {
  const answer = (status: number, body: unknown) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (request.method !== "POST" || (request.url !== "/meetings" && request.url !== "/time-passes"))
    return answer(404, { error: "unknown fixture" });
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    let spec: E2eMeetingSpec<string>;
    try {
      spec = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof spec;
    } catch {
      return answer(400, { error: "the body is not JSON" });
    }
    if (request.url === "/time-passes") {
      // Time passes for one action: a due date agreed at a table (never in the past) is past now.
      const { description, dueDate } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string>;
      return void prisma.action
        .updateMany({ where: { description }, data: { dueDate: new Date(`${dueDate}T00:00:00Z`) } })
        .then(
          (result) => answer(result.count === 1 ? 200 : 404, { count: result.count }),
          (error: unknown) => answer(500, { error: String(error) }),
        );
    }
    meetingWithTables({ ...spec, startsAt: spec.startsAt ? new Date(spec.startsAt) : undefined }).then(
      ({ meetingId, itemIds, references }) => answer(200, { meetingId, itemIds, references }),
      (error: unknown) => answer(500, { error: String(error) }),
    );
  });
});
await new Promise<void>((resolve, reject) => {
  fixtures.once("error", reject); // the port taken (another e2e run): stop with the reason
  fixtures.listen(E2E_FIXTURE_PORT, "127.0.0.1", resolve);
});

const stop = async () => {
  fixtures.close();
  await app.stop();
  await dropDatabase(postgres.url, url);
  await postgres.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

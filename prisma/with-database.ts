/**
 * Runs a command with DATABASE_URL pointing at a PostgreSQL server: the one in DATABASE_URL when
 * set, else an embedded one (started for the command, stopped after). Used by `npm run db:check`.
 */
import { spawn } from "node:child_process";

import { resolveTestServer } from "../tests/support/test-postgres";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("gebruik: tsx prisma/with-database.ts <commando> [argumenten]");
  process.exit(2);
}
const server = await resolveTestServer();
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: server.url },
  shell: false,
});
const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
await server.stop();
process.exit(code);

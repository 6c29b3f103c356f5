/**
 * Server entry: configuration → database (embedded when DATABASE_URL is unset) → migrations →
 * demo data → Express + Remix + socket.io on one HTTP server.
 */
import { existsSync, watch } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady } from "@remix-run/node";

import { DEMO_PASSWORD, demoUsers } from "~/domain/demo/demo-data";
import type { Env } from "~/env.server";
import { EnvError, parseEnv } from "~/env.server";
import type { EmbeddedDatabase } from "~/server/embedded-postgres.server";

const startedAt = performance.now();

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nActie-overleg start niet. ${error.message}\nZie .env.example voor elke instelling.\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function localSessionSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "session-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const { randomBytes } = await import("node:crypto");
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

async function main() {
  const env = loadEnv();
  process.env.NODE_ENV = env.NODE_ENV;
  process.env.LOG_LEVEL = env.LOG_LEVEL;
  const { logger } = await import("~/utils/logger.server");
  const say = (message: string) => logger.info(message);

  let embedded: EmbeddedDatabase | null = null;
  if (!env.DATABASE_URL) {
    const { startEmbeddedPostgres } = await import("~/server/embedded-postgres.server");
    embedded = await startEmbeddedPostgres(env.DATA_DIR, say);
    process.env.DATABASE_URL = embedded.url;
  }
  if (!env.SESSION_SECRET) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.resolve(env.DATA_DIR), { recursive: true });
    process.env.SESSION_SECRET = await localSessionSecret(env.DATA_DIR);
  }
  const databaseUrl = process.env.DATABASE_URL as string;
  const demoMode = env.DEMO_MODE ?? embedded !== null;

  const { applyMigrations } = await import("~/server/migrate.server");
  await applyMigrations(databaseUrl, say);
  if (demoMode) {
    const { seedDemoData } = await import("~/domain/demo/seed.server");
    const seeded = await seedDemoData();
    if (seeded.users > 0) say(`Demodata aangemaakt: ${seeded.organisations} organisaties, ${seeded.users} accounts`);
  }

  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("Geen build gevonden: voer eerst `npm run build` uit.");
  const importBuild = async (): Promise<ServerBuild> =>
    (await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)) as ServerBuild;

  let build = await importBuild();
  const development = env.NODE_ENV === "development";
  if (development) {
    // `remix dev --manual`: this process (and its sockets) stays up; only the build is re-imported.
    let timer: NodeJS.Timeout | undefined;
    watch(path.dirname(buildPath), () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        build = await importBuild();
        await broadcastDevReady(build);
      }, 100);
    });
  }

  const { createHttpApp } = await import("~/server/http-app.server");
  const { attachRealtime, closeRealtime } = await import("~/realtime/realtime.server");
  const app = createHttpApp({ env, build: development ? async () => build : build });
  const httpServer = createServer(app);
  attachRealtime(httpServer);

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const url = `http://localhost:${port}`;
  if (development) await broadcastDevReady(build);

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const lines = [
    "",
    `Actie-overleg draait op ${url} (klaar in ${seconds} s, ${embedded ? "ingebedde PostgreSQL" : "PostgreSQL via DATABASE_URL"})`,
  ];
  if (demoMode) {
    lines.push(`Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
    for (const user of demoUsers) lines.push(`  ${user.email.padEnd(32)} ${user.roles.join(", ")}`);
  }
  console.log(lines.join("\n") + "\n");
  // A machine-readable line for scripts and tests that start the server.
  logger.info({ url, port, readyMs: Math.round(performance.now() - startedAt) }, "ready");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    const { prisma } = await import("~/db.server");
    await closeRealtime();
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeAllConnections();
    await closed;
    await prisma.$disconnect();
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("\nActie-overleg kon niet starten:", error instanceof Error ? error.message : error);
  process.exit(1);
});

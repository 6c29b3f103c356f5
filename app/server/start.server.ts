import { randomBytes } from "node:crypto";
import { existsSync, watch } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";
import { broadcastDevReady } from "@remix-run/node";

import type { Env } from "~/env.server";
import type { AdapterConfig } from "~/realtime/realtime.server";

import type { EmbeddedDatabase } from "./embedded-postgres.server";

export type RunningApplication = {
  url: string;
  port: number;
  demoMode: boolean;
  embeddedDatabase: boolean;
  readyMs: number;
  /** Orderly stop: HTTP and sockets, then the database pool, then the embedded PostgreSQL. */
  stop: () => Promise<void>;
};

async function localSessionSecret(dataDir: string): Promise<string> {
  const file = path.resolve(dataDir, "session-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.resolve(dataDir), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** The adapter that shares live events between app processes, as configured (see .env.example). */
function realtimeAdapter(env: Env): AdapterConfig {
  const kind = env.REALTIME_ADAPTER ?? (env.REDIS_URL ? "redis" : "memory");
  if (kind === "redis") return { kind, redisUrl: env.REDIS_URL as string };
  if (kind === "postgres") return { kind, databaseUrl: process.env.DATABASE_URL as string };
  return { kind: "memory" };
}

type Say = (message: string) => void;

/** App modules read their configuration with getEnv() from process.env: publish what was resolved. */
function publishEnv(env: Env) {
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) process.env[key] = String(value);
  }
}

/** The database (embedded when DATABASE_URL is unset), the session secret and whether this is a demo. */
async function prepareDatabase(env: Env, say: Say): Promise<{ embedded: EmbeddedDatabase | null; demoMode: boolean }> {
  const { startEmbeddedPostgres } = await import("./embedded-postgres.server");
  const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres(env.DATA_DIR, say);
  if (embedded) process.env.DATABASE_URL = embedded.url;
  if (!env.SESSION_SECRET) process.env.SESSION_SECRET = await localSessionSecret(env.DATA_DIR);
  const demoMode = env.DEMO_MODE ?? embedded !== null;
  process.env.DEMO_MODE = String(demoMode);
  return { embedded, demoMode };
}

async function seedDemo(say: Say) {
  const { seedDemoData } = await import("~/domain/demo/seed.server");
  const seeded = await seedDemoData();
  if (seeded.users + seeded.profiles > 0) {
    say(
      `Demodata aangemaakt: ${seeded.organisations} organisaties, ${seeded.users} accounts, ${seeded.profiles} rolprofielen`,
    );
  }
  const { seedDemoMeeting } = await import("~/domain/demo/demo-meeting.server");
  if (await seedDemoMeeting()) say("Demo-overleg aangemaakt: de voorzitter kan het starten");
}

/**
 * The Remix build; in development (`remix dev --manual`) this process (and its sockets) stays up
 * and only the build is re-imported when it changes. `current()` is the latest one.
 */
async function loadServerBuild(development: boolean): Promise<{ current: () => ServerBuild }> {
  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) throw new Error("Geen build gevonden: voer eerst `npm run build` uit.");
  const importBuild = async (): Promise<ServerBuild> =>
    (await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)) as ServerBuild;
  let build = await importBuild();

  if (development) {
    let timer: NodeJS.Timeout | undefined;
    watch(path.dirname(buildPath), () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        build = await importBuild();
        await broadcastDevReady(build);
      }, 100);
    });
  }
  return { current: () => build };
}

/** Listens as configured; the answer is the port actually bound. */
async function listen(httpServer: Server, env: Env): Promise<number> {
  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const address = httpServer.address();
  return typeof address === "object" && address ? address.port : env.PORT;
}

/**
 * Configuration → database (embedded when DATABASE_URL is unset) → migrations → demo data →
 * Express + Remix + socket.io on one HTTP server.
 */
export async function startApplication(env: Env, startedAt = performance.now()): Promise<RunningApplication> {
  publishEnv(env);
  const { logger } = await import("~/utils/logger.server");
  const say = (message: string) => logger.info(message);

  const { embedded, demoMode } = await prepareDatabase(env, say);

  const { applyMigrations } = await import("./migrate.server");
  await applyMigrations(process.env.DATABASE_URL as string, say);
  if (demoMode) await seedDemo(say);

  const development = env.NODE_ENV === "development";
  const builds = await loadServerBuild(development);

  const { createHttpApp } = await import("./http-app.server");
  const { attachRealtime, closeRealtime } = await import("~/realtime/realtime.server");
  const httpServer = createServer(
    createHttpApp({ env, build: development ? async () => builds.current() : builds.current() }),
  );
  await attachRealtime(httpServer, realtimeAdapter(env));
  const port = await listen(httpServer, env);
  if (development) await broadcastDevReady(builds.current());

  const { scheduleRetention } = await import("~/domain/retention/retention.server");
  const stopRetention = scheduleRetention(env.RETENTION_MONTHS);

  const readyMs = Math.round(performance.now() - startedAt);
  const url = `http://localhost:${port}`;
  // A machine-readable line for scripts and tests that start the server.
  logger.info({ url, port, readyMs }, "ready");

  return {
    url,
    port,
    demoMode,
    embeddedDatabase: embedded !== null,
    readyMs,
    stop: async () => {
      const { prisma } = await import("~/db.server");
      stopRetention();
      await closeRealtime();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}

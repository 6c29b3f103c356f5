import type { Server as HttpServer } from "node:http";

import pg from "pg";
import { Server } from "socket.io";
import { MessageType } from "socket.io-adapter";

import { lookupSession, readSessionId, validateSessions } from "~/auth/session.server";
import { logger } from "~/utils/logger.server";

import type { AppSocket } from "./handle.server";
import { activeSessions, failure, overLimit, sessionRecheckMs } from "./handle.server";
import type { RealtimeServer } from "./io.server";
import { getRealtime, setRealtime } from "./io.server";
import { registerLiveHandlers } from "./live-handlers.server";

export { getRealtime } from "./io.server";

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // non-browser clients send no Origin; the session cookie still decides
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export type AdapterConfig =
  { kind: "memory" } | { kind: "postgres"; databaseUrl: string } | { kind: "redis"; redisUrl: string };

let closeAdapter: () => Promise<void> = async () => undefined;

type Publishing = { publishAndReturnOffset: (message: { type: MessageType }) => Promise<string> };

/**
 * socket.io's cluster adapter, which the PostgreSQL adapter builds on, waits for PostgreSQL to
 * take each broadcast's NOTIFY before it delivers the broadcast to this process's own sockets (the
 * Redis adapter publishes and delivers at once). What it waits for is an offset for connection
 * state recovery, which the PostgreSQL adapter does not support (it always answers ""). So a
 * broadcast is published and delivered here without waiting: this process's sockets no longer pay
 * a database round trip per event, and two broadcasts can no longer overtake each other on the
 * way to them. (bench/live.ts showed it: with the PostgreSQL adapter the writer's own process was
 * as slow as the other one.) The adapter's own error handler still sees a failed publish.
 */
export function deliverLocallyFirst<Factory extends (nsp: never) => object>(make: Factory): Factory {
  // socket.io calls the factory with `new`: a function, not an arrow, returning the adapter.
  return function localFirst(nsp: never) {
    const adapter = make(nsp);
    // The method is protected in the adapter's types; it is the one place a broadcast is published.
    const cluster = adapter as unknown as Publishing;
    const publish = cluster.publishAndReturnOffset.bind(adapter);
    cluster.publishAndReturnOffset = (message) => {
      if (message.type !== MessageType.BROADCAST) return publish(message);
      publish(message).catch((error: unknown) => logger.error({ err: error }, "realtime broadcast not published"));
      return Promise.resolve("");
    };
    return adapter;
  } as unknown as Factory;
}

/**
 * Several app processes serving one meeting share broadcasts, room queries (presence) and
 * disconnects through an adapter. The postgres adapter's attachment table comes from a migration.
 */
async function useAdapter(io: RealtimeServer, config: AdapterConfig): Promise<void> {
  if (config.kind === "postgres") {
    const { createAdapter } = await import("@socket.io/postgres-adapter");
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
    pool.on("error", (error) => logger.error({ err: error }, "realtime adapter database error"));
    io.adapter(deliverLocallyFirst(createAdapter(pool, { heartbeatInterval: 2_000, heartbeatTimeout: 5_000 })));
    closeAdapter = () => pool.end();
  } else if (config.kind === "redis") {
    const [{ createAdapter }, { createClient }] = await Promise.all([
      import("@socket.io/redis-adapter"),
      import("redis"),
    ]);
    const pub = createClient({ url: config.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) client.on("error", (error) => logger.error({ err: error }, "redis error"));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    closeAdapter = async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    };
  }
  logger.info({ adapter: config.kind }, "realtime adapter");
}

export async function attachRealtime(
  httpServer: HttpServer,
  adapter: AdapterConfig = { kind: "memory" },
): Promise<RealtimeServer> {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Cross-site WebSocket hijacking: a page on another site may not open a socket with our cookie.
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
  });
  await useAdapter(io, adapter);

  io.use(async (socket, next) => {
    try {
      const sessionId = await readSessionId(socket.request.headers.cookie ?? null);
      const state = await lookupSession(sessionId);
      if (state.status !== "active") return next(new Error("unauthenticated"));
      socket.data = { sessionId: state.session.id, user: state.session.user, checkedAt: Date.now() };
      next();
    } catch {
      next(new Error("unauthenticated"));
    }
  });

  io.on("connection", (socket: AppSocket) => {
    // A server-chosen room, so a logout can reach every socket of that session. Every other room
    // (the live meeting and its items) is joined by live:join from the access module's answer.
    void socket.join(`session:${socket.data.sessionId}`);

    const known = new Set(registerLiveHandlers(io, socket));
    // An event nobody handles is answered too, so a client never waits for an acknowledgement.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (known.has(event)) return;
      const ack = args.at(-1);
      // Unknown events count against the socket's limit too (overLimit), so a flood of them is cheap.
      void overLimit(socket).then((refused) => {
        if (typeof ack === "function")
          (ack as (r: unknown) => void)(refused ?? failure("invalid_payload", "errors.unknownEvent"));
      });
    });
  });

  const sweep = setInterval(() => void revalidateSessions(io), sessionRecheckMs());
  sweep.unref();
  stopSweep = () => clearInterval(sweep);

  setRealtime(io);
  return io;
}

let stopSweep = () => undefined as void;

/**
 * One round of session checks for all sockets of this process: an ended session (expired, idle,
 * deleted) gets `session:ended` and is disconnected; the others carry their user as it is now.
 */
export async function revalidateSessions(io: RealtimeServer, now = new Date()): Promise<void> {
  const sockets = [...io.of("/").sockets.values()] as AppSocket[];
  const active = new Set(activeSessions);
  activeSessions.clear();
  try {
    const valid = await validateSessions([...new Set(sockets.map((s) => s.data.sessionId))], active, now);
    for (const socket of sockets) {
      const user = valid.get(socket.data.sessionId);
      if (!user) {
        socket.emit("session:ended", { reason: "expired" });
        socket.disconnect(true);
        continue;
      }
      socket.data.user = user;
      socket.data.checkedAt = Date.now();
    }
  } catch (error) {
    // The database is away: events fall back to checking their own session (handle.server.ts).
    for (const id of active) activeSessions.add(id);
    logger.warn({ err: error }, "session re-validation failed");
  }
}

/** Ends every socket of a session (logout): they get `session:ended` and are disconnected. */
export function endSessionSockets(sessionId: string, reason: "logout" | "expired"): void {
  const io = getRealtime();
  if (!io) return;
  io.to(`session:${sessionId}`).emit("session:ended", { reason });
  io.in(`session:${sessionId}`).disconnectSockets(true);
}

export async function closeRealtime(): Promise<void> {
  stopSweep();
  const io = getRealtime();
  setRealtime(null);
  if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
  await closeAdapter();
  closeAdapter = async () => undefined;
}

import type { Server as HttpServer } from "node:http";

import { Server } from "socket.io";
import type { Socket } from "socket.io";
import type { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import { lookupSession, readSessionId } from "~/auth/session.server";
import { logger } from "~/utils/logger.server";
import { singleton } from "~/utils/singleton.server";

import type { Ack, AckError, ClientToServerEvents, RoomRef, ServerToClientEvents } from "./events";
import { roomName } from "./events";
import { emptyPayloadSchema, roomRequestSchema } from "./events.schema";

type SocketData = { sessionId: string; user: SessionUser };
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const holder = singleton("realtime", () => ({ io: null as RealtimeServer | null }));

/** The running socket.io server, or null (tests that run without one). */
export function getRealtime(): RealtimeServer | null {
  return holder.io;
}

/** Whether this user may be in this room: the one place that rule lives. */
export function mayJoin(user: SessionUser, room: RoomRef): boolean {
  switch (room.type) {
    case "organisation":
      return user.organisation.id === room.id;
  }
}

function failure(code: AckError["code"], message: string, issues?: z.core.$ZodIssue[]): Ack<never> {
  return {
    ok: false,
    error: {
      code,
      message,
      issues: issues?.map((i) => ({ path: i.path.join("."), message: i.message })),
    },
  };
}

/**
 * Wraps a handler: finds the ack callback wherever the client put it, re-checks the session (idle
 * timeout and logout apply to sockets too), parses the payload with zod and turns any thrown
 * error into an error acknowledgement. A handler never crashes the process.
 */
function handle<S extends z.ZodType, T>(
  socket: AppSocket,
  schema: S,
  run: (payload: z.infer<S>, user: SessionUser) => Promise<Ack<T>>,
) {
  return async (...args: unknown[]) => {
    const ack = typeof args.at(-1) === "function" ? (args.pop() as (r: Ack<T>) => void) : () => undefined;
    try {
      const state = await lookupSession(socket.data.sessionId);
      if (state.status !== "active") {
        ack(failure("unauthenticated", "Sessie verlopen"));
        socket.emit("session:ended", { reason: "expired" });
        socket.disconnect(true);
        return;
      }
      socket.data.user = state.session.user;
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        ack(failure("invalid_payload", "Ongeldige gegevens", parsed.error.issues));
        return;
      }
      ack(await run(parsed.data, state.session.user));
    } catch (error) {
      logger.error({ err: error, user: socket.data.user?.id }, "realtime handler failed");
      ack(failure("internal", "Er ging iets mis"));
    }
  };
}

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true; // non-browser clients send no Origin; the session cookie still decides
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function attachRealtime(httpServer: HttpServer): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Cross-site WebSocket hijacking: a page on another site may not open a socket with our cookie.
    allowRequest: (req, callback) => callback(null, sameOrigin(req.headers.origin, req.headers.host)),
  });

  io.use(async (socket, next) => {
    try {
      const sessionId = await readSessionId(socket.request.headers.cookie ?? null);
      const state = await lookupSession(sessionId);
      if (state.status !== "active") return next(new Error("unauthenticated"));
      socket.data = { sessionId: state.session.id, user: state.session.user };
      next();
    } catch {
      next(new Error("unauthenticated"));
    }
  });

  io.on("connection", (socket: AppSocket) => {
    // Server-chosen rooms, so a logout can reach every socket of that session or user.
    void socket.join([`session:${socket.data.sessionId}`, `user:${socket.data.user.id}`]);

    socket.on(
      "session:whoami",
      handle(socket, emptyPayloadSchema, async (_payload, user) => ({
        ok: true,
        data: { userId: user.id, organisationId: user.organisation.id },
      })),
    );

    socket.on(
      "room:join",
      handle(socket, roomRequestSchema, async ({ room }, user) => {
        if (!mayJoin(user, room)) return failure("forbidden", "Geen toegang tot deze ruimte");
        const name = roomName(room);
        await socket.join(name);
        return { ok: true, data: { room: name } };
      }),
    );

    socket.on(
      "room:leave",
      handle(socket, roomRequestSchema, async ({ room }) => {
        const name = roomName(room);
        await socket.leave(name);
        return { ok: true, data: { room: name } };
      }),
    );
  });

  holder.io = io;
  return io;
}

/** Ends every socket of a session (logout): they get `session:ended` and are disconnected. */
export function endSessionSockets(sessionId: string, reason: "logout" | "expired"): void {
  const io = getRealtime();
  if (!io) return;
  io.to(`session:${sessionId}`).emit("session:ended", { reason });
  io.in(`session:${sessionId}`).disconnectSockets(true);
}

export async function closeRealtime(): Promise<void> {
  const io = holder.io;
  holder.io = null;
  if (io) await new Promise<void>((resolve) => io.close(() => resolve()));
}

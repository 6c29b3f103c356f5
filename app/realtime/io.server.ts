import type { Server } from "socket.io";

import type { SessionUser } from "~/auth/session.server";
import { singleton } from "~/utils/singleton.server";

import type { ClientToServerEvents, ServerToClientEvents } from "./events";

/** `checkedAt`: when the session was last confirmed (handshake, or the periodic re-validation). */
export type SocketData = { sessionId: string; user: SessionUser; checkedAt: number };
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const holder = singleton("realtime", () => ({ io: null as RealtimeServer | null }));

/** The running socket.io server, or null (tests that run without one). */
export function getRealtime(): RealtimeServer | null {
  return holder.io;
}

export function setRealtime(io: RealtimeServer | null): void {
  holder.io = io;
}

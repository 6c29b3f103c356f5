/**
 * The real-time contract, declared once and used by the server (realtime.server.ts) and the
 * browser (socket-client.ts). Types are no validation: every incoming payload is also parsed with
 * the zod schemas in events.schema.ts.
 */

export type RoomRef = { type: "organisation"; id: string };

export type AckError = {
  code: "invalid_payload" | "forbidden" | "unauthenticated" | "internal";
  message: string;
  issues?: { path: string; message: string }[];
};

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: AckError };

export type WhoAmI = { userId: string; organisationId: string };

export interface ServerToClientEvents {
  /** The session behind this connection ended (logout, expiry): the client stops reconnecting. */
  "session:ended": (payload: { reason: "logout" | "expired" }) => void;
}

export interface ClientToServerEvents {
  "session:whoami": (payload: unknown, ack: (result: Ack<WhoAmI>) => void) => void;
  "room:join": (payload: unknown, ack: (result: Ack<{ room: string }>) => void) => void;
  "room:leave": (payload: unknown, ack: (result: Ack<{ room: string }>) => void) => void;
}

export function roomName(room: RoomRef): string {
  return `${room.type}:${room.id}`;
}

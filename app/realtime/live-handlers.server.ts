import { logger } from "~/utils/logger.server";

import type { Presence } from "./events";
import { liveRooms } from "./events";
import type { AppSocket } from "./handle.server";
import { handle } from "./handle.server";
import type { RealtimeServer } from "./io.server";
import type { CommandContext } from "./live-commands.server";
import { liveCommands } from "./live-commands.server";

const MEETING_PREFIX = "meeting:";

/** Who is in a live meeting now, across every app process (the adapter answers for the others). */
export async function presenceOf(io: RealtimeServer, meetingId: string): Promise<Presence[]> {
  const sockets = await io.in(liveRooms.meeting(meetingId)).fetchSockets();
  const people = new Map<string, Presence>();
  for (const s of sockets) {
    const user = s.data.user;
    people.set(user.id, { userId: user.id, name: user.name, organisationId: user.organisation.id });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function announcePresence(io: RealtimeServer, meetingId: string): void {
  presenceOf(io, meetingId)
    .then((present) => io.to(liveRooms.meeting(meetingId)).emit("live:presence", { meetingId, present }))
    .catch((error: unknown) => logger.warn({ err: error, meetingId }, "presence not announced"));
}

/**
 * The live meeting's events, registered from the one command table (live-commands.server.ts):
 * each through `handle`, which re-checks the session, parses the payload with the command's
 * schema and maps a domain error to its acknowledgement.
 */
export function registerLiveHandlers(io: RealtimeServer, socket: AppSocket): string[] {
  const base: Omit<CommandContext, "user"> = {
    meta: { clientAddress: socket.handshake.address ?? null },
    socket,
    io,
    joined: new Map(),
    announcePresence: (meetingId) => announcePresence(io, meetingId),
  };
  for (const [name, { schema, run }] of Object.entries(liveCommands)) {
    const handler = handle(socket, schema, async (payload, user) => ({
      ok: true as const,
      // The table pairs each schema with its function; Object.entries loses that pairing.
      data: await (run as (p: unknown, c: CommandContext) => Promise<unknown>)(payload, { ...base, user }),
    }));
    socket.on(name as keyof typeof liveCommands, handler);
  }

  // A lost connection leaves the presence bar at once (the others see who dropped out).
  socket.on("disconnecting", () => {
    const meetings = [...socket.rooms].filter((r) => r.startsWith(MEETING_PREFIX)).map((r) => r.slice(8));
    setImmediate(() => {
      for (const meetingId of meetings) announcePresence(io, meetingId);
    });
  });
  return Object.keys(liveCommands);
}

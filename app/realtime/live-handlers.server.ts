import type { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import {
  actionSchema,
  actionStatusSchema,
  addressNeedSchema,
  closeItemSchema,
  decisionSchema,
  earlierActionSchema,
  endMeetingSchema,
  itemRefSchema,
  meetingRefSchema,
  needSchema,
  responsibilitySchema,
  roleCardSchema,
} from "~/domain/live/live.schema";
import {
  addAction,
  addDecision,
  addNeed,
  addressNeed,
  closeItem,
  endMeeting,
  liveAccess,
  loadBoard,
  saveRoleCard,
  setActionStatus,
  setCurrentItem,
  setResponsibility,
  updateEarlierAction,
} from "~/domain/live/live.server";
import { logger } from "~/utils/logger.server";

import type { Presence } from "./events";
import { liveRooms } from "./events";
import type { AppSocket } from "./handle.server";
import { failure, handle } from "./handle.server";
import type { RealtimeServer } from "./io.server";

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

function leaveMeeting(socket: AppSocket, meetingId: string, itemIds: string[]) {
  socket.leave(liveRooms.meeting(meetingId));
  for (const id of itemIds) socket.leave(liveRooms.item(id));
}

/**
 * The live meeting's events. Rooms are chosen by the server: a socket joins the meeting room
 * (presence, current item; no case content) when its user may see the meeting, and an item's room
 * only when its organisation sits at that item's table (or it is the chair's).
 */
export function registerLiveHandlers(io: RealtimeServer, socket: AppSocket): void {
  const meta = () => ({ clientAddress: socket.handshake.address ?? null });
  const joinedItems = new Map<string, string[]>();

  const write = <S extends z.ZodType, T>(schema: S, run: (payload: z.infer<S>, user: SessionUser) => Promise<T>) =>
    handle(socket, schema, async (payload, user) => ({ ok: true as const, data: await run(payload, user) }));

  socket.on(
    "live:join",
    handle(socket, meetingRefSchema, async ({ meetingId }, user) => {
      // Join first, then read the board: an event written in between carries a sequence number
      // above the board's and is applied by the client; one written before is in the board.
      const access = await liveAccess(user, meetingId); // refuses before any room is joined
      const itemIds = access.visibleItemIds;
      await socket.join([liveRooms.meeting(meetingId), ...itemIds.map(liveRooms.item)]);
      try {
        const board = await loadBoard(user, meetingId, meta(), access);
        joinedItems.set(meetingId, itemIds);
        announcePresence(io, meetingId);
        return { ok: true, data: board };
      } catch (error) {
        leaveMeeting(socket, meetingId, itemIds);
        throw error;
      }
    }),
  );

  socket.on(
    "live:leave",
    handle(socket, meetingRefSchema, async ({ meetingId }) => {
      if (!joinedItems.has(meetingId)) return failure("not_found", "live.errors.notFound");
      leaveMeeting(socket, meetingId, joinedItems.get(meetingId) ?? []);
      joinedItems.delete(meetingId);
      announcePresence(io, meetingId);
      return { ok: true, data: null };
    }),
  );

  socket.on(
    "live:item:current",
    write(itemRefSchema, (p, user) => setCurrentItem(user, p.meetingId, p.itemId, meta())),
  );
  socket.on(
    "live:item:close",
    write(closeItemSchema, (p, user) => closeItem(user, p.meetingId, p, meta())),
  );
  socket.on(
    "live:meeting:end",
    write(endMeetingSchema, (p, user) => endMeeting(user, p.meetingId, meta())),
  );
  socket.on(
    "live:roleCard:save",
    write(roleCardSchema, (p, user) => saveRoleCard(user, p, meta())),
  );
  socket.on(
    "live:responsibility:set",
    write(responsibilitySchema, (p, user) => setResponsibility(user, p, meta())),
  );
  socket.on(
    "live:need:add",
    write(needSchema, (p, user) => addNeed(user, p, meta())),
  );
  socket.on(
    "live:need:address",
    write(addressNeedSchema, (p, user) => addressNeed(user, p, meta())),
  );
  socket.on(
    "live:decision:add",
    write(decisionSchema, (p, user) => addDecision(user, p, meta())),
  );
  socket.on(
    "live:action:add",
    write(actionSchema, (p, user) => addAction(user, p, meta())),
  );
  socket.on(
    "live:action:status",
    write(actionStatusSchema, (p, user) => setActionStatus(user, p, meta())),
  );
  socket.on(
    "live:earlierAction:update",
    write(earlierActionSchema, (p, user) => updateEarlierAction(user, p, meta())),
  );

  // A lost connection leaves the presence bar at once (the others see who dropped out).
  socket.on("disconnecting", () => {
    const meetings = [...socket.rooms].filter((r) => r.startsWith(MEETING_PREFIX)).map((r) => r.slice(8));
    setImmediate(() => {
      for (const meetingId of meetings) announcePresence(io, meetingId);
    });
  });
}

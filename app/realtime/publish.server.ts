import { logger } from "~/utils/logger.server";

import type { ItemEvent, LiveMeetingState } from "./events";
import { liveRooms } from "./events";
import { getRealtime } from "./io.server";

/**
 * How domain services say "this changed". An item's board goes only to the sockets at that item's
 * table (the room is joined by the server after checking the table); the meeting-level state
 * (current item, closed items, ended) carries no case content and goes to every participant.
 */
export function publishItemChange(event: ItemEvent): void {
  getRealtime()?.to(liveRooms.item(event.itemId)).emit("live:item", event);
}

export function publishMeetingState(meetingId: string, state: LiveMeetingState): void {
  getRealtime()?.to(liveRooms.meeting(meetingId)).emit("live:meeting", { meetingId, state });
}

/**
 * Access to a live meeting changed: every socket in its meeting room, on any app process, is
 * checked against the access rule as it is now, taken out of the item rooms (and the meeting room)
 * it no longer qualifies for at once, and told to join again for a fresh board. Never throws: the
 * change it follows has been committed.
 */
export async function publishAccessChange(meetingId: string): Promise<void> {
  const io = getRealtime();
  if (!io) return;
  try {
    // Loaded here: the live service itself publishes through this module.
    const { liveAccessTo } = await import("~/domain/live/live-board.server");
    const { readMeetingRow } = await import("~/domain/meetings/meeting-read.server");
    // The meeting read once; the rule asked once per person, however many tabs they have open.
    const [meeting, sockets] = await Promise.all([
      readMeetingRow(meetingId),
      io.in(liveRooms.meeting(meetingId)).fetchSockets(),
    ]);
    const items = meeting?.items ?? [];
    const byUser = new Map<string, Set<string> | null>();
    const visibleTo = (user: (typeof sockets)[number]["data"]["user"]) => {
      if (!byUser.has(user.id)) {
        let visible: Set<string> | null;
        try {
          visible = new Set(liveAccessTo(user, meeting).visibleItemIds);
        } catch {
          visible = null; // no longer allowed in the meeting at all
        }
        byUser.set(user.id, visible);
      }
      return byUser.get(user.id) ?? null;
    };
    for (const socket of sockets) {
      const visible = visibleTo(socket.data.user);
      const leave = items.filter((i) => !visible?.has(i.id)).map((i) => liveRooms.item(i.id));
      if (!visible) leave.push(liveRooms.meeting(meetingId));
      for (const room of leave) if (socket.rooms.has(room)) socket.leave(room);
      socket.emit("live:access", { meetingId });
    }
  } catch (error) {
    logger.error({ err: error, meetingId }, "access change not applied to live sockets");
  }
}

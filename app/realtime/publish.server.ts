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

import type { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { notFound } from "~/domain/errors.server";
import {
  actionSchema,
  actionStatusSchema,
  addressNeedSchema,
  answerTransferSchema,
  correctActionSchema,
  closeItemSchema,
  correctDecisionSchema,
  decisionSchema,
  earlierActionSchema,
  editNeedSchema,
  withdrawNeedSchema,
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
  answerTransfer,
  closeItem,
  correctAction,
  correctDecision,
  editNeed,
  endMeeting,
  liveAccess,
  loadBoard,
  saveRoleCard,
  setActionStatus,
  setCurrentItem,
  setResponsibility,
  updateEarlierAction,
  withdrawNeed,
} from "~/domain/live/live.server";

import { liveRooms } from "./events";
import type { AppSocket } from "./handle.server";
import type { RealtimeServer } from "./io.server";

/** Who sends a command, from where, on which socket: built once per socket, the user per event. */
export type CommandContext = {
  user: SessionUser;
  meta: Acting;
  socket: AppSocket;
  io: RealtimeServer;
  /** The meetings this socket joined, with the item rooms it was let into. */
  joined: Map<string, string[]>;
  announcePresence: (meetingId: string) => void;
};

type Command<S extends z.ZodType, T> = { schema: S; run: (payload: z.infer<S>, ctx: CommandContext) => Promise<T> };

const command = <S extends z.ZodType, T>(schema: S, run: (payload: z.infer<S>, ctx: CommandContext) => Promise<T>) =>
  ({ schema, run }) satisfies Command<S, T>;

function leaveRooms(socket: AppSocket, meetingId: string, itemIds: string[]) {
  void socket.leave(liveRooms.meeting(meetingId));
  for (const id of itemIds) void socket.leave(liveRooms.item(id));
}

/**
 * Join (or re-join after a reconnect). Rooms are chosen by the server: the meeting room (presence,
 * current item; no case content) when the user may see the meeting, an item's room only when the
 * access module seats them at its table. Join first, then read the board: an event written in
 * between carries a sequence number above the board's and is applied by the client.
 */
async function join({ meetingId }: z.infer<typeof meetingRefSchema>, ctx: CommandContext) {
  const access = await liveAccess(ctx.user, meetingId); // refuses before any room is joined
  const itemIds = access.visibleItemIds;
  await ctx.socket.join([liveRooms.meeting(meetingId), ...itemIds.map(liveRooms.item)]);
  try {
    const board = await loadBoard(ctx.user, meetingId, ctx.meta, access);
    ctx.joined.set(meetingId, itemIds);
    ctx.announcePresence(meetingId);
    return board;
  } catch (error) {
    leaveRooms(ctx.socket, meetingId, itemIds);
    throw error;
  }
}

async function leave({ meetingId }: z.infer<typeof meetingRefSchema>, ctx: CommandContext) {
  const itemIds = ctx.joined.get(meetingId);
  if (!itemIds) throw notFound("live.errors.notFound");
  leaveRooms(ctx.socket, meetingId, itemIds);
  ctx.joined.delete(meetingId);
  ctx.announcePresence(meetingId);
  return null;
}

/**
 * Every event a client may send to the live meeting: its name, the zod schema its payload must
 * pass, and the domain function that carries it out. Handlers are registered from this table
 * (live-handlers.server.ts), and the client's payload and acknowledgement types are derived from
 * it (events.ts), so a command is declared exactly once.
 */
export const liveCommands = {
  "live:join": command(meetingRefSchema, join),
  "live:leave": command(meetingRefSchema, leave),
  "live:item:current": command(itemRefSchema, (p, c) => setCurrentItem(c.user, p.meetingId, p.itemId, c.meta)),
  "live:item:close": command(closeItemSchema, (p, c) => closeItem(c.user, p.meetingId, p, c.meta)),
  "live:meeting:end": command(endMeetingSchema, (p, c) => endMeeting(c.user, p.meetingId, c.meta)),
  "live:roleCard:save": command(roleCardSchema, (p, c) => saveRoleCard(c.user, p, c.meta)),
  "live:responsibility:set": command(responsibilitySchema, (p, c) => setResponsibility(c.user, p, c.meta)),
  "live:need:add": command(needSchema, (p, c) => addNeed(c.user, p, c.meta)),
  "live:need:address": command(addressNeedSchema, (p, c) => addressNeed(c.user, p, c.meta)),
  "live:need:edit": command(editNeedSchema, (p, c) => editNeed(c.user, p, c.meta)),
  "live:need:withdraw": command(withdrawNeedSchema, (p, c) => withdrawNeed(c.user, p, c.meta)),
  "live:decision:add": command(decisionSchema, (p, c) => addDecision(c.user, p, c.meta)),
  "live:decision:correct": command(correctDecisionSchema, (p, c) => correctDecision(c.user, p, c.meta)),
  "live:action:add": command(actionSchema, (p, c) => addAction(c.user, p, c.meta)),
  "live:action:status": command(actionStatusSchema, (p, c) => setActionStatus(c.user, p, c.meta)),
  "live:action:correct": command(correctActionSchema, (p, c) => correctAction(c.user, p, c.meta)),
  "live:action:transfer": command(answerTransferSchema, (p, c) => answerTransfer(c.user, p, c.meta)),
  "live:earlierAction:update": command(earlierActionSchema, (p, c) => updateEarlierAction(c.user, p, c.meta)),
};

export type LiveCommands = typeof liveCommands;
export type LiveCommandName = keyof LiveCommands;
/** What the client sends for a command (before defaults are applied). */
export type LiveCommandPayload<E extends LiveCommandName> = z.input<LiveCommands[E]["schema"]>;
/** What the acknowledgement carries when the command succeeded. */
export type LiveCommandResult<E extends LiveCommandName> = Awaited<ReturnType<LiveCommands[E]["run"]>>;

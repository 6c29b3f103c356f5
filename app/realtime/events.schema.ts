import { z } from "zod";

/** Rooms a client may ask to join. Later capabilities add meeting and agenda-item rooms here. */
export const roomRefSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("organisation"), id: z.string().min(1).max(64) }).strict(),
]);

export const roomRequestSchema = z.object({ room: roomRefSchema }).strict();

export const emptyPayloadSchema = z.union([z.undefined(), z.null(), z.object({}).strict()]);

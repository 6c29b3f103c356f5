/**
 * An action changed away from the table — on /acties, or by an amendment of the minutes — while a
 * table that shows it is live: the action's own item (still open in a live meeting), or a later
 * item of the same case, whose "Openstaande acties" review it. Those boards hear of it as of any
 * board write: inside the change's transaction each item's sequence is bumped (so every browser
 * applies the change in order, or fetches the board again), and it is published after commit, to
 * that item's room only — the people at that table.
 */
import type { SessionUser } from "~/auth/session.server";
import { actionSelect, actionView } from "~/domain/live/live-views.server";
import { Prisma } from "~/generated/prisma/client";
import type { BoardChange } from "~/realtime/events";
import { publishItemChange } from "~/realtime/publish.server";

import { earlierActionById } from "./actions.server";

type Tx = Prisma.TransactionClient;
export type LiveEcho = { meetingId: string; itemId: string; seq: number; change: BoardChange };

/**
 * Numbers the change on every open, live item that shows the action, and builds what each board
 * receives. An earlier action is on a later table while open, and on the day it was closed.
 */
export async function echoToLiveTables(tx: Tx, actionId: string, now: Date): Promise<LiveEcho[]> {
  const bumped = await tx.$queryRaw<{ itemId: string; meetingId: string; seq: number; own: boolean }[]>(Prisma.sql`
    UPDATE "AgendaItem" i SET "liveSeq" = i."liveSeq" + 1
    FROM "Meeting" m, "Action" a, "AgendaItem" origin
    WHERE a.id = ${actionId} AND origin.id = a."agendaItemId"
      AND m.id = i."meetingId" AND m.status = 'LIVE' AND i."closedAt" IS NULL
      AND (i.id = a."agendaItemId"
           OR (i."caseId" = a."caseId" AND i."meetingId" <> origin."meetingId"
               AND (a.status <> 'DONE' OR a."closedAt" = ${now})))
    RETURNING i.id AS "itemId", i."meetingId", i."liveSeq" AS seq, i.id = a."agendaItemId" AS own`);
  if (bumped.length === 0) return [];
  const own = bumped.some((b) => b.own)
    ? actionView(await tx.action.findUniqueOrThrow({ where: { id: actionId }, select: actionSelect }))
    : null;
  const earlier = bumped.some((b) => !b.own) ? await earlierActionById(tx, actionId) : null;
  return bumped.flatMap((b) => {
    const change: BoardChange | null =
      b.own && own ? { kind: "action", action: own } : earlier ? { kind: "earlierAction", action: earlier } : null;
    return change ? [{ meetingId: b.meetingId, itemId: b.itemId, seq: b.seq, change }] : [];
  });
}

/** After commit: each live table that shows the action hears the change. */
export function publishEchoes(echoes: readonly LiveEcho[], user: SessionUser): void {
  for (const echo of echoes) {
    publishItemChange({ ...echo, by: { userId: user.id, name: user.name, organisationId: user.organisation.id } });
  }
}

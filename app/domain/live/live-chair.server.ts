/** The chair's controls: the item on the table, closing an item, ending the meeting. */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { AuditAction } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { meetingChairedWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ruleError } from "~/domain/errors.server";
import type { Prisma } from "~/generated/prisma/client";
import type { LiveMeetingState } from "~/realtime/events";
import { publishMeetingState } from "~/realtime/publish.server";

import { readMeetingState } from "./live-board.server";
import { notFound } from "./live-views.server";

type Tx = Prisma.TransactionClient;

// ---- The chair's controls ---------------------------------------------------------------------

async function requireLiveChair(user: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingChairedWhere(user) },
    select: { status: true },
  });
  if (!meeting) throw notFound();
  if (meeting.status !== "LIVE") throw ruleError("live.errors.notLive");
}

async function changeMeeting(
  user: SessionUser,
  meetingId: string,
  action: AuditAction,
  meta: Acting,
  write: (tx: Tx, now: Date) => Promise<void>,
  details?: Prisma.InputJsonValue,
): Promise<LiveMeetingState> {
  await requireLiveChair(user, meetingId);
  const now = meta.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    // The status condition makes a change racing "end meeting" fail instead of writing after it.
    const bumped = await tx.meeting.updateMany({
      where: { id: meetingId, status: "LIVE" },
      data: { liveSeq: { increment: 1 } },
    });
    if (bumped.count !== 1) throw ruleError("live.errors.notLive");
    await write(tx, now);
    await recordAudit(
      {
        actor: actorOf(user),
        action,
        subjectType: "Meeting",
        subjectId: meetingId,
        clientAddress: meta.clientAddress,
        details,
        at: now,
      },
      tx,
    );
  });
  const state = await readMeetingState(meetingId);
  publishMeetingState(meetingId, state);
  return state;
}

/** "Nu aan tafel": every participant's screen follows, and the item's timer starts. */
export function setCurrentItem(user: SessionUser, meetingId: string, itemId: string, meta: Acting) {
  return changeMeeting(
    user,
    meetingId,
    "meeting.item.current",
    meta,
    async (tx, now) => {
      const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { closedAt: true } });
      if (!item) throw notFound();
      if (item.closedAt) throw ruleError("live.errors.itemClosed");
      await tx.meeting.update({ where: { id: meetingId }, data: { currentItemId: itemId, currentItemSince: now } });
    },
    { itemId },
  );
}

/**
 * The chair closes an item. While needs are open that needs an explicit confirmation, which is
 * recorded (on the item and in the audit trail) so no party's open question disappears silently.
 */
export function closeItem(
  user: SessionUser,
  meetingId: string,
  input: { itemId: string; confirmOpenNeeds: boolean },
  meta: Acting,
) {
  return changeMeeting(
    user,
    meetingId,
    "meeting.item.closed",
    meta,
    async (tx, now) => {
      const item = await tx.agendaItem.findFirst({
        where: { id: input.itemId, meetingId },
        select: { closedAt: true, _count: { select: { needs: { where: { status: "OPEN" } } } } },
      });
      if (!item) throw notFound();
      if (item.closedAt) throw ruleError("live.errors.itemClosed");
      const openNeeds = item._count.needs;
      if (openNeeds > 0 && !input.confirmOpenNeeds) throw ruleError("live.errors.openNeeds", { openNeeds });
      await tx.agendaItem.update({
        where: { id: input.itemId },
        data: { closedAt: now, closedWithOpenNeeds: openNeeds > 0, liveSeq: { increment: 1 } },
      });
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { currentItemId: true } });
      if (meeting.currentItemId === input.itemId) {
        await tx.meeting.update({ where: { id: meetingId }, data: { currentItemId: null, currentItemSince: null } });
      }
    },
    { itemId: input.itemId, confirmedOpenNeeds: input.confirmOpenNeeds },
  );
}

/** The chair ends the meeting (status afgerond): from now on the boards are read-only. */
export function endMeeting(user: SessionUser, meetingId: string, meta: Acting) {
  return changeMeeting(user, meetingId, "meeting.ended", meta, async (tx, now) => {
    await tx.meeting.update({
      where: { id: meetingId },
      data: { status: "FINISHED", endedAt: now, currentItemId: null, currentItemSince: null },
    });
  });
}

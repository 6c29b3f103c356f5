import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { meetingChairedWhere } from "~/domain/access/access.server";
import { ensure, notFound } from "~/domain/errors.server";

/** The meeting as its chair, for changes: 404 when it does not exist or is not theirs. */
export async function requireChairOf(user: SessionUser, meetingId: string) {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingChairedWhere(user) },
    select: { id: true, status: true, invitations: { select: { organisationId: true } } },
  });
  ensure(meeting, notFound);
  return meeting;
}

export type ChairedMeeting = Awaited<ReturnType<typeof requireChairOf>>;

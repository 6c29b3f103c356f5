import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { meetingVisibleWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound } from "~/domain/errors.server";

/**
 * The meeting as an .ics calendar file, for its chair and the invitees of a published meeting.
 * It carries the title, time, place and a link: no agenda content (a calendar leaves the product).
 */
export async function meetingCalendar(viewer: SessionUser, meetingId: string, baseUrl: string, meta: Acting) {
  const meeting = await prisma.meeting.findFirst({
    where: {
      id: meetingId,
      ...meetingVisibleWhere(viewer),
    },
    select: {
      id: true,
      title: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      status: true,
      updatedAt: true,
    },
  });
  ensure(meeting, notFound);
  const { createEvent } = await import("ics");
  const url = new URL(`/overleggen/${meeting.id}`, baseUrl).toString();
  // Times are stored in UTC and written as UTC: `ics` would read "local" as the server's zone.
  const { error, value } = createEvent({
    uid: `${meeting.id}@actie-overleg`,
    title: meeting.title,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.durationMinutes },
    location: meeting.location,
    url,
    description: url,
    status: "CONFIRMED",
    productId: "actie-overleg",
    lastModified: meeting.updatedAt.getTime(),
  });
  if (error || !value) throw error ?? new Error("ics failed");
  await recordAudit({
    actor: actorOf(viewer),
    action: "meeting.calendar.downloaded",
    subjectType: "Meeting",
    subjectId: meeting.id,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
  return { filename: `actie-overleg-${meeting.startsAt.toISOString().slice(0, 10)}.ics`, body: value };
}

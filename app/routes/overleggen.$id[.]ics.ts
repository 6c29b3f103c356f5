import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { meetingCalendar } from "~/domain/meetings/meetings.server";

/** `/overleggen/<id>.ics`: the meeting in the user's calendar (chair and invitees only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { filename, body } = await meetingCalendar(user, params.id ?? "", new URL(request.url).origin, {
    clientAddress: context.clientAddress,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

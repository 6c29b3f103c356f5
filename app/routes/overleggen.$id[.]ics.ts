import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { meetingCalendar } from "~/domain/meetings/meetings.server";
import { downloadResponse } from "~/utils/http.server";

/** `/overleggen/<id>.ics`: the meeting in the user's calendar (chair and invitees only). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return downloadResponse(
    await meetingCalendar(user, params.id ?? "", new URL(request.url).origin, actingFrom(context)),
    "ics",
  );
}

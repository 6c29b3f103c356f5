import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { actionsCalendar } from "~/domain/actions/action-exports.server";
import { translatorFor } from "~/i18n/translate.server";
import { downloadResponse } from "~/utils/http.server";

/** `/acties.ics`: the due dates of the organisation's open actions, as all-day events. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return downloadResponse(
    await actionsCalendar(user, new URL(request.url).origin, await translatorFor(request), actingFrom(context)),
    "ics",
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actionsCalendar } from "~/domain/actions/action-exports.server";
import { translatorFor } from "~/i18n/translate.server";

/** `/acties.ics`: the due dates of the organisation's open actions, as all-day events. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { filename, body } = await actionsCalendar(user, new URL(request.url).origin, await translatorFor(request), {
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

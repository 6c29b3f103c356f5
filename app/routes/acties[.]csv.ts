import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { actionsCsv } from "~/domain/actions/action-exports.server";
import { actionQuerySchema } from "~/domain/actions/action.schema";
import { translatorFor } from "~/i18n/translate.server";
import { downloadResponse } from "~/utils/http.server";
import { actionsUrl } from "~/utils/url-words";

/** `/acties.csv`: the actions of /acties (same view and filters) for Excel. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = actionQuerySchema.parse(actionsUrl.read(new URL(request.url).searchParams));
  return downloadResponse(await actionsCsv(user, query, await translatorFor(request), actingFrom(context)), "csv");
}

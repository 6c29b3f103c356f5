import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { minutesActionsCsv } from "~/domain/minutes/minutes-exports.server";
import { translatorFor } from "~/i18n/translate.server";
import { downloadResponse } from "~/utils/http.server";

/** `/overleggen/<id>/verslag.csv`: the actions in the minutes this reader may see, for Excel. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return downloadResponse(
    await minutesActionsCsv(user, params.id ?? "", await translatorFor(request), actingFrom(context)),
    "csv",
  );
}

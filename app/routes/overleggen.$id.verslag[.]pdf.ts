import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { minutesPdf } from "~/domain/minutes/minutes-exports.server";
import { detectLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate.server";
import { downloadResponse } from "~/utils/http.server";

/** `/overleggen/<id>/verslag.pdf`: the minutes as this reader may see them, as a PDF. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await detectLocale(request);
  return downloadResponse(
    await minutesPdf(user, params.id ?? "", await translator(locale), locale, actingFrom(context)),
    "pdf",
  );
}

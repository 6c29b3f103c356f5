import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { actionsCsv } from "~/domain/actions/action-exports.server";
import { actionQuerySchema } from "~/domain/actions/action.schema";
import { translatorFor } from "~/i18n/translate.server";

/** `/acties.csv`: the actions of /acties (same view and filters) for Excel. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = actionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { filename, body } = await actionsCsv(user, query, await translatorFor(request), {
    clientAddress: context.clientAddress,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

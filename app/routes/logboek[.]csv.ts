import type { LoaderFunctionArgs } from "@remix-run/node";

import { periodAuditCsv, periodSchema } from "~/audit/audit-log.server";
import { requireRole } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { translatorFor } from "~/i18n/translate.server";
import { downloadResponse } from "~/utils/http.server";
import { auditUrl } from "~/utils/url-words";

/** `/logboek.csv?van=…&tot=…`: a period of the audit log, for platform admins. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PLATFORM_ADMIN");
  const query = periodSchema.parse(auditUrl.read(new URL(request.url).searchParams));
  return downloadResponse(await periodAuditCsv(user, query, await translatorFor(request), actingFrom(context)), "csv");
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { caseAuditLog, periodAuditLog, periodSchema, AUDIT_VIEW_LIMIT } from "~/audit/audit-log.server";
import { requireRole } from "~/auth/guards.server";
import { AuditTable } from "~/components/audit-table";
import { SelectField, TextField } from "~/components/forms";
import { actingFrom } from "~/domain/acting.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { auditUrl } from "~/utils/url-words";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("audit.title"));

/** Platform admins: the whole log by period. Organisation admins: their own cases' log. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PLATFORM_ADMIN", "ORG_ADMIN");
  const params = auditUrl.read(new URL(request.url).searchParams);
  const meta = actingFrom(context);
  if (user.roles.includes("PLATFORM_ADMIN")) {
    const log = await periodAuditLog(user, periodSchema.parse(params), meta);
    return { mode: "period" as const, limit: AUDIT_VIEW_LIMIT, ...log, cases: [], reference: "" };
  }
  // A case reference or nothing: anything else (a NUL, 5,000 characters) shows the empty log.
  const reference = /^AO-\d{4}-\d{4,12}$/.test(params.caseReference ?? "") ? (params.caseReference as string) : "";
  const log = await caseAuditLog(user, { reference }, meta);
  return { mode: "cases" as const, limit: AUDIT_VIEW_LIMIT, ...log, period: null, reference };
}

export default function AuditLogPage() {
  const { t } = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="page page--wide" aria-labelledby="audit-title">
      <h1 id="audit-title">{t("audit.title")}</h1>
      <p>{data.mode === "period" ? t("audit.introAdmin") : t("audit.intro")}</p>
      <Form method="get" className="search-form" aria-label={t("audit.show")}>
        {data.mode === "period" && data.period ? (
          <>
            <TextField
              name={auditUrl.name("from")}
              type="date"
              label={t("audit.periodFrom")}
              defaultValue={data.period.from}
            />
            <TextField
              name={auditUrl.name("to")}
              type="date"
              label={t("audit.periodTo")}
              defaultValue={data.period.to}
            />
          </>
        ) : (
          <SelectField
            name={auditUrl.name("caseReference")}
            label={t("audit.caseFilter")}
            defaultValue={data.reference}
            options={[{ value: "", label: t("audit.anyCase") }, ...data.cases.map((c) => ({ value: c, label: c }))]}
          />
        )}
        <button type="submit" className="button">
          {t("audit.show")}
        </button>
      </Form>
      {data.mode === "period" && data.period ? (
        <p>
          <a href={`/logboek.csv?${auditUrl.write({ from: data.period.from, to: data.period.to })}`}>
            {t("audit.csv")}
          </a>
        </p>
      ) : null}
      <p className="result-count">{t("audit.count", { count: data.events.length })}</p>
      {data.events.length >= data.limit ? <p className="hint">{t("audit.limited", { limit: data.limit })}</p> : null}
      <AuditTable events={data.events} />
    </section>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { actingFrom } from "~/domain/acting.server";
import { closeCase, openCase } from "~/domain/cases/cases.server";
import { badRequest } from "~/domain/errors.server";
import { getEnv } from "~/env.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => data?.found.reference ?? t("cases.title"));

/** Opening a case's content: only for who may see it (404 otherwise), and always audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await openCase(user, params.reference ?? "", actingFrom(context));
  const { organisationId, ...shown } = found;
  return {
    found: shown,
    mayClose: organisationId === user.organisation.id && found.status === "OPEN",
    retentionMonths: getEnv().RETENTION_MONTHS,
  };
}

/** The bringing organisation closes the case (from then on the retention period runs). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "close") throw badRequest("errors.unknownIntent");
  await closeCase(user, params.reference ?? "", actingFrom(context));
  throw redirect(`/casussen/${params.reference}?gesloten`);
}

export default function CasePage() {
  const { t, locale } = useLocale();
  const { found, mayClose, retentionMonths } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <article className="page" aria-labelledby="case-title">
      <p className="breadcrumb">
        <Link to="/casussen">{t("cases.title")}</Link>
      </p>
      <h1 id="case-title">{found.reference}</h1>
      {params.has("nieuw") ? (
        <p className="notice notice--success" role="status">
          {t("cases.createdNotice", { reference: found.reference })}
        </p>
      ) : null}
      {params.has("gesloten") ? (
        <p className="notice notice--success" role="status">
          {t("cases.closedNotice", { months: retentionMonths })}
        </p>
      ) : null}
      {found.anonymisedAt ? (
        <p className="notice">{t("cases.anonymised", { date: formatDateTime(found.anonymisedAt, locale) })}</p>
      ) : null}
      <dl className="facts">
        <dt>{t("cases.description")}</dt>
        <dd>{found.description || "—"}</dd>
        <dt>{t("cases.riskLevel")}</dt>
        <dd>{t(`cases.risk.${found.riskLevel}`)}</dd>
        <dt>{t("cases.status")}</dt>
        <dd>{t(`cases.statuses.${found.status}`)}</dd>
        <dt>{t("cases.broughtBy")}</dt>
        <dd>
          <Link to={`/organisaties/${found.organisation.slug}`}>{found.organisation.name}</Link>
        </dd>
        <dt>{t("cases.lead")}</dt>
        <dd>{found.leadOrganisation ? found.leadOrganisation.name : t("cases.noLead")}</dd>
        <dt>{t("cases.region")}</dt>
        <dd>{found.region}</dd>
        <dt>{t("cases.created")}</dt>
        <dd>{formatDateTime(found.createdAt, locale)}</dd>
        {found.closedAt ? (
          <>
            <dt>{t("cases.closedAt")}</dt>
            <dd>{formatDateTime(found.closedAt, locale)}</dd>
          </>
        ) : null}
      </dl>
      {mayClose ? (
        <Form method="post" className="form-section">
          <p className="hint">{t("cases.closeHint", { months: retentionMonths })}</p>
          <button type="submit" name="intent" value="close" className="button">
            {t("cases.close")}
          </button>
        </Form>
      ) : null}
    </article>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/guards.server";
import { openCase } from "~/domain/cases/cases.server";
import { isLocale } from "~/i18n/config";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => data?.found.reference ?? t("cases.title"));

/** Opening a case's content: only for who may see it (404 otherwise), and always audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { found: await openCase(user, params.reference ?? "", { clientAddress: context.clientAddress }) };
}

export default function CasePage() {
  const { t, i18n } = useTranslation();
  const { found } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const locale = isLocale(i18n.language) ? i18n.language : "nl";
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
      <dl className="facts">
        <dt>{t("cases.description")}</dt>
        <dd>{found.description}</dd>
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
      </dl>
    </article>
  );
}

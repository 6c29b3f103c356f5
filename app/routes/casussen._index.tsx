import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ScrollingTable } from "~/components/scrolling-table";
import { listVisibleCases } from "~/domain/cases/cases.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("cases.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { cases: await listVisibleCases(user) };
}

export default function CasesPage() {
  const { t, locale } = useLocale();
  const { cases } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="cases-title">
      <h1 id="cases-title">{t("cases.title")}</h1>
      <p>{t("cases.intro")}</p>
      <p>
        <Link to="/casussen/nieuw" className="button">
          {t("cases.newCase")}
        </Link>
      </p>
      {cases.length === 0 ? (
        <p>{t("cases.none")}</p>
      ) : (
        <ScrollingTable captionId="cases-caption">
          <table className="table">
            <caption id="cases-caption" className="visually-hidden">
              {t("cases.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("cases.reference")}</th>
                <th scope="col">{t("cases.riskLevel")}</th>
                <th scope="col">{t("cases.region")}</th>
                <th scope="col">{t("cases.created")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.reference}>
                  <th scope="row">
                    <Link to={`/casussen/${c.reference}`}>{c.reference}</Link>
                  </th>
                  <td>{t(`cases.risk.${c.riskLevel}`)}</td>
                  <td>{c.region}</td>
                  <td>{formatDate(c.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </section>
  );
}

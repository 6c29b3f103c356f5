import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/guards.server";
import { listOrganisations } from "~/domain/organisations/organisations.server";

export const meta: MetaFunction = () => [{ title: "Organisaties · Actie-overleg" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { organisations: await listOrganisations(user), ownOrganisationId: user.organisation.id };
}

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { organisations, ownOrganisationId } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="organisations-title">
      <h1 id="organisations-title">{t("organisations.title")}</h1>
      <p>{t("organisations.intro")}</p>
      <table className="table">
        <caption>{t("organisations.count", { count: organisations.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("organisations.name")}</th>
            <th scope="col">{t("organisations.shortCode")}</th>
            <th scope="col">{t("organisations.kind")}</th>
            <th scope="col">{t("organisations.region")}</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((org) => (
            <tr key={org.id}>
              <th scope="row">
                {org.name}
                {org.id === ownOrganisationId ? <span className="badge">{t("organisations.yours")}</span> : null}
              </th>
              <td>{org.shortCode}</td>
              <td>{t(`kinds.${org.kind}`)}</td>
              <td>{org.region}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

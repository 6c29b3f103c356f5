import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { SelectField, TextField } from "~/components/forms";
import { FreshnessBadge } from "~/components/freshness-badge";
import { parseDirectoryQuery } from "~/domain/organisations/queries.server";
import { searchDirectory } from "~/domain/organisations/role-profiles.server";
import { OrganisationKind } from "~/generated/prisma/enums";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { directoryUrl } from "~/utils/url-words";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("organisations.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = parseDirectoryQuery(directoryUrl.read(new URL(request.url).searchParams));
  const result = await searchDirectory(user, query);
  return { ...result, query, ownOrganisationId: user.organisation.id };
}

type DirectoryData = ReturnType<typeof useLoaderData<typeof loader>>;
type Listed = DirectoryData["organisations"][number];

export default function OrganisationsPage() {
  const { t } = useLocale();
  const { organisations, total, pageCount, regions, query, ownOrganisationId } = useLoaderData<typeof loader>();

  return (
    <section className="page" aria-labelledby="organisations-title">
      <h1 id="organisations-title">{t("organisations.title")}</h1>
      <p>{t("organisations.intro")}</p>

      <DirectorySearch query={query} regions={regions} />

      <p role="status" className="result-count">
        {t("directory.results", { count: total })}
      </p>

      {organisations.length === 0 ? (
        <p>{t("directory.noResults")}</p>
      ) : (
        <DirectoryCompareForm organisations={organisations} ownOrganisationId={ownOrganisationId} />
      )}

      {pageCount > 1 ? <Pagination page={query.page} pageCount={pageCount} /> : null}
    </section>
  );
}

function DirectorySearch({ query, regions }: { query: DirectoryData["query"]; regions: string[] }) {
  const { t } = useLocale();
  return (
    <Form method="get" className="search-form" role="search">
      <TextField
        name="q"
        type="search"
        label={t("directory.searchLabel")}
        hint={t("directory.searchHint")}
        defaultValue={query.q ?? ""}
      />
      <SelectField
        name={directoryUrl.name("kind")}
        label={t("directory.kind")}
        defaultValue={query.kind ?? ""}
        options={[
          { value: "", label: t("directory.allKinds") },
          ...Object.values(OrganisationKind).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) })),
        ]}
      />
      <SelectField
        name={directoryUrl.name("region")}
        label={t("directory.region")}
        defaultValue={query.region ?? ""}
        options={[{ value: "", label: t("directory.allRegions") }, ...regions.map((r) => ({ value: r, label: r }))]}
      />
      <div className="search-form__actions">
        <button type="submit" className="button">
          {t("directory.submit")}
        </button>
        <Link to="/organisaties">{t("directory.reset")}</Link>
      </div>
    </Form>
  );
}

function DirectoryCompareForm({
  organisations,
  ownOrganisationId,
}: {
  organisations: Listed[];
  ownOrganisationId: string;
}) {
  const { t } = useLocale();
  return (
    <Form method="get" action="/organisaties/vergelijk">
      <p className="hint" id="compare-hint">
        {t("directory.compareHint")}
      </p>
      <ul className="directory" aria-describedby="compare-hint">
        {organisations.map((org) => (
          <DirectoryEntry key={org.id} org={org} own={org.id === ownOrganisationId} />
        ))}
      </ul>
      <button type="submit" className="button">
        {t("directory.compareSelected")}
      </button>
    </Form>
  );
}

function DirectoryEntry({ org, own }: { org: Listed; own: boolean }) {
  const { t } = useLocale();
  return (
    <li className="directory__item">
      <div className="directory__select">
        <input
          type="checkbox"
          name="o"
          value={org.slug}
          id={`compare-${org.slug}`}
          aria-label={t("directory.select", { name: org.name })}
        />
      </div>
      <div className="directory__body">
        <h2 className="directory__name">
          <Link to={`/organisaties/${org.slug}`}>{org.name}</Link>{" "}
          <span className="directory__code">({org.shortCode})</span>
          {own ? <span className="badge">{t("organisations.yours")}</span> : null}
        </h2>
        <p className="directory__meta">
          {t(`kinds.${org.kind}`)} · {org.region} · <FreshnessBadge freshness={org.freshness} />
        </p>
        {org.profileSummary ? <p className="directory__summary">{org.profileSummary}</p> : null}
        {org.matchedIn ? (
          <p className="directory__match">
            {t("directory.matchedIn", {
              field: t(`directory.matchFields.${org.matchedIn.field}`),
              text: org.matchedIn.text,
            })}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useLocale();
  const [searchParams] = useSearchParams();
  const pageLink = (target: number) => {
    const params = new URLSearchParams(searchParams);
    params.set(directoryUrl.name("page"), String(target));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={t("directory.pagination")} className="pagination">
      {page > 1 ? <Link to={pageLink(page - 1)}>{t("directory.previous")}</Link> : null}
      <span>{t("directory.page", { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={pageLink(page + 1)}>{t("directory.next")}</Link> : null}
    </nav>
  );
}

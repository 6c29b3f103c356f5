import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { FreshnessBadge } from "~/components/freshness-badge";
import { PrintButton } from "~/components/print-button";
import { ProfileView } from "~/components/profile-view";
import { actingFrom } from "~/domain/acting.server";
import { getProfile, recordProfileViews, versionAuthor } from "~/domain/organisations/role-profiles.server";
import { getEnv } from "~/env.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => data?.organisation.name ?? t("organisations.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const result = await getProfile(user, params.slug ?? "");
  await recordProfileViews(user, [result.organisation.id], "page", actingFrom(context));
  // After a save that merged with another: whose version it merged with (versions are public).
  const mergedWith = Number.parseInt(new URL(request.url).searchParams.get("samengevoegd") ?? "", 10);
  const merged = Number.isInteger(mergedWith) ? await versionAuthor(result.organisation.id, mergedWith) : null;
  return { ...result, merged, reviewMonths: getEnv().PROFILE_REVIEW_MONTHS };
}

export default function OrganisationProfilePage() {
  const { t, locale } = useLocale();
  const { organisation, profile, version, freshness, canEdit, merged, reviewMonths } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("opgeslagen");

  return (
    <article className="page" aria-labelledby="profile-title">
      <p className="breadcrumb">
        <Link to="/organisaties">{t("organisations.title")}</Link>
      </p>
      <h1 id="profile-title">
        {organisation.name} <span className="directory__code">({organisation.shortCode})</span>
      </h1>
      <p className="directory__meta">
        {t(`kinds.${organisation.kind}`)} · {organisation.region} · <FreshnessBadge freshness={freshness} />
      </p>
      {saved ? (
        <p className="notice notice--success" role="status">
          {merged
            ? t("profile.savedMerged", { number: saved, other: merged.number, author: merged.authorName })
            : t("profile.saved", { number: saved })}
        </p>
      ) : null}
      {version ? (
        <p className="hint">
          {t("profile.reviewed", {
            date: formatDate(version.reviewedAt, locale),
            name: version.authorName,
            version: version.number,
          })}
        </p>
      ) : null}
      {freshness === "outdated" ? (
        <p className="notice notice--warning">{t("profile.outdatedNotice", { months: reviewMonths })}</p>
      ) : null}

      <div className="actions no-print">
        {canEdit ? (
          <Link to={`/organisaties/${organisation.slug}/bewerken`} className="button">
            {t("profile.edit")}
          </Link>
        ) : null}
        <Link to={`/organisaties/${organisation.slug}/versies`}>{t("profile.history")}</Link>
        <PrintButton />
      </div>

      {profile ? <ProfileView profile={profile} /> : <p>{t("profile.noProfile")}</p>}
    </article>
  );
}

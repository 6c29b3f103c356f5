import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { FreshnessBadge } from "~/components/freshness-badge";
import { PrintButton } from "~/components/print-button";
import { PROFILE_SECTIONS, ProfileSectionContent } from "~/components/profile-view";
import { actingFrom } from "~/domain/acting.server";
import { compareQuerySchema } from "~/domain/organisations/queries.server";
import { compareProfiles, recordProfileViews } from "~/domain/organisations/role-profiles.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("comparison.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slugs = compareQuerySchema.safeParse(new URL(request.url).searchParams.getAll("o"));
  if (!slugs.success) return data({ profiles: null }, { status: 400 });
  const profiles = await compareProfiles(user, slugs.data);
  await recordProfileViews(
    user,
    profiles.map((p) => p.organisation.id),
    "comparison",
    actingFrom(context),
  );
  return { profiles };
}

export default function ComparePage() {
  const { t } = useLocale();
  const { profiles } = useLoaderData<typeof loader>();

  return (
    <section className="page page--wide" aria-labelledby="compare-title">
      <p className="breadcrumb no-print">
        <Link to="/organisaties">{t("comparison.back")}</Link>
      </p>
      <h1 id="compare-title">{t("comparison.title")}</h1>
      {!profiles ? (
        <p className="notice notice--error" role="alert">
          {t("comparison.wrongCount")}
        </p>
      ) : (
        <>
          <p>{t("comparison.intro")}</p>
          <div className="actions no-print">
            <PrintButton />
          </div>
          <div className="table-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
            <table className="table compare-table">
              <caption id="compare-caption" className="visually-hidden">
                {t("comparison.caption", { names: profiles.map((p) => p.organisation.shortCode).join(", ") })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("comparison.aspect")}</th>
                  {profiles.map(({ organisation, freshness }) => (
                    <th scope="col" key={organisation.id}>
                      <Link to={`/organisaties/${organisation.slug}`}>{organisation.name}</Link>
                      <br />
                      <FreshnessBadge freshness={freshness} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {PROFILE_SECTIONS.map((section) => (
                  <tr key={section}>
                    <th scope="row">{t(`profile.sections.${section}`)}</th>
                    {profiles.map(({ organisation, profile }) => (
                      <td key={organisation.id}>
                        {profile ? (
                          <ProfileSectionContent profile={profile} section={section} />
                        ) : (
                          t("profile.noProfile")
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

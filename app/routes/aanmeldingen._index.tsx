import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ReferralTable } from "~/components/referral-list";
import { mayTriage } from "~/domain/access/access.server";
import { listedReferral } from "~/domain/referrals/referral-views.server";
import { ownReferrals, recentlyTriaged, triageQueue } from "~/domain/referrals/referrals.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("referrals.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const [own, queue, recent] = await Promise.all([ownReferrals(user), triageQueue(user), recentlyTriaged(user)]);
  return {
    triages: mayTriage(user) || queue.length > 0,
    organisation: user.organisation.name,
    own: own.map((r) => listedReferral(r, now, user)),
    queue: queue.map((r) => listedReferral(r, now, user)),
    recent: recent.map((r) => listedReferral(r, now, user)),
  };
}

export default function ReferralsPage() {
  const { t } = useLocale();
  const { triages, organisation, own, queue, recent } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="referrals-title">
      <h1 id="referrals-title">{t("referrals.title")}</h1>
      <p>{t("referrals.intro")}</p>
      <p>
        <Link to="/aanmeldingen/nieuw" className="button">
          {t("referrals.new")}
        </Link>
      </p>
      {triages ? (
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">{t("referrals.queueTitle", { count: queue.length })}</h2>
          <p>{t("referrals.queueIntro")}</p>
          {queue.length === 0 ? (
            <p>{t("referrals.queueEmpty")}</p>
          ) : (
            <ReferralTable
              id="triage-queue"
              caption={t("referrals.queueTitle", { count: queue.length })}
              referrals={queue}
            />
          )}
          {recent.length > 0 ? (
            <>
              <h3>{t("referrals.recentTitle")}</h3>
              <ReferralTable id="triage-recent" caption={t("referrals.recentTitle")} referrals={recent} />
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="own-title">
        <h2 id="own-title">{t("referrals.ownTitle", { organisation })}</h2>
        {own.length === 0 ? (
          <p>{t("referrals.ownEmpty")}</p>
        ) : (
          <ReferralTable id="own-referrals" caption={t("referrals.ownTitle", { organisation })} referrals={own} />
        )}
      </section>
    </section>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireSession } from "~/auth/guards.server";
import { TriageNotice } from "~/components/start-referrals";
import { AdminSection, ChairSection, MemberSection } from "~/components/start-sections";
import { actingFrom } from "~/domain/acting.server";
import { profileReminder } from "~/domain/organisations/role-profiles.server";
import { startOverview } from "~/domain/start/start.server";
import { getEnv } from "~/env.server";
import { formatDateTime } from "~/i18n/format";
import { asKey } from "~/i18n/keys";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { actionsUrl } from "~/utils/url-words";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("nav.home"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, createdAt, expiresAt } = await requireSession(request);
  return {
    overview: await startOverview(user, actingFrom(context)),
    organisationSlug: user.organisation.slug,
    reminder: await profileReminder(user),
    reviewMonths: getEnv().PROFILE_REVIEW_MONTHS,
    session: {
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      idleMinutes: getEnv().SESSION_IDLE_MINUTES,
    },
    user: {
      name: user.name,
      email: user.email,
      functionTitle: user.functionTitle,
      roles: user.roles,
      organisation: { name: user.organisation.name, kind: user.organisation.kind, region: user.organisation.region },
    },
  };
}

export default function StartPage() {
  const { t } = useLocale();
  const { user, session, reminder, reviewMonths, overview, organisationSlug } = useLoaderData<typeof loader>();
  const { overdueActions } = overview;
  return (
    <section className="page" aria-labelledby="start-title">
      <h1 id="start-title">{t("home.title", { name: user.name })}</h1>
      {overdueActions > 0 ? (
        <p className="notice notice--warning" data-testid="overdue-actions">
          {t("actions.startOverdue", { count: overdueActions })}{" "}
          <Link to={`/acties?${actionsUrl.write({ view: "overdue" })}`}>{t("actions.startOverdueLink")}</Link>
        </p>
      ) : null}
      <p className="lead">{t("app.tagline")}</p>
      {reminder ? (
        <div className="notice notice--warning" data-testid="profile-reminder">
          <p>
            {reminder.freshness === "missing"
              ? t("profile.adminReminderMissing", { organisation: reminder.name })
              : t("profile.adminReminder", { organisation: reminder.name, months: reviewMonths })}
          </p>
          <p>
            <Link to={`/organisaties/${reminder.slug}/bewerken`}>{t("profile.adminReminderLink")}</Link>
          </p>
        </div>
      ) : null}

      {overview.triage ? <TriageNotice triage={overview.triage} /> : null}
      {overview.chair ? <ChairSection chair={overview.chair} /> : null}
      <MemberSection member={overview.member} />
      {overview.admin ? <AdminSection admin={overview.admin} slug={organisationSlug} /> : null}

      <WhoAmI user={user} session={session} />

      <h2>{t("home.areas")}</h2>
      <ul className="cards">
        <li className="card">
          <h3 className="card__title">
            <Link to="/organisaties">{t("home.organisationsTitle")}</Link>
          </h3>
          <p>{t("home.organisationsText")}</p>
        </li>
        <li className="card">
          <h3 className="card__title">
            <Link to="/overleggen">{t("home.meetingsTitle")}</Link>
          </h3>
          <p>{t("home.meetingsText")}</p>
        </li>
        <li className="card">
          <h3 className="card__title">
            <Link to="/acties">{t("home.actionsTitle")}</Link>
          </h3>
          <p>{t("home.actionsText")}</p>
        </li>
      </ul>
    </section>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function WhoAmI({ user, session }: Pick<Loaded, "user" | "session">) {
  const { t, locale } = useLocale();
  return (
    <>
      <h2>{t("home.you")}</h2>
      <dl className="facts" data-testid="who-am-i">
        <dt>{t("home.name")}</dt>
        <dd>{user.name}</dd>
        <dt>{t("home.functionTitle")}</dt>
        <dd>{user.functionTitle}</dd>
        <dt>{t("home.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("home.organisation")}</dt>
        <dd data-testid="organisation">
          {user.organisation.name} ({t(asKey(`kinds.${user.organisation.kind}`))})
        </dd>
        <dt>{t("home.region")}</dt>
        <dd>{user.organisation.region}</dd>
        <dt>{t("home.roles")}</dt>
        <dd>{user.roles.map((role) => t(`roles.${role}`)).join(", ")}</dd>
        <dt>{t("home.signedInSince")}</dt>
        <dd>{formatDateTime(session.createdAt, locale)}</dd>
        <dt>{t("home.sessionEnds")}</dt>
        <dd>
          {t("home.sessionEndsText", {
            time: formatDateTime(session.expiresAt, locale),
            minutes: session.idleMinutes,
          })}{" "}
          <Link to="/sessies">{t("sessions.link")}</Link> · <Link to="/wachtwoord">{t("password.link")}</Link> ·{" "}
          <Link to="/tweestapsverificatie">{t("twoFactor.link")}</Link>
        </dd>
      </dl>
    </>
  );
}

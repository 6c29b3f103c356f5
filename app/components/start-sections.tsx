import { Link } from "@remix-run/react";

import type { startOverview } from "~/domain/start/start.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { actionsUrl } from "~/utils/url-words";

import { CaseSignalLines, OwnReferrals } from "./start-referrals";

type Overview = Awaited<ReturnType<typeof startOverview>>;
type ActionItem = NonNullable<Overview["chair"]>["actions"][number]["actions"][number];

function ActionLines({ actions, showOwner }: { actions: ActionItem[]; showOwner: boolean }) {
  const { t, locale } = useLocale();
  return (
    <ul className="start-list">
      {actions.map((a) => (
        <li key={a.id}>
          <strong>{a.description}</strong>
          {a.overdue ? <span className="badge badge--outdated">{t("actions.overdue")}</span> : null}
          <div className="hint">
            {a.reference}
            {showOwner ? <> · {a.ownerName}</> : null} ·{" "}
            {t("actions.due", { date: formatDate(`${a.dueDate}T12:00:00Z`, locale) })}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The chair: her next meetings and their preparation, and every organisation's open actions per meeting. */
export function ChairSection({ chair }: { chair: NonNullable<Overview["chair"]> }) {
  const { t, locale } = useLocale();
  return (
    <section aria-labelledby="start-chair" className="form-section" data-testid="start-chair">
      <h2 id="start-chair">{t("start.chairTitle")}</h2>
      {chair.meetings.length === 0 ? <p className="hint">{t("start.noMeetings")}</p> : null}
      <ul className="start-list">
        {chair.meetings.map((m) => (
          <li key={m.id}>
            <Link to={`/overleggen/${m.id}`}>{m.title}</Link>
            <span className="badge">{t(`meetings.status.${m.status}`)}</span>
            <div className="hint">
              {formatDateTime(m.startsAt, locale)} · {t("start.items", { count: m.items })}
              {m.proposals > 0 ? <> · {t("start.proposalsWaiting", { count: m.proposals })}</> : null}
            </div>
            {m.cardsMissing.map((i) => (
              <div key={i.id} className="hint">
                {t("start.cardsMissing", { n: i.position, reference: i.reference, count: i.missing })}
              </div>
            ))}
          </li>
        ))}
      </ul>
      <CaseSignalLines signals={chair.signals} />
      <h3>{t("start.chairActionsTitle")}</h3>
      <p className="hint">{t("start.chairActionsHint")}</p>
      {chair.actions.length === 0 ? <p className="hint">{t("start.noOpenActions")}</p> : null}
      {chair.actions.map((group) => (
        <details key={group.id} className="start-meeting" data-testid="start-meeting-actions">
          <summary>
            {t("start.meetingActions", {
              title: group.title,
              date: formatDate(group.startsAt, locale),
              open: group.actions.length,
              overdue: group.overdue,
            })}
          </summary>
          <ActionLines actions={group.actions} showOwner />
          <p>
            <Link to={`/acties?${actionsUrl.write({ scope: "chaired", meetingId: group.id })}`}>
              {t("start.meetingAllActions", { title: group.title })}
            </Link>
          </p>
        </details>
      ))}
    </section>
  );
}

/** A member: what my organisation has to do, where we are invited, which role cards wait for us. */
export function MemberSection({ member }: { member: Overview["member"] }) {
  const { t, locale } = useLocale();
  return (
    <section aria-labelledby="start-member" className="form-section" data-testid="start-member">
      <h2 id="start-member">{t("start.memberTitle")}</h2>
      <h3>{t("start.dueTitle")}</h3>
      {member.actions.length === 0 ? <p className="hint">{t("start.nothingDue")}</p> : null}
      <ActionLines actions={member.actions} showOwner={false} />
      {member.actions.length > 0 ? (
        <p>
          <Link to={`/acties?${actionsUrl.write({ view: "open" })}`}>{t("start.allActions")}</Link>
        </p>
      ) : null}
      <h3>{t("start.cardsTitle")}</h3>
      {member.emptyRoleCards.length === 0 ? <p className="hint">{t("start.noCards")}</p> : null}
      <ul className="start-list">
        {member.emptyRoleCards.map((c) => (
          <li key={c.itemId}>
            <Link to={`/overleggen/${c.meetingId}/live`}>
              {t("start.cardItem", { title: c.meetingTitle, n: c.position, reference: c.reference })}
            </Link>
          </li>
        ))}
      </ul>
      <OwnReferrals referrals={member.referrals} />
      <h3>{t("start.invitedTitle")}</h3>
      {member.invited.length === 0 ? <p className="hint">{t("start.noInvitations")}</p> : null}
      <ul className="start-list">
        {member.invited.map((m) => (
          <li key={m.id}>
            <Link to={`/overleggen/${m.id}`}>{m.title}</Link>
            <span className="badge">{t(`meetings.status.${m.status}`)}</span>
            <div className="hint">{formatDateTime(m.startsAt, locale)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** An organisation admin: which partners looked the profile up lately. */
export function AdminSection({ admin, slug }: { admin: NonNullable<Overview["admin"]>; slug: string }) {
  const { t, locale } = useLocale();
  return (
    <section aria-labelledby="start-admin" className="form-section" data-testid="start-admin">
      <h2 id="start-admin">{t("start.adminTitle")}</h2>
      <p>
        <Link to={`/organisaties/${slug}`}>{t("start.ownProfile")}</Link>
      </p>
      <h3>{t("start.lookupsTitle", { days: admin.days })}</h3>
      {admin.partners.length === 0 ? <p className="hint">{t("start.noLookups")}</p> : null}
      <ul className="start-list">
        {admin.partners.map((p) => (
          <li key={p.organisationId}>
            {t("start.lookup", { name: p.name, count: p.views, date: formatDateTime(p.last, locale) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

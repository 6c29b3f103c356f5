import { Link } from "@remix-run/react";

import type { ListedReferral } from "~/domain/referrals/referral-views.server";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

import { ScrollingTable } from "./scrolling-table";

/** Where a referral stands: waiting (until when), or what was decided and why. */
export function ReferralState({ referral: r }: { referral: ListedReferral }) {
  const { t, locale } = useLocale();
  if (r.status === "PENDING") {
    if (!r.due) return <>{t("referrals.status.PENDING")}</>;
    // Midday UTC falls on the same Amsterdam day.
    const day = formatDate(`${r.due.lastDay}T12:00:00Z`, locale);
    return (
      <>
        {t("referrals.status.PENDING")} ·{" "}
        {r.caseClosed ? <strong>{t("referrals.caseClosedMeanwhile")} · </strong> : null}
        <span className={r.due.overdue ? "referral-due referral-due--overdue" : "referral-due"}>
          {r.due.overdue
            ? t("referrals.due.overdue", { date: day })
            : t("referrals.due.left", { date: day, count: r.due.daysLeft })}
        </span>
      </>
    );
  }
  return (
    <>
      <strong>{t(`referrals.status.${r.status}`)}</strong>
      {r.meeting ? (
        <> — {t("referrals.toMeeting", { title: r.meeting.title, date: formatDate(r.meeting.startsAt, locale) })}</>
      ) : null}
      {r.offAgenda ? <> ({t("referrals.offAgenda")})</> : null}
      {r.otherTable ? <> — {r.otherTable}</> : null}
      {r.outcomeReason ? <>: {r.outcomeReason}</> : null}
    </>
  );
}

export function ReferralTable({
  id,
  caption,
  referrals,
}: {
  id: string;
  caption: string;
  referrals: ListedReferral[];
}) {
  const { t, locale } = useLocale();
  return (
    <ScrollingTable captionId={`${id}-caption`}>
      <table className="table" data-testid={id}>
        <caption id={`${id}-caption`} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("cases.reference")}</th>
            <th scope="col">{t("referrals.fields.urgency")}</th>
            <th scope="col">{t("referrals.from")}</th>
            <th scope="col">{t("referrals.received")}</th>
            <th scope="col">{t("referrals.state")}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/aanmeldingen/${r.id}`}>{r.reference}</Link>
                {r.kind === "PROPOSAL" ? <span className="directory__meta"> · {t("referrals.proposal")}</span> : null}
              </th>
              <td>{t(`referrals.urgency.${r.urgency}`)}</td>
              <td>{r.from}</td>
              <td>{formatDate(r.createdAt, locale)}</td>
              <td>
                <ReferralState referral={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

import { Link } from "@remix-run/react";

import type { startOverview } from "~/domain/start/start.server";
import { useLocale } from "~/i18n/use-locale";

type Overview = Awaited<ReturnType<typeof startOverview>>;

/** For triage: how many referrals wait, and how many are past their deadline. */
export function TriageNotice({ triage }: { triage: NonNullable<Overview["triage"]> }) {
  const { t } = useLocale();
  return (
    <p className={triage.overdue > 0 ? "notice notice--warning" : "notice"} data-testid="start-triage">
      {t("start.triageWaiting", { count: triage.waiting })}
      {triage.overdue > 0 ? <> {t("start.triageOverdue", { count: triage.overdue })}</> : null}{" "}
      <Link to="/aanmeldingen">{t("start.triageLink")}</Link>
    </p>
  );
}

/** The organisation's referrals that wait or were decided lately: the referrer sees the outcome here. */
export function OwnReferrals({ referrals }: { referrals: Overview["member"]["referrals"] }) {
  const { t } = useLocale();
  return (
    <>
      <h3>{t("start.referralsTitle")}</h3>
      {referrals.length === 0 ? <p className="hint">{t("start.noReferrals")}</p> : null}
      <ul className="start-list" data-testid="start-referrals">
        {referrals.map((r) => (
          <li key={r.id}>
            <Link to={`/aanmeldingen/${r.id}`}>{r.reference}</Link>{" "}
            <span className="badge">{t(`referrals.status.${r.status}`)}</span>
            {r.status !== "PENDING" ? (
              <div className="hint">{[r.meetingTitle, r.otherTable, r.outcomeReason].filter(Boolean).join(" — ")}</div>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/aanmeldingen/nieuw">{t("referrals.new")}</Link>
      </p>
    </>
  );
}

/** The chair: cases of her meetings with escalation signals or an open escalation. */
export function CaseSignalLines({ signals }: { signals: NonNullable<Overview["chair"]>["signals"] }) {
  const { t } = useLocale();
  const back = signals.filter((s) => s.goalsDue > 0);
  return (
    <>
      <h3>{t("start.backOnAgendaTitle")}</h3>
      {back.length === 0 ? <p className="hint">{t("start.noneBackOnAgenda")}</p> : null}
      <ul className="start-list" data-testid="start-back-on-agenda">
        {back.map((s) => (
          <li key={s.reference}>
            <Link to={`/casussen/${s.reference}`}>{s.reference}</Link>
            <div className="hint">{t("start.goalsDue", { count: s.goalsDue })}</div>
          </li>
        ))}
      </ul>
      <h3>{t("start.signalsTitle")}</h3>
      {signals.length === 0 ? <p className="hint">{t("start.noSignals")}</p> : null}
      <ul className="start-list" data-testid="start-signals">
        {signals.map((s) => (
          <li key={s.reference}>
            <Link to={`/casussen/${s.reference}`}>{s.reference}</Link>
            <div className="hint">
              {[
                s.escalation ? t("start.signalEscalated", { level: t(`cases.escalation.levels.${s.escalation}`) }) : "",
                s.overdueActions > 0 ? t("start.signalOverdue", { count: s.overdueActions }) : "",
                s.openNeeds > 0 ? t("start.signalOpenNeeds", { count: s.openNeeds }) : "",
                s.dissents > 0 ? t("start.signalDissents", { count: s.dissents }) : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

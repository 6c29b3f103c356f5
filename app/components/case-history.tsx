import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

type Person = { name: string; organisation: { shortCode: string } };
type Revision = {
  number: number;
  description: string;
  riskLevel: "ACUTE" | "HIGH" | "ELEVATED" | "LOW";
  createdAt: Date | string;
  erasedAt: Date | string | null;
  author: Person;
};
type CaseEventView = {
  id: string;
  kind: "CLOSED" | "REOPENED" | "IDENTIFIER_ERASED";
  at: Date | string;
  closeReason: "GOALS_MET" | "TRANSFERRED" | "NO_LONGER_NEEDED" | "OTHER" | null;
  note: string | null;
  versions: number | null;
  user: Person;
};

/** Every version of the description and risk level, and what happened to the case, newest first. */
export function CaseHistory({ revisions, events }: { revisions: Revision[]; events: CaseEventView[] }) {
  const { t, locale } = useLocale();
  return (
    <section className="form-section" aria-labelledby="case-history-title" data-testid="case-history">
      <h2 id="case-history-title">{t("cases.history")}</h2>
      {events.length > 0 ? (
        <ul className="case-history">
          {events.map((event) => (
            <li key={event.id}>
              {t(`cases.events.${event.kind}`, {
                name: event.user.name,
                organisation: event.user.organisation.shortCode,
                date: formatDateTime(event.at, locale),
                reason: event.closeReason ? t(`cases.closeReasons.${event.closeReason}`) : "",
                count: event.versions ?? 0,
              })}
              {event.note ? <div className="hint">{t("cases.eventNote", { note: event.note })}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ol className="case-history" reversed>
        {revisions.map((revision) => (
          <li key={revision.number}>
            <h3>{t("cases.revision", { number: revision.number })}</h3>
            <p className="hint">
              {t("cases.revisionBy", {
                name: revision.author.name,
                organisation: revision.author.organisation.shortCode,
                date: formatDateTime(revision.createdAt, locale),
              })}
            </p>
            <p>
              {revision.description || "—"} — {t(`cases.risk.${revision.riskLevel}`)}
            </p>
            {revision.erasedAt ? (
              <p className="hint">{t("cases.revisionErased", { date: formatDateTime(revision.erasedAt, locale) })}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

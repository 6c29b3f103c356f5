import { Link } from "@remix-run/react";

import type { CaseTimelineEntry } from "~/domain/cases/case-timeline.server";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

type Entry = Omit<CaseTimelineEntry, "meeting"> & {
  meeting: Omit<CaseTimelineEntry["meeting"], "startsAt"> & { startsAt: string };
};

function Decisions({ entry }: { entry: Entry }) {
  const { t } = useLocale();
  if (entry.decisions.length === 0) return null;
  return (
    <>
      <h4>{t("cases.timeline.decisions")}</h4>
      <ul>
        {entry.decisions.map((d) => (
          <li key={d.id}>
            {d.text}
            {d.earlierTexts.length > 0 ? (
              <div className="hint">{t("cases.timeline.corrected", { count: d.earlierTexts.length })}</div>
            ) : null}
            {d.dissents.map((x) => (
              <div key={x.organisation} className="hint">
                {t("cases.timeline.dissent", { organisation: x.organisation, reason: x.reason })}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

function Needs({ entry }: { entry: Entry }) {
  const { t } = useLocale();
  if (entry.needs.length === 0) return null;
  return (
    <>
      <h4>{t("cases.timeline.needs")}</h4>
      <ul>
        {entry.needs.map((n) => (
          <li key={n.id}>
            {t("cases.timeline.need", { organisation: n.by, text: n.text })}{" "}
            <span className="badge">
              {n.status === "ADDRESSED" && n.addressedBy
                ? t("live.need.addressed", { organisation: n.addressedBy })
                : t(n.status === "WITHDRAWN" ? "live.need.withdrawn" : "live.need.open")}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function Actions({ entry }: { entry: Entry }) {
  const { t, locale } = useLocale();
  if (entry.actions.length === 0) return null;
  return (
    <>
      <h4>{t("cases.timeline.actions")}</h4>
      <ul>
        {entry.actions.map((a) => (
          <li key={a.id} data-testid="case-timeline-action">
            {t("cases.timeline.action", {
              owner: a.owner,
              description: a.description,
              date: formatDate(`${a.dueDate}T12:00:00Z`, locale),
            })}{" "}
            <span className="badge">{t(`live.action.statuses.${a.status}`)}</span>
            {a.closeReason ? <> {t(`actions.reasons.${a.closeReason}`)}</> : null}
            {a.overdue ? <span className="badge badge--outdated">{t("actions.overdue")}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The case across meetings, as far as the viewer sat at its tables; oldest meeting first. */
export function CaseTimeline({ entries }: { entries: Entry[] }) {
  const { t, locale } = useLocale();
  return (
    <section className="form-section" aria-labelledby="case-timeline-title" data-testid="case-timeline">
      <h2 id="case-timeline-title">{t("cases.timeline.title")}</h2>
      <p className="hint">{t("cases.timeline.intro")}</p>
      {entries.length === 0 ? <p>{t("cases.timeline.none")}</p> : null}
      <ol className="case-timeline">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="case-timeline-item">
            <h3>
              <Link to={`/overleggen/${entry.meeting.id}`}>{entry.meeting.title}</Link>,{" "}
              {formatDate(entry.meeting.startsAt, locale)}{" "}
              <span className="badge">{t(`meetings.status.${entry.meeting.status}`)}</span>
            </h3>
            <p>{t("cases.timeline.question", { question: entry.question })}</p>
            <p>
              {t("cases.timeline.table")}:{" "}
              {entry.table
                .map((o) =>
                  o.involvement ? `${o.shortCode} (${t(`live.involvement.${o.involvement}`)})` : o.shortCode,
                )
                .join(", ")}
            </p>
            <Decisions entry={entry} />
            <Needs entry={entry} />
            <Actions entry={entry} />
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { ActionChanges } from "~/domain/actions/action-corrections.server";
import { actionChangeLines } from "~/domain/actions/change-lines";
import { formatDateTime } from "~/i18n/format";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";
import type { ActionHistoryLine } from "~/realtime/events";

/** What a correction changed, field by field, in the reader's language. */
export function useChangeLines() {
  const { t, locale } = useLocale();
  return (changes: ActionChanges | null): string[] => actionChangeLines(changes, t, locale);
}

/** One history line: who, when, and what — a status, a correction with its reason, an offer. */
function HistoryLine({ line }: { line: ActionHistoryLine }) {
  const { t, locale } = useLocale();
  const changeLines = useChangeLines();
  const when = { date: formatDateTime(line.at, locale), name: line.byName };
  if (line.kind === "STATUS") {
    const status = t(asKey(`live.action.statuses.${line.status}`));
    return (
      <>
        {t("actions.historyLine", {
          ...when,
          status: line.closeReason ? `${status} (${t(asKey(`actions.reasons.${line.closeReason}`))})` : status,
        })}
        {line.note ? <> — {line.note}</> : null}
      </>
    );
  }
  const via = line.via ? t(`live.action.via.${line.via}`) : "";
  return (
    <>
      {t(`actions.historyKinds.${line.kind}`, { ...when, via })}
      <ul>
        {changeLines(line.changes).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {line.note ? <>{t("actions.correctionReason", { reason: line.note })}</> : null}
    </>
  );
}

export function ActionHistory({ lines }: { lines: ActionHistoryLine[] }) {
  const { t } = useLocale();
  if (lines.length === 0) return <p className="hint">{t("actions.noHistory")}</p>;
  return (
    <ul className="action-history">
      {lines.map((line) => (
        <li key={line.id}>
          <HistoryLine line={line} />
        </li>
      ))}
    </ul>
  );
}

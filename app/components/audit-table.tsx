import { ScrollingTable } from "~/components/scrolling-table";
import { formatDateTime } from "~/i18n/format";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

type AuditRow = {
  id: string;
  occurredAt: string;
  action: string;
  user: string | null;
  email: string | null;
  organisation: string | null;
  reference: string | null;
  clientAddress: string | null;
};

/** The NEN 7513 fields of each event: who, on whose behalf, when, what, which case, from where. */
export function AuditTable({ events }: { events: AuditRow[] }) {
  const { t, locale } = useLocale();
  if (events.length === 0) return <p>{t("audit.none")}</p>;
  return (
    <ScrollingTable captionId="audit-caption">
      <table className="table" data-testid="audit-table">
        <caption id="audit-caption" className="visually-hidden">
          {t("audit.title")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.onBehalfOf")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.case")}</th>
            <th scope="col">{t("audit.from")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.occurredAt, locale)}</td>
              <td>{e.user ? `${e.user} (${e.email})` : t("audit.system")}</td>
              <td>{e.organisation ?? ""}</td>
              <td>{t(asKey(`audit.actions.${e.action.replaceAll(".", "_")}`))}</td>
              <td>{e.reference ?? ""}</td>
              <td>{e.clientAddress ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

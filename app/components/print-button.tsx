import { useLocale } from "~/i18n/use-locale";

/** Opens the browser's print dialog; the print stylesheet hides navigation and buttons. */
export function PrintButton() {
  const { t } = useLocale();
  return (
    <button type="button" className="button button--plain no-print" onClick={() => window.print()}>
      {t("profile.print")}
    </button>
  );
}

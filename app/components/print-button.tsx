import { useTranslation } from "react-i18next";

/** Opens the browser's print dialog; the print stylesheet hides navigation and buttons. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--plain no-print" onClick={() => window.print()}>
      {t("profile.print")}
    </button>
  );
}

import { useLocale } from "~/i18n/use-locale";
import { useConnectionState } from "~/realtime/socket-client";

export function ConnectionIndicator() {
  const { t } = useLocale();
  const state = useConnectionState(true);
  return (
    <p className="connection" data-state={state} data-testid="connection-indicator">
      <span className="connection__dot" aria-hidden="true" />
      <span className="visually-hidden">{t("connection.label")}: </span>
      <span role="status" aria-live="polite">
        {t(`connection.${state}`)}
      </span>
    </p>
  );
}

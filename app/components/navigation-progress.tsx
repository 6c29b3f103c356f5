import { useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";

import { useLocale } from "~/i18n/use-locale";

/** After this long without an answer, the page says it is still busy (shorter is only flicker). */
const SHOW_AFTER_MS = 400;

/**
 * A bar at the top while a page loads or a form is being saved and the answer is slow (a busy
 * database): visible, and announced once through a live region that is always in the page.
 */
export function NavigationProgress() {
  const { t } = useLocale();
  const navigation = useNavigation();
  const state = navigation.state;
  // This navigation, so that a bar shown for an earlier one does not show at once for the next.
  const current = state === "idle" ? null : `${state}:${navigation.location?.key ?? ""}`;
  const [due, setDue] = useState<string | null>(null);
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(() => setDue(current), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [current]);
  const shown = current !== null && due === current ? state : null;
  return (
    <div className={shown ? "navigation-progress navigation-progress--busy" : "navigation-progress"} role="status">
      {shown === "submitting" ? t("app.saving") : shown === "loading" ? t("app.loading") : ""}
    </div>
  );
}

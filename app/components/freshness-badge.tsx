import type { Freshness } from "~/domain/organisations/profile-diff";
import { useLocale } from "~/i18n/use-locale";

export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const { t } = useLocale();
  return (
    <span className={`badge badge--${freshness}`} data-testid="freshness">
      {t(`profile.freshness.${freshness}`)}
    </span>
  );
}

import { useTranslation } from "react-i18next";

import type { Freshness } from "~/domain/organisations/profile-diff";

export function FreshnessBadge({ freshness }: { freshness: Freshness }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${freshness}`} data-testid="freshness">
      {t(`profile.freshness.${freshness}`)}
    </span>
  );
}

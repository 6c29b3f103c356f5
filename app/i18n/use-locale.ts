import { useTranslation } from "react-i18next";

import type { Locale } from "./config";
import { defaultLocale, isLocale } from "./config";
import type { Translate } from "./keys";

/** The one way a component asks for its language: the typed `t` and the current locale. */
export function useLocale(): { t: Translate; locale: Locale } {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as Translate, locale: isLocale(i18n.language) ? i18n.language : defaultLocale };
}

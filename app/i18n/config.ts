import type { InitOptions } from "i18next";

import en from "./locales/en";
import nl from "./locales/nl";

export const supportedLocales = ["nl", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "nl";
export const TIME_ZONE = "Europe/Amsterdam";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

/** Translations are bundled: no HTTP backend, no Suspense, the same on server and client. */
export function i18nOptions(lng: Locale): InitOptions {
  return {
    lng,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    resources,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    initImmediate: false,
  };
}

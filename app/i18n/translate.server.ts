import { createInstance } from "i18next";
import type { i18n } from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale } from "./config";
import { i18nOptions } from "./config";
import type { Translate } from "./keys";
import { detectLocale } from "./locale.server";

/** The translation function for files made on the server (CSV, calendar) in the user's language. */
export async function translatorFor(request: Request): Promise<Translate> {
  return translator(await detectLocale(request));
}

export async function translator(locale: Locale): Promise<Translate> {
  return (await i18nFor(locale)).t as unknown as Translate;
}

/**
 * One i18next instance per language for the whole process, made once: its language is never
 * changed, so nothing leaks between readers of different languages (tested in http.test.ts), and
 * what an instance builds lazily (Intl plural rules, formatters) is built once, not on every page
 * view (bench/README.md, 2026-12-03, fourth session).
 */
const instances = new Map<Locale, Promise<i18n>>();
export function i18nFor(locale: Locale): Promise<i18n> {
  let instance = instances.get(locale);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init(i18nOptions(locale))
      .then(() => created);
    instances.set(locale, instance);
  }
  return instance;
}

import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import type { Locale } from "./config";
import { defaultLocale, isLocale } from "./config";
import type { Translate, TranslationKey } from "./keys";

/**
 * A text without values is the same every time for a language (the translations are bundled and
 * never change while the process runs), so it is looked up once per language and key: i18next's
 * full resolution on every call was a sixth of the live page's server time (bench/README.md,
 * 2026-12-03, fourth session). Texts with values go through i18next each time.
 */
const plainTexts = new Map<string, Map<TranslationKey, string>>();

function plainTextsOf(language: string) {
  let texts = plainTexts.get(language);
  if (!texts) plainTexts.set(language, (texts = new Map()));
  return texts;
}

/** The one way a component asks for its language: the typed `t` and the current locale. */
export function useLocale(): { t: Translate; locale: Locale } {
  const { t: translate, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : defaultLocale;
  const t = useMemo<Translate>(() => {
    const full = translate as unknown as Translate;
    const texts = plainTextsOf(locale);
    return (key, values) => {
      if (values !== undefined) return full(key, values);
      let text = texts.get(key);
      if (text === undefined) texts.set(key, (text = full(key)));
      return text;
    };
  }, [translate, locale]);
  return { t, locale };
}

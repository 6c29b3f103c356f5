import { createInstance } from "i18next";

import { defaultLocale, i18nOptions, isLocale } from "./config";
import type { Translate } from "./keys";

// Meta functions run outside React (no hooks): they translate with a fixed-language `t`, in the
// language the root loader detected.
const instance = createInstance();
void instance.init({ ...i18nOptions(defaultLocale), react: undefined });

type Match = { id: string; data?: unknown };

export function metaT(matches: Match[]): Translate {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return instance.getFixedT(isLocale(locale) ? locale : defaultLocale) as unknown as Translate;
}

/** `<title>`: the page's own title, then the product name. */
export function pageTitle(matches: Match[], title: (t: Translate) => string) {
  const t = metaT(matches);
  return [{ title: `${title(t)} · ${t("app.name")}` }];
}

import { createInstance } from "i18next";

import type { Locale } from "./config";
import { i18nOptions } from "./config";
import type { Translate } from "./keys";
import { detectLocale } from "./locale.server";

/** The translation function for files made on the server (CSV, calendar) in the user's language. */
export async function translatorFor(request: Request): Promise<Translate> {
  return translator(await detectLocale(request));
}

export async function translator(locale: Locale): Promise<Translate> {
  const instance = createInstance();
  await instance.init(i18nOptions(locale));
  return instance.t as unknown as Translate;
}

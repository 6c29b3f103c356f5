import type { Locale } from "./config";
import { TIME_ZONE } from "./config";

const tags: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

// An Intl formatter is costly to make and cheap to use: one per locale and style, kept.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean) {
  const key = `${locale}:${withTime}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tags[locale], {
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" } : {}),
      timeZone: TIME_ZONE,
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Date and time as people in the Netherlands read it, always in Europe/Amsterdam. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return formatter(locale, true).format(new Date(value));
}

export function formatDate(value: Date | string, locale: Locale): string {
  return formatter(locale, false).format(new Date(value));
}

/** 2027-01-15 → 15-01-2027: the date Dutch Excel reads as a date. */
export function dutchDate(iso: string): string {
  return iso.split("-").reverse().join("-");
}

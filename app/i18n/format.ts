import type { Locale } from "./config";
import { TIME_ZONE } from "./config";

const tags: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/** Date and time as people in the Netherlands read it, always in Europe/Amsterdam. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(value));
}

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(new Date(value));
}

/** 2027-01-15 → 15-01-2027: the date Dutch Excel reads as a date. */
export function dutchDate(iso: string): string {
  return iso.split("-").reverse().join("-");
}

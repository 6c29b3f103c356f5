/**
 * Triage deadlines in working days, Amsterdam time: Saturdays, Sundays and the days the Algemene
 * termijnenwet does not count (New Year's Day, Good Friday, Easter and Whit Mondays, King's Day,
 * Liberation Day, Ascension, Christmas — from the `date-holidays` library, not a list of our own).
 */
import { TZDate } from "@date-fns/tz";
import Holidays from "date-holidays";

const ZONE = "Europe/Amsterdam";
const holidays = new Holidays("NL");
const byYear = new Map<number, Set<string>>();

function publicHolidays(year: number): Set<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      holidays
        .getHolidays(year)
        // "public", plus the two the Algemene termijnenwet also does not count and the library
        // lists as "school" days for NL: Good Friday and Liberation Day (5 May).
        .filter((h) => h.type === "public" || h.type === "school")
        .map((h) => h.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

/** A calendar day in Amsterdam (year, month 1–12, day). */
type Day = { y: number; m: number; d: number };

function dayOf(at: Date): Day {
  const local = new TZDate(at.getTime(), ZONE);
  return { y: local.getFullYear(), m: local.getMonth() + 1, d: local.getDate() };
}

function nextDay({ y, m, d }: Day): Day {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

const iso = ({ y, m, d }: Day) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

export function isWorkingDay(day: Day): boolean {
  const weekday = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(day.y).has(iso(day));
}

/** Midnight at the start of a day, Amsterdam time, as an instant. */
function startOf({ y, m, d }: Day): Date {
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, ZONE).getTime());
}

/**
 * The moment a referral made at `from` must be triaged by: the end of the `workingDays`-th working
 * day after the day it came in (a referral on Friday with 5 days: the end of next Friday).
 */
export function workingDeadline(from: Date, workingDays: number): Date {
  let day = dayOf(from);
  for (let counted = 0; counted < workingDays;) {
    day = nextDay(day);
    if (isWorkingDay(day)) counted += 1;
  }
  return startOf(nextDay(day));
}

/** Working days from the day `from` falls on to the day `to` falls on (0 on the same day). */
export function workingDaysBetween(from: Date, to: Date): number {
  const end = iso(dayOf(to));
  let day = dayOf(from);
  let counted = 0;
  for (let guard = 0; iso(day) < end && guard < 3660; guard += 1) {
    day = nextDay(day);
    if (isWorkingDay(day)) counted += 1;
  }
  return counted;
}

/** The Amsterdam calendar date of an instant, as YYYY-MM-DD (what the pages show). */
export function amsterdamDate(at: Date): string {
  return iso(dayOf(at));
}

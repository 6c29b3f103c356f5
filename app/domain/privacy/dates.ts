/**
 * Dates of birth in the forms people write them: numeric (12-03-2015, 12/3/15, 12.03.2015,
 * 2015-03-12, and compact 12032015 or 20150312 after a birth word) and written out in Dutch or
 * English (12 maart 2015, 12e maart '15, 12th of March 2015, March 12, 2015). A full date counts
 * as a date of birth when a birth word stands right before it, or when it lies so long ago that
 * it most likely is one; recent and future dates are ordinary dates of a meeting or a hearing.
 */

export type DateFinding = { kind: "birthDate"; from: number; to: number };

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, febr: 2, february: 2,
  maart: 3, mrt: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
}; // prettier-ignore
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;
const DAY = String.raw`(\d{1,2})(?:e|ste|de|st|nd|rd|th)?`;
const YEAR = String.raw`('\d{2}|\d{4})`;

// Two-digit years only with "-" or "/" ("art. 7.3.11" is an article, not a date).
// The same separator twice, spaced or not: 12-03-2015, 30 / 04 / 2011, 05·06·1989, 01_10_2018.
const NUMERIC =
  /(?<![\d.\-/])(\d{1,2})(?:(\s?[-/]\s?)(\d{1,2})\2('?\d{2}|\d{4})|(\s?[._·]\s?)(\d{1,2})\5(\d{4}))(?![\d]|[-/.]\d)|(?<![\d.\-/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d]|-\d)/g;
const COMPACT = /(?<!\d)(\d{8})(?!\d)/g;
const DAY_MONTH_YEAR = new RegExp(
  String.raw`(?<![\p{L}\d])${DAY}\s*(?:of\s+|van\s+)?${MONTH}\s*,?\s*${YEAR}(?!\d)`,
  "giu",
);
const MONTH_DAY_YEAR = new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`, "giu");
const BIRTH_WORD =
  /(?:geboren|geb\.?\s*datum|geb\.?|geboortedatum|geboortedag|geb\.?\s*datum|geboorte|d\.o\.b\.?|dob|born|birth|date of birth|b\.)\s*[:(,-]?\s*(?:op|on|in|d\.d\.)?\s*[:(]?\s*$/i;

/** How old a full date must be to read as a date of birth without a birth word before it. */
const BIRTH_DATE_MIN_AGE_YEARS = 2;

function fullYear(written: string, now: Date): number {
  const digits = written.replace("'", "");
  if (digits.length === 4) return Number(digits);
  const short = Number(digits);
  const century = now.getUTCFullYear() % 100;
  return short <= century ? 2000 + short : 1900 + short;
}

function validDate(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : null;
}

function compactDate(digits: string): Date | null {
  const [d, m, y] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4))];
  const dayFirst = validDate(y, m, d);
  if (dayFirst) return dayFirst;
  return validDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6)));
}

export function findBirthDates(text: string, now: Date): DateFinding[] {
  const found: DateFinding[] = [];
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() - BIRTH_DATE_MIN_AGE_YEARS);
  const afterBirthWord = (index: number) => BIRTH_WORD.test(text.slice(Math.max(0, index - 30), index));
  const consider = (from: number, to: number, date: Date | null, needsBirthWord = false) => {
    if (!date || date > now || found.some((f) => f.from <= from && from < f.to)) return;
    const birthWord = afterBirthWord(from);
    if (birthWord || (!needsBirthWord && date < limit)) found.push({ kind: "birthDate", from, to });
  };
  for (const m of text.matchAll(NUMERIC)) {
    const date = m[4]
      ? validDate(fullYear(m[4], now), Number(m[3]), Number(m[1]))
      : m[7]
        ? validDate(Number(m[7]), Number(m[6]), Number(m[1]))
        : validDate(Number(m[8]), Number(m[9]), Number(m[10]));
    consider(m.index, m.index + m[0].length, date);
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const month = MONTHS[(m[2] as string).toLowerCase()] as number;
    consider(m.index, m.index + m[0].length, validDate(fullYear(m[3] as string, now), month, Number(m[1])));
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const month = MONTHS[(m[1] as string).toLowerCase()] as number;
    consider(m.index, m.index + m[0].length, validDate(fullYear(m[3] as string, now), month, Number(m[2])));
  }
  for (const m of text.matchAll(COMPACT)) {
    consider(m.index, m.index + m[0].length, compactDate(m[1] as string), true);
  }
  return found;
}

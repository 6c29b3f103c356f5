/**
 * The identifier guard: Actie-overleg coordinates roles and actions and stores no direct
 * identifiers of the people concerned (shared/DOMAIN.md, "Privacy stance"). Free text is checked
 * for what looks like a citizen service number (BSN, by the 11-test), an e-mail address, a Dutch
 * phone number or a full date of birth, and refused with a message that says what was found.
 * Pure and synchronous, so forms, socket handlers and the browser can all use it.
 */

export type IdentifierKind = "bsn" | "email" | "phone" | "birthDate";
export type IdentifierFinding = { kind: IdentifierKind; match: string; index: number };

/** The BSN "elfproef": weights 9…2 and −1; a multiple of 11, and not all zeros. */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return sum % 11 === 0;
}

// Nine digits, optionally grouped by single spaces, dots or dashes ("1234.56.782"), not part of
// a longer number.
const BSN_CANDIDATE = /(?<![\d.-])\d(?:[ .-]?\d){8}(?![\d])(?![.-]\d)/g;
// Bounded by RFC 5321 lengths: unbounded classes made this quadratic on long runs without "@"
// (100 KB of digits took 15 s; see the test "stays linear on hostile input").
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.[\p{L}]{2,24}/gu;
// Dutch numbers: +31 / 0031 / 0, then nine digits (mobile 06…, area codes), with the usual
// separators. Service numbers (0800/0900, 4–7 digits) are not personal and do not match.
const PHONE = /(?<![\d+(])\(?(?:\+31|0031|0)(?:[ .()-]{0,3}\d){9}(?!\d)/g;

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  january: 1,
  februari: 2,
  feb: 2,
  february: 2,
  maart: 3,
  mrt: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juli: 7,
  jul: 7,
  july: 7,
  augustus: 8,
  aug: 8,
  august: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g;
const WRITTEN_DATE = new RegExp(
  `(?<!\\d)(\\d{1,2})\\s+(${Object.keys(MONTHS).join("|")})\\.?\\s+(\\d{4})(?!\\d)`,
  "giu",
);
const BIRTH_WORDS =
  /(geboren|geb\.|geboortedatum|geb\.?\s*datum|d\.o\.b\.?|dob|born|date of birth)\s*[:]?\s*(op\s+|on\s+)?$/i;

/** How old a full date must be to read as a date of birth without a birth word before it. */
const BIRTH_DATE_MIN_AGE_YEARS = 2;

function validDate(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : null;
}

function dateFindings(text: string, now: Date): IdentifierFinding[] {
  const found: IdentifierFinding[] = [];
  const consider = (match: string, index: number, date: Date | null) => {
    if (!date || date > now) return;
    const before = text.slice(Math.max(0, index - 25), index);
    const limit = new Date(now);
    limit.setUTCFullYear(limit.getUTCFullYear() - BIRTH_DATE_MIN_AGE_YEARS);
    // A birth word right before it, or a date so long ago that it is most likely a birth date.
    if (BIRTH_WORDS.test(before) || date < limit) found.push({ kind: "birthDate", match, index });
  };
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const date = m[1]
      ? validDate(Number(m[3]), Number(m[2]), Number(m[1]))
      : validDate(Number(m[4]), Number(m[5]), Number(m[6]));
    consider(m[0], m.index, date);
  }
  for (const m of text.matchAll(WRITTEN_DATE)) {
    consider(m[0], m.index, validDate(Number(m[3]), MONTHS[(m[2] as string).toLowerCase()] as number, Number(m[1])));
  }
  return found;
}

/** Everything in the text that looks like a direct identifier, in order of appearance. */
export function findIdentifiers(text: string, now = new Date()): IdentifierFinding[] {
  const found: IdentifierFinding[] = [];
  for (const m of text.matchAll(EMAIL)) found.push({ kind: "email", match: m[0], index: m.index });
  for (const m of text.matchAll(BSN_CANDIDATE)) {
    if (passesElevenTest(m[0].replace(/[ .-]/g, ""))) found.push({ kind: "bsn", match: m[0], index: m.index });
  }
  for (const m of text.matchAll(PHONE)) {
    // A nine-digit run that is a valid BSN was reported as such already.
    if (!found.some((f) => f.kind === "bsn" && f.index <= m.index && m.index < f.index + f.match.length)) {
      found.push({ kind: "phone", match: m[0].trim(), index: m.index });
    }
  }
  found.push(...dateFindings(text, now));
  // An e-mail address can contain digits that look like a number: report the address only.
  const emails = found.filter((f) => f.kind === "email");
  return found
    .filter((f) => f.kind === "email" || !emails.some((e) => f.index >= e.index && f.index < e.index + e.match.length))
    .sort((a, b) => a.index - b.index);
}

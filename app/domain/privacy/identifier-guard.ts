/**
 * The identifier guard: Actie-overleg coordinates roles and actions and stores no direct
 * identifiers of the people concerned (shared/DOMAIN.md, "Privacy stance"). Free text is read as a
 * person would read it (see normalise.ts: compatibility forms, digits of every script, invisible
 * characters, any separator between digits) and checked for a citizen service number (by the
 * 11-test), an e-mail address (also written "[at]" or "punt"), a phone number, a date of birth, a
 * Dutch postcode, a street with a house number and a title or family word with a surname. What is
 * found is refused with a message that quotes it as typed. Pure and synchronous, so forms, socket
 * handlers and the browser all use it. Its corpus (tests/fixtures/identifier-guard/) is measured by
 * `npm run bench:guard`.
 */
import { findBirthDates } from "./dates";
import { normaliseForGuard, originalSpan } from "./normalise";
import { findNumbers } from "./numbers";
import { findPlacesAndNames } from "./places-and-names";

export { passesElevenTest } from "./numbers";

export const IDENTIFIER_KINDS = ["bsn", "email", "phone", "birthDate", "postcode", "address", "name"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export type IdentifierFinding = { kind: IdentifierKind; match: string; index: number };
export type GuardOptions = {
  now?: Date;
  /** Kinds this field may hold: a meeting's location is a venue, and its address is no one's home. */
  allow?: readonly IdentifierKind[];
};

// Bounded by RFC 5321 lengths: unbounded classes made this quadratic on long runs without "@"
// (100 KB of digits took 15 s; see the test "stays linear on hostile input").
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.[\p{L}]{2,24}/gu;
// Written around: "j.jansen [at] voorbeeld [punt] nl", "j.jansen apenstaartje voorbeeld punt nl",
// "j.jansen @ voorbeeld . nl". A known top-level domain keeps "overleg @ school. Daarna" apart.
const AT = String.raw`(?:\s*(?:@|&#0*64;|&#x0*40;|&commat;)\s*|\s*[[({<]\s*(?:at|@|apenstaartje|a)\s*[\])}>]\s*|\s+(?:at-teken|at teken|apenstaartje|apestaartje|at|AT)\s+)`;
const DOT = String.raw`(?:\s*\.\s*|\s*[[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*|\s+(?:dot|punt|DOT)\s+)`;
const TLD = "nl|com|net|org|eu|be|de|info|biz|io|co|uk|fr|es|it|tr|ma|sr|pl|ch|at|me|nu|email|online|live|mail";
const WRITTEN_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}${AT}(?:[\p{L}\p{N}-]{1,63}${DOT}){1,4}(?:${TLD})(?![\p{L}\p{N}])`,
  "giu",
);

type Span = { kind: IdentifierKind; from: number; to: number };

function emails(text: string): Span[] {
  const found: Span[] = [];
  for (const re of [EMAIL, WRITTEN_EMAIL]) {
    for (const m of text.matchAll(re)) found.push({ kind: "email", from: m.index, to: m.index + m[0].length });
  }
  return found;
}

/** Everything in the text that looks like a direct identifier, in order of appearance. */
export function findIdentifiers(original: string, options: GuardOptions | Date = {}): IdentifierFinding[] {
  const { now = new Date(), allow = [] } = options instanceof Date ? { now: options } : options;
  const skip = new Set<string>(allow);
  const normalised = normaliseForGuard(original);
  const text = normalised.text;
  const spans: Span[] = [
    ...emails(text),
    ...findNumbers(text),
    ...findBirthDates(text, now),
    ...findPlacesAndNames(text, skip),
  ];
  // An e-mail address can hold digits or a name that look like something else: report the
  // address only; of overlapping findings the first (then the longest) stands.
  const ordered = spans
    .filter((s) => !skip.has(s.kind))
    .sort((a, b) => (a.kind === "email" ? -1 : 0) - (b.kind === "email" ? -1 : 0) || a.from - b.from || b.to - a.to);
  const kept: Span[] = [];
  for (const span of ordered) {
    if (!kept.some((k) => span.from < k.to && k.from < span.to)) kept.push(span);
  }
  return kept
    .sort((a, b) => a.from - b.from)
    .map((s) => ({ kind: s.kind, ...originalSpan(normalised, original, s.from, s.to) }));
}

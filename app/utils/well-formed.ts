/**
 * Paths of the strings in a decoded payload that are not well-formed Unicode: a lone surrogate
 * (`"\ud800"` is valid JSON, and PostgreSQL, PDFs and e-mail choke on it) or U+FFFD, what a decoder
 * makes of bytes that were not UTF-8. Form posts cannot carry a lone surrogate (URL decoding turns
 * bad bytes into U+FFFD); socket payloads, parsed from JSON, can.
 */
// With the u flag a surrogate pair is one code point: \p{Cs} matches only a surrogate on its own.
const MALFORMED = /[\p{Cs}\uFFFD]/u;

export function malformedTextPaths(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (typeof value === "string") return MALFORMED.test(value) ? [path] : [];
  if (!value || typeof value !== "object" || depth > 20) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    malformedTextPaths(inner, [...path, Array.isArray(value) ? Number(key) : key], depth + 1),
  );
}

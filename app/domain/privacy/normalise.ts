/**
 * What the identifier guard reads: the text as a reader sees it, not as it is encoded. Each
 * character is brought to its Unicode compatibility form (NFKC: fullwidth "０６" and "＠" become
 * "06" and "@", mathematical bold digits plain ones), every decimal digit of any script becomes its
 * ASCII digit, every dash "-", every space " ", and invisible characters (zero-width spaces and
 * joiners, soft hyphens, word joiners, variation selectors) are dropped. In a token that is mostly
 * digits, the letters O and l/I that stand in for 0 and 1 are read as digits ("O6-l2345678").
 *
 * `start[i]`/`end[i]` give, for each character of the result, the span of the original text it
 * came from, so a finding can quote what the user actually typed.
 */
export type NormalisedText = { text: string; start: number[]; end: number[] };

const FORMAT_CHARACTER = /^\p{Cf}$/u;
// Fillers and joiners that render as nothing but are not format characters: the combining
// grapheme joiner, Hangul and Khmer fillers, Mongolian and general variation selectors.
const FILLERS: [number, number][] = [
  [0x034f, 0x034f],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xffa0, 0xffa0],
  [0xe0100, 0xe01ef],
];
const INVISIBLE = {
  test(char: string): boolean {
    const cp = char.codePointAt(0) ?? 0;
    return FORMAT_CHARACTER.test(char) || FILLERS.some(([from, to]) => cp >= from && cp <= to);
  },
};
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const DASH = /^[\p{Pd}\u2212]$/u;
const SPACE = /^[\p{Zs}\t]$/u;
const PLAIN = /^[\x20-\x7E\n\r]*$/;

/** The value of a decimal digit of any script: scripts keep their digits 0–9 in one run. */
function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return (codePoint - zero) % 10;
}

function normaliseCharacter(char: string): string {
  if (INVISIBLE.test(char)) return "";
  if (SPACE.test(char)) return " ";
  if (DASH.test(char)) return "-";
  let out = "";
  for (const part of char.normalize("NFKC")) {
    if (DECIMAL_DIGIT.test(part)) out += String(digitValue(part.codePointAt(0) as number));
    else if (SPACE.test(part)) out += " ";
    else if (DASH.test(part)) out += "-";
    else if (!INVISIBLE.test(part)) out += part;
  }
  return out;
}

// A token of letters and digits in which O/o and l/I stand between or next to digits.
const LOOKALIKE_TOKEN = /[0-9OolI]*[0-9][0-9OolI]*/g;

function readLookalikeDigits(text: string): string {
  return text.replace(LOOKALIKE_TOKEN, (token, offset: number) => {
    const before = text[offset - 1] ?? "";
    const after = text[offset + token.length] ?? "";
    // Part of a word ("Ol6a", "Hotel1"): leave it.
    if (/[\p{L}]/u.test(before) || /[\p{L}]/u.test(after)) return token;
    return token.replace(/[Oo]/g, "0").replace(/[lI]/g, "1");
  });
}

export function normaliseForGuard(original: string): NormalisedText {
  const start: number[] = [];
  const end: number[] = [];
  if (PLAIN.test(original)) {
    for (let i = 0; i < original.length; i++) {
      start.push(i);
      end.push(i + 1);
    }
    return { text: readLookalikeDigits(original), start, end };
  }
  let text = "";
  let index = 0;
  for (const char of original) {
    const mapped = normaliseCharacter(char);
    for (let k = 0; k < mapped.length; k++) {
      start.push(index);
      end.push(index + char.length);
    }
    text += mapped;
    index += char.length;
  }
  return { text: readLookalikeDigits(text), start, end };
}

/** The original text behind a span of the normalised one. */
export function originalSpan(normalised: NormalisedText, original: string, from: number, to: number) {
  const index = normalised.start[from] ?? original.length;
  const last = normalised.end[Math.max(from, to - 1)] ?? original.length;
  return { index, match: original.slice(index, last) };
}

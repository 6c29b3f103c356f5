/**
 * Citizen service numbers and phone numbers, read from runs of digits with any separator between
 * them ("06 12 34 56 78", "1·2·3·4·5·6·7·8·2", "+31 (0)6-1234 5678"). Runs break at letters, line
 * ends and at ":" ";" "," so that times and lists stay apart ("14:30, 15:00").
 */

export type NumberFinding = { kind: "bsn" | "phone"; from: number; to: number };

/** The BSN "elfproef": weights 9…2 and −1; a multiple of 11, and not all zeros. */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return sum % 11 === 0;
}

// Up to three separator characters between two digits: spaces, dots, dashes, slashes, brackets,
// underscores, middle dots, quotes, asterisks.
const SEPARATOR = String.raw`[ .\-/_·•()\[\]'"*~|\\]`;
const DIGIT_RUN = new RegExp(String.raw`(\+|(?<![\p{L}\p{N}]))\d(?:${SEPARATOR}{0,3}\d)*`, "gu");
const BSN_WORD = /(?:bsn|burgerservice\s*n(?:umme)?r|sofi(?:nummer)?|citizen service number)\W{0,6}$/i;
// Numbers of organisations, not of people: 0800/0900/0906/0909 service numbers, 085/088 company
// numbers, 112 and 14 0xx municipal numbers.
const SERVICE_PREFIX = /^0(?:800|90[069]|8[58])/;
// A window that is exactly a date ("06/12/34/56/78" is not one: it has five groups).
const DATE_SHAPE = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^\d{4}-\d{1,2}-\d{1,2}$/;

type Group = { digits: string; from: number; to: number };
type Run = { plus: boolean; groups: Group[]; separators: string[] };

function readRun(from: number, raw: string): Run {
  const groups: Group[] = [];
  const separators: string[] = [];
  let last = -1;
  for (const m of raw.matchAll(/\d+/g)) {
    if (last >= 0) separators.push(raw.slice(last, m.index));
    groups.push({ digits: m[0], from: from + m.index, to: from + m.index + m[0].length });
    last = m.index + m[0].length;
  }
  return { plus: raw.startsWith("+"), groups, separators };
}

/**
 * The stretches of whole groups that can be one number: they start at the run's start or after a
 * separator with a space in it, and end at the run's end or before one ("15-01-2027 09.00" holds
 * "15-01-2027" and "09.00", never "01-2027 09.00").
 */
function* windows(run: Run) {
  const soft = (k: number) => /\s/.test(run.separators[k] ?? "");
  const last = run.groups.length - 1;
  for (let i = 0; i <= last; i++) {
    if (i > 0 && !soft(i - 1)) continue;
    let digits = "";
    for (let j = i; j <= last; j++) {
      digits += (run.groups[j] as Group).digits;
      if (digits.length > 15) break;
      if (j < last && !soft(j)) continue;
      yield { i, j, digits, separators: run.separators.slice(i, j), whole: i === 0 && j === last };
    }
  }
}

function isPhone(digits: string, plus: boolean): boolean {
  if (plus) {
    // +31 6 12345678, +31 (0)6 12345678, and any other country in E.164 length.
    if (/^310?\d{9}$/.test(digits)) return true;
    return !digits.startsWith("31") && digits.length >= 9 && digits.length <= 15;
  }
  if (/^00310?\d{9}$/.test(digits)) return true;
  if (/^00(?!31)[1-9]\d{8,12}$/.test(digits)) return true;
  return /^0[1-9]\d{8}$/.test(digits) && !SERVICE_PREFIX.test(digits);
}

type Window = { i: number; j: number; digits: string; separators: string[]; whole: boolean };

function classify(text: string, run: Run, w: Window): "bsn" | "phone" | null {
  const first = run.groups[w.i] as Group;
  const last = run.groups[w.j] as Group;
  const shown = text.slice(first.from, last.to);
  if (DATE_SHAPE.test(shown)) return null;
  const bsnWord = BSN_WORD.test(text.slice(Math.max(0, first.from - 30), first.from));
  const sameSeparators = w.separators.every((s) => s === w.separators[0]);
  if (w.digits.length === 9 && passesElevenTest(w.digits) && (sameSeparators || bsnWord)) return "bsn";
  if (bsnWord && w.whole && /^\d{8,9}$/.test(w.digits)) return "bsn";
  return isPhone(w.digits, run.plus && w.i === 0) ? "phone" : null;
}

export function findNumbers(text: string): NumberFinding[] {
  const found: NumberFinding[] = [];
  // Findings come in order of position, so only the last one can cover a later start.
  const covered = (from: number) => {
    const last = found[found.length - 1];
    return last !== undefined && last.from <= from && from < last.to;
  };
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = readRun(m.index, m[0]);
    let best: { kind: "bsn" | "phone"; w: Window } | null = null;
    const flush = () => {
      if (!best) return;
      const first = run.groups[best.w.i] as Group;
      const to = (run.groups[best.w.j] as Group).to;
      const from =
        best.kind === "phone" && best.w.i === 0 && run.plus
          ? m.index
          : text[first.from - 1] === "(" && best.kind === "phone"
            ? first.from - 1
            : first.from;
      found.push({ kind: best.kind, from, to });
      best = null;
    };
    for (const w of windows(run)) {
      if (best && w.i !== best.w.i) flush();
      if (covered((run.groups[w.i] as Group).from)) continue;
      const kind = classify(text, run, w);
      // Of the numbers from one start, the longest ("0031 6 2345 6789" holds a valid BSN too).
      if (kind) best = { kind, w };
    }
    flush();
  }
  return found;
}

import { readFileSync } from "node:fs";
import { join } from "node:path";

import { findIdentifiers, IDENTIFIER_KINDS, type IdentifierKind } from "./identifier-guard";

/**
 * The identifier guard's corpus (tests/fixtures/identifier-guard/): professional sentences from
 * these tables that must pass, and disguised identifiers that must be refused. Read by the unit
 * test and by `npm run bench:guard`, which prints the figures. The corpus is measured on a fixed
 * day, so that "a date long ago" means the same every year.
 */
export const CORPUS_DAY = new Date("2026-12-03T10:00:00Z");
const FOLDER = join(process.cwd(), "tests", "fixtures", "identifier-guard");

export type CorpusResult = {
  professional: { total: number; refused: { sentence: string; finding: string }[] };
  disguised: {
    total: number;
    missed: { kind: IdentifierKind; sentence: string }[];
    otherKind: { kind: IdentifierKind; found: IdentifierKind; sentence: string }[];
    perKind: Record<IdentifierKind, { total: number; caught: number }>;
  };
};

function lines(folder: string, file: string): string[] {
  return readFileSync(join(FOLDER, folder, file), "utf8")
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim() !== "");
}

/**
 * "" is the corpus the guard was fixed against; "held-out" one written later by another author,
 * measured and printed only, never tuned on.
 */
export function measureCorpus(folder: "" | "held-out" = ""): CorpusResult {
  const professional = lines(folder, "professional.txt");
  const refused = professional.flatMap((sentence) => {
    const first = findIdentifiers(sentence, CORPUS_DAY)[0];
    return first ? [{ sentence, finding: `${first.kind}: ${first.match}` }] : [];
  });
  const perKind = Object.fromEntries(
    IDENTIFIER_KINDS.map((k) => [k, { total: 0, caught: 0 }]),
  ) as CorpusResult["disguised"]["perKind"];
  const missed: CorpusResult["disguised"]["missed"] = [];
  const otherKind: CorpusResult["disguised"]["otherKind"] = [];
  const disguised = lines(folder, "disguised.txt");
  for (const line of disguised) {
    const tab = line.indexOf("\t");
    const kind = line.slice(0, tab) as IdentifierKind;
    const sentence = line.slice(tab + 1);
    if (!IDENTIFIER_KINDS.includes(kind)) throw new Error(`disguised.txt: unknown kind in "${line}"`);
    perKind[kind].total += 1;
    const found = findIdentifiers(sentence, CORPUS_DAY);
    if (found.length === 0) {
      missed.push({ kind, sentence });
      continue;
    }
    perKind[kind].caught += 1;
    if (!found.some((f) => f.kind === kind))
      otherKind.push({ kind, found: (found[0] as { kind: IdentifierKind }).kind, sentence });
  }
  return {
    professional: { total: professional.length, refused },
    disguised: { total: disguised.length, missed, otherKind, perKind },
  };
}

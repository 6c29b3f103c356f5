/**
 * `npm run bench:guard`: the identifier guard against its corpus — how many professional sentences
 * it refuses (false positives) and how many disguised identifiers it lets through (misses), per
 * kind, with every sentence that went wrong. Also the time per sentence.
 */

import { CORPUS_DAY, measureCorpus } from "~/domain/privacy/guard-corpus.server";

function report(name: string, folder: "" | "held-out") {
  const started = performance.now();
  const result = measureCorpus(folder);
  const elapsed = performance.now() - started;
  const { professional, disguised } = result;
  const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  console.log(`${name} (measured as on ${CORPUS_DAY.toISOString().slice(0, 10)}, ${elapsed.toFixed(0)} ms)`);
  console.log(
    `  professional sentences  ${professional.total}, refused ${professional.refused.length} (${pct(professional.refused.length, professional.total)}; target ≤ 1%)`,
  );
  for (const r of professional.refused) console.log(`    refused: ${r.sentence}  [${r.finding}]`);
  const caught = disguised.total - disguised.missed.length;
  console.log(
    `  disguised identifiers   ${disguised.total}, refused ${caught} (${pct(caught, disguised.total)}; target 100%)`,
  );
  for (const [kind, { total, caught: k }] of Object.entries(disguised.perKind)) {
    console.log(`    ${kind.padEnd(10)} ${k}/${total}`);
  }
  for (const m of disguised.missed) console.log(`    missed (${m.kind}): ${m.sentence}`);
  for (const o of disguised.otherKind) console.log(`    refused as ${o.found}, labelled ${o.kind}: ${o.sentence}`);
  return professional.total + disguised.total;
}

const sentences = report("identifier guard, corpus (tests/fixtures/identifier-guard)", "");
report("identifier guard, held-out corpus (never tuned on)", "held-out");
const repeat = 20;
const t0 = performance.now();
for (let i = 0; i < repeat; i++) measureCorpus();
console.log(
  `  time: ${((1000 * (performance.now() - t0)) / (repeat * sentences)).toFixed(0)} µs per sentence (${sentences} sentences × ${repeat}; corpus)`,
);

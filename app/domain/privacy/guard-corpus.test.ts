import { describe, expect, it } from "vitest";

import { measureCorpus } from "./guard-corpus.server";

// The figures themselves are printed by `npm run bench:guard`.
describe("the identifier guard's corpus", () => {
  const result = measureCorpus();

  it("refuses at most 1% of at least 300 professional sentences", () => {
    expect(result.professional.total).toBeGreaterThanOrEqual(300);
    expect(result.professional.refused.length / result.professional.total).toBeLessThanOrEqual(0.01);
  });

  it("refuses every one of at least 100 disguised identifiers, at least 15 of each kind", () => {
    expect(result.disguised.total).toBeGreaterThanOrEqual(100);
    for (const { total } of Object.values(result.disguised.perKind)) expect(total).toBeGreaterThanOrEqual(15);
    expect(result.disguised.missed).toEqual([]);
  });
});

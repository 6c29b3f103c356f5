import { describe, expect, it } from "vitest";

import type { Translate } from "~/i18n/keys";

import { needStatusText } from "./need-status";

const t: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);
const org = (id: string | null) => (id === "pol" ? "Politie" : "?");

describe("a need's status in words", () => {
  it("says open, withdrawn, taken up, or taken up as recorded by the chair", () => {
    const need = { status: "OPEN", addressedByOrganisationId: null, addressedOnBehalf: false } as const;
    expect(needStatusText(t, need, org)).toBe("live.need.open");
    expect(needStatusText(t, { ...need, status: "WITHDRAWN" }, org)).toBe("live.need.withdrawn");
    const taken = { status: "ADDRESSED", addressedByOrganisationId: "pol", addressedOnBehalf: false } as const;
    expect(needStatusText(t, taken, org)).toBe('live.need.addressed {"organisation":"Politie"}');
    expect(needStatusText(t, { ...taken, addressedOnBehalf: true }, org)).toBe(
      'live.need.addressedOnBehalf {"organisation":"Politie"}',
    );
  });
});

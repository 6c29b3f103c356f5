import { describe, expect, it } from "vitest";

import { diffProfiles, freshnessOf } from "./profile-diff";
import { emptyProfile } from "./role-profile.schema";
import type { RoleProfile } from "./role-profile.schema";

const base: RoleProfile = {
  ...emptyProfile,
  mission: "Wij handhaven de rechtsorde.",
  capabilities: [
    { title: "Huisverbod uitvoeren", explanation: "namens de burgemeester" },
    { title: "Zorgmelding", explanation: "" },
  ],
  legalBases: [{ law: "Politiewet 2012", article: "art. 3", allows: "taakuitvoering" }],
  reachability: { ...emptyProfile.reachability, officeHours: "ma-vr 9-17" },
};

describe("diffProfiles", () => {
  it("finds nothing between equal profiles, also when list order changes", () => {
    expect(diffProfiles(base, structuredClone(base))).toEqual([]);
    const reordered = { ...base, capabilities: [...base.capabilities].reverse() };
    expect(diffProfiles(base, reordered)).toEqual([]);
  });

  it("reports an added capability as one added item", () => {
    const after = {
      ...base,
      capabilities: [...base.capabilities, { title: "Veiligheidstaxatie", explanation: "binnen 5 werkdagen" }],
    };
    expect(diffProfiles(base, after)).toEqual([
      { section: "capabilities", kind: "added", item: "Veiligheidstaxatie — binnen 5 werkdagen" },
    ]);
  });

  it("reports an edited item as removed plus added, and scalar fields field by field", () => {
    const after: RoleProfile = {
      ...base,
      mission: "Wij handhaven de rechtsorde en verlenen hulp.",
      capabilities: [{ title: "Huisverbod uitvoeren", explanation: "binnen 24 uur" }, base.capabilities[1]!],
      reachability: { ...base.reachability, officeHours: "24/7" },
    };
    expect(diffProfiles(base, after)).toEqual([
      { section: "mission", kind: "changed", before: base.mission, after: after.mission },
      { section: "capabilities", kind: "removed", item: "Huisverbod uitvoeren — namens de burgemeester" },
      { section: "capabilities", kind: "added", item: "Huisverbod uitvoeren — binnen 24 uur" },
      { section: "reachability", kind: "changed", field: "officeHours", before: "ma-vr 9-17", after: "24/7" },
    ]);
  });

  it("keeps duplicates apart: removing one of two equal items is one removal", () => {
    const twice = {
      ...base,
      limits: [
        { title: "Geen hulpverlening", explanation: "" },
        { title: "Geen hulpverlening", explanation: "" },
      ],
    };
    const once = { ...base, limits: [{ title: "Geen hulpverlening", explanation: "" }] };
    expect(diffProfiles(twice, once)).toEqual([{ section: "limits", kind: "removed", item: "Geen hulpverlening" }]);
  });
});

describe("freshnessOf", () => {
  const now = new Date("2026-11-28T10:00:00Z");
  it("is current within the review period and outdated after it", () => {
    expect(freshnessOf(new Date("2026-06-01T10:00:00Z"), now, 6)).toBe("current");
    expect(freshnessOf(new Date("2026-05-27T10:00:00Z"), now, 6)).toBe("outdated");
    expect(freshnessOf("2026-05-27T10:00:00Z", now, 12)).toBe("current");
  });
  it("is missing when never reviewed", () => {
    expect(freshnessOf(null, now, 6)).toBe("missing");
  });
});

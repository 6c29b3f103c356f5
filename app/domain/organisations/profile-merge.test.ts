import { describe, expect, it } from "vitest";

import { mergeProfiles, take } from "./profile-merge";
import { emptyProfile } from "./role-profile.schema";
import type { RoleProfile } from "./role-profile.schema";

const base: RoleProfile = {
  ...emptyProfile,
  mission: "Wij handhaven de rechtsorde.",
  escalationRoute: "Teamchef.",
  reachability: { ...emptyProfile.reachability, urgentRoute: "112" },
  capabilities: [{ title: "Huisverbod uitvoeren", explanation: "" }],
};

describe("merging two saves of one profile", () => {
  it("keeps a change only the other made and a change only I made", () => {
    const theirs = { ...base, reachability: { ...base.reachability, urgentRoute: "112, piket 24/7" } };
    const mine = { ...base, escalationRoute: "Teamchef → districtschef." };
    const { merged, overlaps } = mergeProfiles(base, mine, theirs);
    expect(overlaps).toEqual([]);
    expect(merged.reachability.urgentRoute).toBe("112, piket 24/7");
    expect(merged.escalationRoute).toBe("Teamchef → districtschef.");
  });

  it("names the fields both changed differently and keeps mine there until I choose", () => {
    const theirs = { ...base, mission: "Hun missie.", capabilities: [] };
    const mine = { ...base, mission: "Mijn missie.", capabilities: [{ title: "Anders", explanation: "" }] };
    const { merged, overlaps } = mergeProfiles(base, mine, theirs);
    expect(overlaps).toEqual(["mission", "capabilities"]);
    expect(merged.mission).toBe("Mijn missie.");
    expect(take(merged, "mission", theirs).mission).toBe("Hun missie.");
  });

  it("the same change on both sides is no overlap", () => {
    const both = { ...base, mission: "Dezelfde nieuwe missie." };
    expect(mergeProfiles(base, both, both).overlaps).toEqual([]);
  });
});

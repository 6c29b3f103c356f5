/**
 * Two people saved the same profile from the same version. Field by field (a text, one
 * reachability detail, or a whole list section), a change only one of them made is kept; where
 * both changed the same field differently, the editor chooses. Nothing the other saved is ever
 * undone without the editor seeing it.
 */
import { describeItem } from "./profile-diff";
import type { RoleProfile } from "./role-profile.schema";

const REACHABILITY = ["officeHours", "urgentRoute", "functionalMailbox", "functionalPhone", "responseTimes"] as const;
const LISTS = ["capabilities", "limits", "legalBases", "sharingRules", "contacts"] as const;

export const MERGE_UNITS = [
  "mission",
  ...LISTS,
  ...REACHABILITY.map((f) => `reachability.${f}` as const),
  "escalationRoute",
] as const;
export type MergeUnit = (typeof MERGE_UNITS)[number];

export function isMergeUnit(value: string): value is MergeUnit {
  return (MERGE_UNITS as readonly string[]).includes(value);
}

function read(profile: RoleProfile, unit: MergeUnit): unknown {
  if (unit.startsWith("reachability.")) {
    return profile.reachability[unit.slice("reachability.".length) as (typeof REACHABILITY)[number]];
  }
  return profile[unit as "mission" | "escalationRoute" | (typeof LISTS)[number]];
}

/** `profile` with `unit` taken from `source`. */
export function take(profile: RoleProfile, unit: MergeUnit, source: RoleProfile): RoleProfile {
  if (unit.startsWith("reachability.")) {
    const field = unit.slice("reachability.".length) as (typeof REACHABILITY)[number];
    return { ...profile, reachability: { ...profile.reachability, [field]: source.reachability[field] } };
  }
  const key = unit as "mission" | "escalationRoute" | (typeof LISTS)[number];
  return { ...profile, [key]: source[key] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type MergeResult = { merged: RoleProfile; overlaps: MergeUnit[] };

/** Three-way merge on `base`: the merged profile (mine where both changed) and the overlapping fields. */
export function mergeProfiles(base: RoleProfile, mine: RoleProfile, theirs: RoleProfile): MergeResult {
  let merged = mine;
  const overlaps: MergeUnit[] = [];
  for (const unit of MERGE_UNITS) {
    const [b, m, t] = [read(base, unit), read(mine, unit), read(theirs, unit)];
    if (same(m, b)) merged = take(merged, unit, theirs);
    else if (!same(t, b) && !same(m, t)) overlaps.push(unit);
  }
  return { merged, overlaps };
}

/** A field's value as one text to show next to the editor's own (list items one per line). */
export function unitText(profile: RoleProfile, unit: MergeUnit): string {
  const value = read(profile, unit);
  if (Array.isArray(value)) {
    return value.map((item) => describeItem(unit as (typeof LISTS)[number], item)).join("\n");
  }
  return String(value ?? "");
}

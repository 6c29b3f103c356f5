import type { RoleProfile } from "./role-profile.schema";

/** Sections in the order a profile reads. Keys double as translation keys under `profile.sections`. */
export type Section =
  | "mission"
  | "capabilities"
  | "limits"
  | "legalBases"
  | "sharingRules"
  | "reachability"
  | "contacts"
  | "escalationRoute";

export type ProfileChange =
  | { section: Section; kind: "changed"; field?: string; before: string; after: string }
  | { section: Section; kind: "added" | "removed"; item: string };

/** One line per list item, as it reads in a diff. */
export function describeItem(
  section: Exclude<Section, "mission" | "reachability" | "escalationRoute">,
  item: unknown,
): string {
  const parts = (values: (string | undefined)[], sep = " — ") => values.filter((v) => v && v.trim()).join(sep);
  switch (section) {
    case "capabilities":
    case "limits": {
      const i = item as RoleProfile["capabilities"][number];
      return parts([i.title, i.explanation]);
    }
    case "legalBases": {
      const i = item as RoleProfile["legalBases"][number];
      return parts([parts([i.law, i.article], " "), i.allows]);
    }
    case "sharingRules": {
      const i = item as RoleProfile["sharingRules"][number];
      return parts([i.kind === "never" ? `[nooit] ${i.what}` : i.what, i.withWhom, i.conditions]);
    }
    case "contacts": {
      const i = item as RoleProfile["contacts"][number];
      return parts([i.role, i.name, i.workEmail, i.workPhone, i.deputy]);
    }
  }
}

function diffList(
  section: Exclude<Section, "mission" | "reachability" | "escalationRoute">,
  before: unknown[],
  after: unknown[],
) {
  const changes: ProfileChange[] = [];
  const remaining = before.map((item) => describeItem(section, item));
  const added: string[] = [];
  for (const item of after.map((i) => describeItem(section, i))) {
    const at = remaining.indexOf(item);
    if (at >= 0) remaining.splice(at, 1);
    else added.push(item);
  }
  for (const item of remaining) changes.push({ section, kind: "removed", item });
  for (const item of added) changes.push({ section, kind: "added", item });
  return changes;
}

/**
 * What changed from one version to the next, field by field. List items are compared as a whole:
 * an edited item shows as the old one removed and the new one added; reordering is no change.
 */
export function diffProfiles(before: RoleProfile, after: RoleProfile): ProfileChange[] {
  const changes: ProfileChange[] = [];
  if (before.mission !== after.mission)
    changes.push({ section: "mission", kind: "changed", before: before.mission, after: after.mission });
  changes.push(...diffList("capabilities", before.capabilities, after.capabilities));
  changes.push(...diffList("limits", before.limits, after.limits));
  changes.push(...diffList("legalBases", before.legalBases, after.legalBases));
  changes.push(...diffList("sharingRules", before.sharingRules, after.sharingRules));
  for (const field of Object.keys(after.reachability) as (keyof RoleProfile["reachability"])[]) {
    if (before.reachability[field] !== after.reachability[field]) {
      changes.push({
        section: "reachability",
        kind: "changed",
        field,
        before: before.reachability[field],
        after: after.reachability[field],
      });
    }
  }
  changes.push(...diffList("contacts", before.contacts, after.contacts));
  if (before.escalationRoute !== after.escalationRoute) {
    changes.push({
      section: "escalationRoute",
      kind: "changed",
      before: before.escalationRoute,
      after: after.escalationRoute,
    });
  }
  return changes;
}

export type Freshness = "current" | "outdated" | "missing";

/** A profile not reviewed for `months` months is outdated; one never written is missing. */
export function freshnessOf(reviewedAt: Date | string | null, now: Date, months: number): Freshness {
  if (!reviewedAt) return "missing";
  const limit = new Date(now);
  limit.setMonth(limit.getMonth() - months);
  return new Date(reviewedAt) < limit ? "outdated" : "current";
}

/**
 * Saving a profile when someone else (or the same person in another tab) saved in between: the
 * fields only one side changed merge by themselves and the save goes through; fields both changed
 * come back to the editor, each with the other's text, to choose per field. A second save never
 * silently undoes the other change.
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";

import type { ProfileChange } from "./profile-diff";
import type { MergeUnit } from "./profile-merge";
import { isMergeUnit, mergeProfiles, take, unitText } from "./profile-merge";
import type { RoleProfile } from "./role-profile.schema";
import { profileContentAt, requireProfileEditor, saveProfile } from "./role-profiles.server";

export type Overlap = { unit: MergeUnit; theirs: string };

export type ProfileConflict = {
  number: number;
  authorName: string;
  byYou: boolean;
  createdAt: string;
  changes: ProfileChange[];
  /** Fields both saves changed: the editor chooses for each. */
  overlaps: Overlap[];
};

type Input = { baseVersion: number; profile: RoleProfile; changeSummary: string };

export type SaveOutcome =
  | { ok: true; number: number; mergedWith: number | null }
  | { ok: false; conflict: ProfileConflict; values: RoleProfile; baseVersion: number };

/** The editor's choices for fields that overlapped in an earlier attempt ("mine" or "theirs"). */
export function readChoices(formData: FormData): { units: MergeUnit[]; choices: Map<MergeUnit, string> } {
  const units = String(formData.get("overlaps") ?? "")
    .split(",")
    .filter(isMergeUnit);
  const choices = new Map(units.map((u) => [u, String(formData.get(`choice.${u}`) ?? "")]));
  return { units, choices };
}

/** Fields still without a choice, as form errors next to each. */
export function missingChoices(units: MergeUnit[], choices: Map<MergeUnit, string>) {
  return Object.fromEntries(
    units
      .filter((u) => choices.get(u) !== "mine" && choices.get(u) !== "theirs")
      .map((u) => [`choice.${u}`, { key: "profileEdit.chooseVersion" as const }]),
  );
}

/** Applies "theirs" choices: those fields come from the version the editor now builds on. */
export async function applyChoices(
  organisationId: string,
  input: Input,
  units: MergeUnit[],
  choices: Map<MergeUnit, string>,
): Promise<RoleProfile> {
  const theirsUnits = units.filter((u) => choices.get(u) === "theirs");
  if (theirsUnits.length === 0) return input.profile;
  const theirs = await profileContentAt(organisationId, input.baseVersion);
  return theirsUnits.reduce((profile, unit) => take(profile, unit, theirs), input.profile);
}

export async function saveMerging(user: SessionUser, slug: string, input: Input, meta: Acting): Promise<SaveOutcome> {
  const organisation = await requireProfileEditor(user, slug);
  const first = await saveProfile(user, slug, input, meta);
  if (first.ok) return { ok: true, number: first.number, mergedWith: null };
  const { conflict } = first;
  const [base, theirs] = await Promise.all([
    profileContentAt(organisation.id, input.baseVersion),
    profileContentAt(organisation.id, conflict.number),
  ]);
  const { merged, overlaps } = mergeProfiles(base, input.profile, theirs);
  const asConflict = (): SaveOutcome => ({
    ok: false,
    values: merged,
    // The next save builds on the version the editor has now seen.
    baseVersion: conflict.number,
    conflict: {
      ...conflict,
      createdAt: conflict.createdAt.toISOString(),
      overlaps: overlaps.map((unit) => ({ unit, theirs: unitText(theirs, unit) })),
    },
  });
  if (overlaps.length > 0) return asConflict();
  // Nothing overlaps: both changes together, on top of the other save.
  const second = await saveProfile(user, slug, { ...input, baseVersion: conflict.number, profile: merged }, meta);
  if (second.ok) return { ok: true, number: second.number, mergedWith: conflict.number };
  return asConflict();
}

/**
 * The conflict panel again, when the editor saved without choosing for every overlapping field:
 * the other's version is the one the form now builds on.
 */
export async function pendingConflict(
  user: SessionUser,
  slug: string,
  baseVersion: number,
  units: MergeUnit[],
): Promise<ProfileConflict | null> {
  const organisation = await requireProfileEditor(user, slug);
  const version = await prisma.roleProfileVersion.findUnique({
    where: { organisationId_number: { organisationId: organisation.id, number: baseVersion } },
    select: { number: true, authorName: true, authorId: true, createdAt: true },
  });
  if (!version) return null;
  const theirs = await profileContentAt(organisation.id, baseVersion);
  return {
    number: version.number,
    authorName: version.authorName,
    byYou: version.authorId === user.id,
    createdAt: version.createdAt.toISOString(),
    changes: [],
    overlaps: units.map((unit) => ({ unit, theirs: unitText(theirs, unit) })),
  };
}

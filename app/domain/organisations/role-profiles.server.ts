import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { isoOf, prisma, sqlQuery } from "~/db.server";
import { isPartnerView } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest, ensure, forbidden, notFound } from "~/domain/errors.server";
import { getEnv } from "~/env.server";
import { Prisma } from "~/generated/prisma/client";
import type { OrganisationKind } from "~/generated/prisma/client";

import type { Freshness, ProfileChange } from "./profile-diff";
import { diffProfiles, freshnessOf } from "./profile-diff";
import { emptyProfile, roleProfileSchema } from "./role-profile.schema";
import type { RoleProfile } from "./role-profile.schema";

const organisationSelect = { id: true, name: true, shortCode: true, slug: true, kind: true, region: true } as const;

/** Who may change a profile: its own organisation's admins, and platform admins. */
export function mayEditProfile(user: SessionUser, organisationId: string): boolean {
  if (user.roles.includes("PLATFORM_ADMIN")) return true;
  return user.roles.includes("ORG_ADMIN") && user.organisation.id === organisationId;
}

function parseContent(content: unknown): RoleProfile {
  // Stored content was validated when saved; parsing again fills defaults added since.
  const parsed = roleProfileSchema.safeParse(content);
  return parsed.success ? parsed.data : emptyProfile;
}

function freshness(reviewedAt: Date | null, now = new Date()): Freshness {
  return freshnessOf(reviewedAt, now, getEnv().PROFILE_REVIEW_MONTHS);
}

/** The organisation and its current profile, for any signed-in professional. 404 when unknown. */
export async function getProfile(viewer: SessionUser, slug: string, now = new Date()) {
  const organisation = await prisma.organisation.findUnique({
    where: { slug },
    select: { ...organisationSelect, profileVersion: true, profileReviewedAt: true },
  });
  ensure(organisation, notFound);
  const current = organisation.profileVersion
    ? await prisma.roleProfileVersion.findUnique({
        where: { organisationId_number: { organisationId: organisation.id, number: organisation.profileVersion } },
        select: { number: true, content: true, authorName: true, createdAt: true, reviewedAt: true },
      })
    : null;
  return {
    organisation,
    version: current
      ? {
          number: current.number,
          authorName: current.authorName,
          createdAt: current.createdAt,
          reviewedAt: current.reviewedAt,
        }
      : null,
    profile: current ? parseContent(current.content) : null,
    freshness: freshness(organisation.profileReviewedAt, now),
    canEdit: mayEditProfile(viewer, organisation.id),
  };
}

/** The organisation whose profile the user wants to change: 404 when unknown, 403 when not theirs. */
export async function requireProfileEditor(user: SessionUser, slug: string) {
  const organisation = await prisma.organisation.findUnique({
    where: { slug },
    select: { ...organisationSelect, profileVersion: true },
  });
  ensure(organisation, notFound);
  ensure(mayEditProfile(user, organisation.id), forbidden);
  return organisation;
}

export type SaveResult =
  | { ok: true; number: number }
  | {
      ok: false;
      conflict: {
        number: number;
        authorName: string;
        /** The other save was the same person (another tab or window). */
        byYou: boolean;
        createdAt: Date;
        changes: ProfileChange[];
      };
    };

/** The columns the directory lists and searches, derived from a profile version. */
export function profileSearchColumns(profile: RoleProfile) {
  return {
    profileSummary: profile.mission.split(/(?<=[.!?])\s/)[0]?.slice(0, 200) ?? "",
    profileCapabilities: profile.capabilities.map((c) => c.title).join("\n"),
    profileLegalBases: profile.legalBases.map((b) => [b.law, b.article].filter(Boolean).join(" ")).join("\n"),
  };
}

/** The content of one version (number 0: the empty profile before the first save). */
export async function profileContentAt(organisationId: string, number: number): Promise<RoleProfile> {
  if (number === 0) return emptyProfile;
  const row = await prisma.roleProfileVersion.findUnique({
    where: { organisationId_number: { organisationId, number } },
    select: { content: true },
  });
  // A version that never existed is a tampered form, not a server error.
  ensure(row, () => badRequest("errors.invalidVersion"));
  return parseContent(row.content);
}

async function conflictWith(editor: SessionUser, organisationId: string, baseVersion: number): Promise<SaveResult> {
  const current = await prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { profileVersion: true },
  });
  const row = await prisma.roleProfileVersion.findUniqueOrThrow({
    where: { organisationId_number: { organisationId, number: current.profileVersion } },
    select: { number: true, authorName: true, authorId: true, createdAt: true, content: true },
  });
  return {
    ok: false,
    conflict: {
      number: row.number,
      authorName: row.authorName,
      byYou: row.authorId === editor.id,
      createdAt: row.createdAt,
      changes: diffProfiles(await profileContentAt(organisationId, baseVersion), parseContent(row.content)),
    },
  };
}

/**
 * Saves a new version on top of `baseVersion`, the version the editor started from. If someone
 * saved in between, nothing is written and the result says what changed meanwhile. The unique
 * (organisation, number) key decides a race between two saves on the same base.
 */
async function writeVersion(
  editor: SessionUser,
  organisation: { id: string },
  input: { baseVersion: number; profile: RoleProfile; changeSummary: string; restoredFrom?: number },
  action: "organisation.profile.saved" | "organisation.profile.restored" | "organisation.profile.reviewed",
  meta: Acting,
): Promise<SaveResult> {
  const now = meta.now ?? new Date();
  const number = input.baseVersion + 1;
  try {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.organisation.updateMany({
        where: { id: organisation.id, profileVersion: input.baseVersion },
        data: { profileVersion: number, profileReviewedAt: now, ...profileSearchColumns(input.profile) },
      });
      if (moved.count !== 1) throw new StaleVersion();
      await tx.roleProfileVersion.create({
        data: {
          organisationId: organisation.id,
          number,
          content: input.profile,
          changeSummary: input.changeSummary,
          authorId: editor.id,
          authorName: `${editor.name} (${editor.organisation.shortCode})`,
          createdAt: now,
          reviewedAt: now,
          restoredFrom: input.restoredFrom ?? null,
        },
      });
    });
  } catch (error) {
    const duplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (error instanceof StaleVersion || duplicate) return conflictWith(editor, organisation.id, input.baseVersion);
    throw error;
  }
  await recordAudit({
    actor: actorOf(editor),
    action,
    subjectType: "Organisation",
    subjectId: organisation.id,
    clientAddress: meta.clientAddress,
    details: { version: number, ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}) },
    at: now,
  });
  return { ok: true, number };
}

class StaleVersion extends Error {}

export async function saveProfile(
  editor: SessionUser,
  slug: string,
  input: { baseVersion: number; profile: RoleProfile; changeSummary: string },
  meta: Acting,
): Promise<SaveResult> {
  const organisation = await requireProfileEditor(editor, slug);
  return writeVersion(editor, organisation, input, "organisation.profile.saved", meta);
}

/** "Still correct": the same content again as a new version, with today's review date. */
export async function markReviewed(
  editor: SessionUser,
  slug: string,
  input: { baseVersion: number; changeSummary: string },
  meta: Acting,
): Promise<SaveResult> {
  const organisation = await requireProfileEditor(editor, slug);
  ensure(organisation.profileVersion > 0, notFound);
  const profile = await profileContentAt(organisation.id, Math.min(input.baseVersion, organisation.profileVersion));
  return writeVersion(editor, organisation, { ...input, profile }, "organisation.profile.reviewed", meta);
}

/** Restoring an old version makes a new version with its content; history is never rewritten. */
export async function restoreVersion(
  editor: SessionUser,
  slug: string,
  input: { baseVersion: number; number: number; changeSummary: string },
  meta: Acting,
): Promise<SaveResult> {
  const organisation = await requireProfileEditor(editor, slug);
  const old = await prisma.roleProfileVersion.findUnique({
    where: { organisationId_number: { organisationId: organisation.id, number: input.number } },
    select: { content: true },
  });
  ensure(old, notFound);
  return writeVersion(
    editor,
    organisation,
    {
      baseVersion: input.baseVersion,
      profile: parseContent(old.content),
      changeSummary: input.changeSummary,
      restoredFrom: input.number,
    },
    "organisation.profile.restored",
    meta,
  );
}

/** Every version, newest first, and the changes between two of them (default: the last two). */
export async function getHistory(viewer: SessionUser, slug: string, compare: { from?: number; to?: number } = {}) {
  const organisation = await prisma.organisation.findUnique({
    where: { slug },
    select: { ...organisationSelect, profileVersion: true },
  });
  ensure(organisation, notFound);
  const versions = await prisma.roleProfileVersion.findMany({
    where: { organisationId: organisation.id },
    orderBy: { number: "desc" },
    select: { number: true, changeSummary: true, authorName: true, createdAt: true, restoredFrom: true, content: true },
  });
  const latest = versions[0]?.number ?? 0;
  const to = compare.to ?? latest;
  const from = compare.from ?? Math.max(0, to - 1);
  const find = (n: number) => (n === 0 ? emptyProfile : parseContent(versions.find((v) => v.number === n)?.content));
  const exists = (n: number) => n === 0 || versions.some((v) => v.number === n);
  return {
    organisation,
    canEdit: mayEditProfile(viewer, organisation.id),
    versions: versions.map(({ content: _content, ...v }) => v),
    comparison:
      latest > 0 && exists(from) && exists(to) ? { from, to, changes: diffProfiles(find(from), find(to)) } : null,
  };
}

export type DirectoryQuery = { q?: string; kind?: OrganisationKind; region?: string; page: number };
export const DIRECTORY_PAGE_SIZE = 50;

/**
 * The directory: every organisation is listed for every signed-in professional (knowing each
 * other is the point). Search looks in the name, the capabilities and the legal bases.
 */
export async function searchDirectory(_viewer: SessionUser, query: DirectoryQuery, now = new Date()) {
  const term = query.q?.trim();
  // LIKE wildcards in the term are matched as themselves: unescaped, "%" would match everything.
  const pattern = term?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const conditions = [
    query.kind ? Prisma.sql`o.kind = ${query.kind}::"OrganisationKind"` : null,
    query.region ? Prisma.sql`o.region = ${query.region}` : null,
    pattern
      ? Prisma.sql`(o.name ILIKE '%' || ${pattern} || '%' OR o."shortCode" ILIKE ${pattern}
           OR o."profileCapabilities" ILIKE '%' || ${pattern} || '%' OR o."profileLegalBases" ILIKE '%' || ${pattern} || '%')`
      : null,
  ].filter((c) => c !== null);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  // One statement through the pool (the directory is a page people keep searching on): the page
  // of hits, the number of all hits, and the regions for the filter.
  const [row] = await sqlQuery<{ total: number; regions: string[]; rows: DirectoryRow[] }>(Prisma.sql`
    WITH hits AS (SELECT o.* FROM "Organisation" o ${where}),
         page AS (SELECT * FROM hits ORDER BY name, id
                  LIMIT ${DIRECTORY_PAGE_SIZE} OFFSET ${(query.page - 1) * DIRECTORY_PAGE_SIZE})
    SELECT (SELECT count(*)::int FROM hits) AS total,
           COALESCE((SELECT json_agg(r ORDER BY r) FROM (SELECT DISTINCT region AS r FROM "Organisation") x), '[]') AS regions,
           COALESCE((SELECT json_agg(json_build_object('id', id, 'name', name, 'shortCode', "shortCode", 'slug', slug,
                       'kind', kind, 'region', region, 'profileSummary', "profileSummary",
                       'profileCapabilities', "profileCapabilities", 'profileLegalBases', "profileLegalBases",
                       'profileReviewedAt', ${isoOf('"profileReviewedAt"')}) ORDER BY name, id) FROM page), '[]') AS rows`);
  const total = row?.total ?? 0;
  const regions = row?.regions ?? [];
  const rows = (row?.rows ?? []).map((r) => ({
    ...r,
    profileReviewedAt: r.profileReviewedAt === null ? null : new Date(r.profileReviewedAt),
  }));
  const lower = term?.toLowerCase();
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
    regions,
    organisations: rows.map(({ profileCapabilities, profileLegalBases, profileReviewedAt, ...org }) => ({
      ...org,
      freshness: freshness(profileReviewedAt, now),
      reviewedAt: profileReviewedAt,
      // Why a search hit matched, when not by name: the matching capability or legal basis.
      matchedIn:
        lower && !org.name.toLowerCase().includes(lower)
          ? (matchLine("capability", profileCapabilities, lower) ?? matchLine("legalBasis", profileLegalBases, lower))
          : null,
    })),
  };
}

type DirectoryRow = {
  id: string;
  name: string;
  shortCode: string;
  slug: string;
  kind: OrganisationKind;
  region: string;
  profileSummary: string;
  profileCapabilities: string;
  profileLegalBases: string;
  profileReviewedAt: string | null;
};

function matchLine(field: "capability" | "legalBasis", text: string, term: string) {
  const line = text.split("\n").find((l) => l.toLowerCase().includes(term));
  return line ? { field, text: line } : null;
}

/** Two to four profiles side by side, in the order asked for. 404 when a slug is unknown. */
export async function compareProfiles(viewer: SessionUser, slugs: string[], now = new Date()) {
  const profiles = [];
  for (const slug of slugs) profiles.push(await getProfile(viewer, slug, now));
  return profiles;
}

/**
 * For an organisation admin whose own profile is outdated or missing: what the start page shows
 * as a reminder. Null for everyone else.
 */
export async function profileReminder(user: SessionUser, now = new Date()) {
  if (!user.roles.includes("ORG_ADMIN")) return null;
  const own = await prisma.organisation.findUniqueOrThrow({
    where: { id: user.organisation.id },
    select: { slug: true, name: true, profileReviewedAt: true },
  });
  const state = freshness(own.profileReviewedAt, now);
  return state === "current" ? null : { slug: own.slug, name: own.name, freshness: state };
}

/** Who saved one version (the version history shows the same to everyone signed in). */
export async function versionAuthor(organisationId: string, number: number) {
  if (number < 1 || number > 2_147_483_647) return null;
  return prisma.roleProfileVersion.findUnique({
    where: { organisationId_number: { organisationId, number } },
    select: { number: true, authorName: true },
  });
}

/**
 * A partner opened this organisation's profile (on its page or in a comparison): recorded, so the
 * organisation's admin sees who looks its role up. Views by its own people are not recorded.
 */
export async function recordProfileViews(
  viewer: SessionUser,
  organisationIds: readonly string[],
  how: "page" | "comparison",
  meta: Acting,
) {
  for (const organisationId of organisationIds.filter((id) => isPartnerView(viewer, id))) {
    await recordAudit({
      actor: actorOf(viewer),
      action: "organisation.profile.viewed",
      subjectType: "Organisation",
      subjectId: organisationId,
      details: { how },
      clientAddress: meta.clientAddress,
      at: meta.now,
    });
  }
}

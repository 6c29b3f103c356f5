import { hashPassword } from "~/auth/password.server";
import { requiresSecondFactor } from "~/auth/two-factor.server";
import { prisma } from "~/db.server";
import { profileSearchColumns } from "~/domain/organisations/role-profiles.server";

import { DEMO_PASSWORD, DEMO_REGION, DEMO_TOTP_SECRET, demoOrganisations, demoUsers } from "./demo-data";
import { demoProfiles } from "./demo-profiles";

/**
 * Seeds the fictional demo region once. Idempotent: existing organisations and users are left as
 * they are (someone may have changed them while trying the product out).
 */
export async function seedDemoData(
  now = new Date(),
): Promise<{ organisations: number; users: number; profiles: number }> {
  let organisations = 0;
  let users = 0;
  const orgIds = new Map<string, string>();
  for (const org of demoOrganisations) {
    const existing = await prisma.organisation.findUnique({
      where: { shortCode: org.shortCode },
      select: { id: true },
    });
    if (existing) {
      orgIds.set(org.shortCode, existing.id);
      continue;
    }
    const created = await prisma.organisation.create({ data: { ...org, region: DEMO_REGION }, select: { id: true } });
    orgIds.set(org.shortCode, created.id);
    organisations++;
  }
  for (const user of demoUsers) {
    const exists = await prisma.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    const organisationId = orgIds.get(user.org);
    if (!organisationId) throw new Error(`Demo user ${user.email} names unknown organisation ${user.org}`);
    await prisma.user.create({
      data: {
        email: user.email,
        name: user.name,
        functionTitle: user.functionTitle,
        roles: user.roles,
        organisationId,
        password: { create: { hash: await hashPassword(DEMO_PASSWORD) } },
        twoFactor: requiresSecondFactor(user.roles)
          ? { create: { secret: DEMO_TOTP_SECRET, enabledAt: now } }
          : undefined,
      },
    });
    users++;
  }
  const profiles = await seedDemoProfiles(orgIds, now);
  return { organisations, users, profiles };
}

/** Version 1 of each demo organisation's role profile, where it has none yet. */
async function seedDemoProfiles(orgIds: Map<string, string>, now: Date): Promise<number> {
  let created = 0;
  for (const [shortCode, { monthsAgo, profile }] of Object.entries(demoProfiles)) {
    const organisationId = orgIds.get(shortCode);
    if (!organisationId) continue;
    const reviewedAt = new Date(now);
    reviewedAt.setMonth(reviewedAt.getMonth() - monthsAgo);
    const seeded = await prisma.$transaction(async (tx) => {
      const claimed = await tx.organisation.updateMany({
        where: { id: organisationId, profileVersion: 0 },
        data: { profileVersion: 1, profileReviewedAt: reviewedAt, ...profileSearchColumns(profile) },
      });
      if (claimed.count === 0) return false;
      await tx.roleProfileVersion.create({
        data: {
          organisationId,
          number: 1,
          content: profile,
          changeSummary: "",
          authorName: "Demo-inrichting",
          createdAt: reviewedAt,
          reviewedAt,
        },
      });
      return true;
    });
    if (seeded) created++;
  }
  return created;
}

import { hashPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";

import { DEMO_PASSWORD, DEMO_REGION, demoOrganisations, demoUsers } from "./demo-data";

/**
 * Seeds the fictional demo region once. Idempotent: existing organisations and users are left as
 * they are (someone may have changed them while trying the product out).
 */
export async function seedDemoData(): Promise<{ organisations: number; users: number }> {
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
      },
    });
    users++;
  }
  return { organisations, users };
}

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";

/**
 * The directory of organisations. Every signed-in professional may see which organisations take
 * part (name, kind, region): that is the point of "elkaar kennen". Case data is scoped elsewhere.
 */
export async function listOrganisations(_viewer: SessionUser) {
  return prisma.organisation.findMany({
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, shortCode: true, slug: true, kind: true, region: true },
  });
}

import { describe, expect, it } from "vitest";

import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";

describe("audit trail", () => {
  it("records who, on behalf of which organisation, when, what and from where", async () => {
    const at = new Date("2026-05-01T10:00:00Z");
    await recordAudit({
      actor: { userId: "u1", organisationId: "o1" },
      action: "auth.logout",
      subjectType: "User",
      subjectId: "u1",
      clientAddress: "198.51.100.7",
      at,
    });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { actorUserId: "u1" } });
    expect(row).toMatchObject({
      actorOrganisationId: "o1",
      action: "auth.logout",
      subjectType: "User",
      subjectId: "u1",
      clientAddress: "198.51.100.7",
      occurredAt: at,
    });
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    await recordAudit({ actor: null, action: "auth.login.failed", subjectType: "Account", subjectId: "x@y.nl" });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: "x@y.nl" } });

    await expect(
      prisma.auditEvent.update({ where: { id: row.id }, data: { action: "auth.login.succeeded" } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "clientAddress" = 'x'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);

    const after = await prisma.auditEvent.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.action).toBe("auth.login.failed");
    expect(await prisma.auditEvent.count()).toBeGreaterThanOrEqual(2);
  });
});

import { describe, expect, it } from "vitest";

import { DatabaseUnavailableError, InvalidTextError, isDatabaseUnavailable, prisma } from "~/db.server";

describe("database errors at the client boundary", () => {
  it("recognises an outage or a timeout, not an ordinary error", () => {
    expect(isDatabaseUnavailable({ code: "P1001", message: "Can't reach database server" })).toBe(true);
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { originalCode: "57014" } } } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
  });

  it("an interactive transaction cut off by an outage answers 503; other errors pass unchanged", async () => {
    const outage = prisma.$transaction(async () => {
      throw new Error("Connection terminated unexpectedly");
    });
    await expect(outage).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(outage.catch((e: Response) => e.status)).resolves.toBe(503);
    const other = new Error("a bug");
    await expect(prisma.$transaction(async () => Promise.reject(other))).rejects.toBe(other);
    // A transaction still works as before.
    expect(await prisma.$transaction(async (tx) => tx.organisation.count())).toBeGreaterThanOrEqual(0);
  });

  it("text with a NUL character is refused before it reaches PostgreSQL", async () => {
    await expect(prisma.case.findFirst({ where: { reference: "AO-\u0000" } })).rejects.toBeInstanceOf(InvalidTextError);
    await expect(
      prisma.$transaction(async (tx) => tx.case.findFirst({ where: { reference: "\u0000" } })),
    ).rejects.toBeInstanceOf(InvalidTextError);
  });
});

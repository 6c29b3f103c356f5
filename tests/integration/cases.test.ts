import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { newCaseSchema } from "~/domain/cases/case.schema";
import { createCase, listVisibleCases, openCase } from "~/domain/cases/cases.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.4" };
const input = {
  region: "Westerduin",
  description: "Gezin, 2 kinderen (4 en 7). Melding na incident.",
  riskLevel: "HIGH" as const,
};
let vtMember: SessionUser;
let policeMember: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [vtMember, policeMember] = await Promise.all([
    sessionUser("medewerker@veiligthuis.demo"),
    sessionUser("medewerker@politie.demo"),
  ]);
});

describe("case references", () => {
  it("are AO-<year>-<number>, counted per year in Amsterdam time", async () => {
    const first = await createCase(vtMember, input, { ...meta, now: new Date("2031-06-01T10:00:00Z") });
    const second = await createCase(vtMember, input, { ...meta, now: new Date("2031-06-02T10:00:00Z") });
    expect([first.reference, second.reference]).toEqual(["AO-2031-0001", "AO-2031-0002"]);
    // 31 December 23:30 UTC is already 1 January in Amsterdam
    const newYear = await createCase(vtMember, input, { ...meta, now: new Date("2031-12-31T23:30:00Z") });
    expect(newYear.reference).toBe("AO-2032-0001");
  });

  it("stay unique when many cases are brought in at once", async () => {
    const now = new Date("2033-03-03T09:00:00Z");
    const created = await Promise.all(Array.from({ length: 12 }, () => createCase(vtMember, input, { ...meta, now })));
    const references = created.map((c) => c.reference).sort();
    expect(new Set(references).size).toBe(12);
    expect(references[0]).toBe("AO-2033-0001");
    expect(references[11]).toBe("AO-2033-0012");
  });
});

describe("new case input", () => {
  it("refuses a description with a BSN, saying what was found", () => {
    const result = newCaseSchema.safeParse({ ...input, description: "Vader, bsn 111222333, verdachte." });
    expect(result.success ? null : fieldErrorsFrom(result.error.issues)).toEqual({
      description: { key: "privacy.found.bsn", values: { match: "111222333" } },
    });
  });

  it("requires a description, a region and a known risk level", () => {
    const result = newCaseSchema.safeParse({ region: " ", description: "", riskLevel: "EXTREEM" });
    expect(result.success ? null : Object.keys(fieldErrorsFrom(result.error.issues)).sort()).toEqual([
      "description",
      "region",
      "riskLevel",
    ]);
  });
});

describe("need-to-know", () => {
  it("the bringing organisation opens the case; the audit trail records who and on whose behalf", async () => {
    const { reference } = await createCase(vtMember, input, meta);
    const opened = await openCase(vtMember, reference, meta);
    expect(opened).toMatchObject({ reference, description: input.description, organisation: { shortCode: "VT" } });
    const viewed = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.viewed", subjectId: reference } });
    expect(viewed).toMatchObject({
      actorUserId: vtMember.id,
      actorOrganisationId: vtMember.organisation.id,
      clientAddress: "192.0.2.4",
    });
    expect(await prisma.auditEvent.count({ where: { action: "case.created", subjectId: reference } })).toBe(1);
  });

  it("another organisation gets 404, the same as for a case that does not exist, and sees none in its list", async () => {
    const { reference } = await createCase(vtMember, input, meta);
    expect(await thrownStatus(openCase(policeMember, reference, meta))).toBe(404);
    expect(await thrownStatus(openCase(policeMember, "AO-1999-0001", meta))).toBe(404);
    expect((await listVisibleCases(policeMember)).map((c) => c.reference)).not.toContain(reference);
    expect((await listVisibleCases(vtMember)).map((c) => c.reference)).toContain(reference);
    expect(await prisma.auditEvent.count({ where: { action: "case.viewed", subjectId: reference } })).toBe(0);
  });
});

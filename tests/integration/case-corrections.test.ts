import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  caseHistory,
  closeCase,
  editCase,
  ERASED_MARK,
  eraseFromCase,
  reopenCase,
} from "~/domain/cases/case-corrections.server";
import { caseCloseSchema, caseEditSchema, caseEraseSchema } from "~/domain/cases/case.schema";
import { createCase } from "~/domain/cases/cases.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { runRetention } from "~/domain/retention/retention.server";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { outcome } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.41" };
const closing = { confirm: "yes" as const, closeReason: "GOALS_MET" as const, note: "" };
let vtMember: SessionUser;
let vtChair: SessionUser;
let police: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [vtMember, vtChair, police] = await Promise.all([
    sessionUser("medewerker@veiligthuis.demo"),
    sessionUser("voorzitter@veiligthuis.demo"),
    sessionUser("medewerker@politie.demo"),
  ]);
});

async function newCase(description = "Gezin, 2 kinderen. Melding na incident.") {
  const { reference } = await createCase(vtMember, { region: "Westerduin", description, riskLevel: "HIGH" }, meta);
  return reference;
}

async function caseIdOf(reference: string) {
  return (await prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
}

describe("correcting a case", () => {
  it("makes a new version; the earlier one stays readable, the audit says what changed but not the words", async () => {
    const reference = await newCase();
    await editCase(
      vtMember,
      reference,
      { version: 1, description: "Gezin, 3 kinderen. Melding.", riskLevel: "ACUTE" },
      meta,
    );
    const history = await caseHistory(await caseIdOf(reference));
    expect(history.revisions.map((r) => [r.number, r.description, r.riskLevel, r.author.name])).toEqual([
      [2, "Gezin, 3 kinderen. Melding.", "ACUTE", vtMember.name],
      [1, "Gezin, 2 kinderen. Melding na incident.", "HIGH", vtMember.name],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case.edited", subjectId: reference } });
    expect(audit.details).toEqual({ revision: 2, riskLevel: "ACUTE" });
    expect(JSON.stringify(audit.details)).not.toContain("kinderen");
  });

  it("detects a stale edit and says who changed it: a colleague by name, or you in another tab", async () => {
    const reference = await newCase();
    await editCase(vtChair, reference, { version: 1, description: "Door de voorzitter.", riskLevel: "HIGH" }, meta);
    const stale = editCase(vtMember, reference, { version: 1, description: "Mijn tekst.", riskLevel: "LOW" }, meta);
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      key: "cases.errors.stale",
      current: { description: "Door de voorzitter.", riskLevel: "HIGH", version: 2, byName: vtChair.name },
    });
    const byMe = editCase(vtChair, reference, { version: 1, description: "Oud tabblad.", riskLevel: "LOW" }, meta);
    await expect(byMe).rejects.toMatchObject({ code: "conflict", key: "cases.errors.staleByYou" });
    expect((await prisma.case.findUniqueOrThrow({ where: { reference } })).description).toBe("Door de voorzitter.");
  });

  it("is for the bringing organisation only: another answers 'not found' and nothing changes", async () => {
    const reference = await newCase();
    const input = { version: 1, description: "Politie wijzigt.", riskLevel: "LOW" as const };
    expect(await outcome(editCase(police, reference, input, meta))).toBe("not_found:errors.notFound");
    expect(await outcome(eraseFromCase(police, reference, { version: 1, text: "Gezin" }, meta))).toBe(
      "not_found:errors.notFound",
    );
    expect(await outcome(closeCase(police, reference, closing, meta))).toBe("not_found:errors.notFound");
    expect(await prisma.caseRevision.count({ where: { case: { reference } } })).toBe(1);
  });

  it("keeps the identifier guard, refuses 'nothing changed' and edits of a closed case", async () => {
    const parsed = caseEditSchema.safeParse({ version: "1", description: "Moeder, bsn 111222333.", riskLevel: "LOW" });
    expect(parsed.success ? null : fieldErrorsFrom(parsed.error.issues)).toEqual({
      description: { key: "privacy.found.bsn", values: { match: "111222333" } },
    });
    const reference = await newCase();
    const same = { version: 1, description: "Gezin, 2 kinderen. Melding na incident.", riskLevel: "HIGH" as const };
    expect(await outcome(editCase(vtMember, reference, same, meta))).toBe("rule:cases.errors.nothingChanged");
    await closeCase(vtMember, reference, closing, meta);
    expect(await outcome(editCase(vtMember, reference, { ...same, version: 2, riskLevel: "LOW" }, meta))).toBe(
      "rule:cases.errors.closedEdit",
    );
  });
});

describe("erasing an identifier", () => {
  it("goes from the case and every version, is audited with a count and never stores the text", async () => {
    const name = "Jansen-Oudeweg";
    const reference = await newCase(`Gezin ${name}, 2 kinderen.`);
    await editCase(
      vtMember,
      reference,
      { version: 1, description: `Gezin ${name}, 3 kinderen.`, riskLevel: "HIGH" },
      meta,
    );
    await editCase(vtMember, reference, { version: 2, description: "Gezin, 3 kinderen.", riskLevel: "HIGH" }, meta);
    const { versions } = await eraseFromCase(vtMember, reference, { version: 3, text: "jansen-oudeweg" }, meta);
    expect(versions).toBe(2);
    const id = await caseIdOf(reference);
    const history = await caseHistory(id);
    expect(history.revisions.map((r) => r.description)).toEqual([
      "Gezin, 3 kinderen.",
      `Gezin ${ERASED_MARK}, 3 kinderen.`,
      `Gezin ${ERASED_MARK}, 2 kinderen.`,
    ]);
    expect(history.revisions.map((r) => r.erasedAt !== null)).toEqual([false, true, true]);
    expect(history.events).toMatchObject([{ kind: "IDENTIFIER_ERASED", versions: 2, note: null }]);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "case.identifier.erased", subjectId: reference },
    });
    expect(audit.details).toEqual({ versions: 2 });
    // Nowhere in the database: not in the case, its versions, events or any audit row.
    const [row] = await prisma.$queryRaw<{ hits: bigint }[]>`
      SELECT (SELECT count(*) FROM "Case" WHERE description ILIKE ${"%" + name + "%"})
           + (SELECT count(*) FROM "CaseRevision" WHERE description ILIKE ${"%" + name + "%"})
           + (SELECT count(*) FROM "CaseEvent" WHERE note ILIKE ${"%" + name + "%"})
           + (SELECT count(*) FROM "AuditEvent" WHERE details::text ILIKE ${"%" + name + "%"}) AS hits`;
    expect(Number(row?.hits)).toBe(0);
  });

  it("says so at the field when the text is not there, and refuses fewer than three characters", async () => {
    const reference = await newCase();
    await expect(eraseFromCase(vtMember, reference, { version: 1, text: "Pietersen" }, meta)).rejects.toMatchObject({
      code: "rule",
      extra: { fields: { text: { key: "cases.errors.textNotFound" } } },
    });
    const short = caseEraseSchema.safeParse({ version: "1", text: " a " });
    expect(short.success ? null : fieldErrorsFrom(short.error.issues)).toMatchObject({
      text: { key: "cases.errors.eraseTooShort" },
    });
  });
});

describe("closing and reopening", () => {
  it("closing asks for confirmation and a reason; 'other' needs words", () => {
    const unconfirmed = caseCloseSchema.safeParse({ confirm: "", closeReason: "", note: "" });
    expect(unconfirmed.success ? null : fieldErrorsFrom(unconfirmed.error.issues)).toMatchObject({
      confirm: { key: "cases.errors.confirmClose" },
      closeReason: { key: "validation.choose" },
    });
    const other = caseCloseSchema.safeParse({ confirm: "yes", closeReason: "OTHER", note: " " });
    expect(other.success ? null : fieldErrorsFrom(other.error.issues)).toMatchObject({
      note: { key: "cases.errors.noteForOther" },
    });
  });

  it("records the reason, reopens within the retention period and refuses after it", async () => {
    const reference = await newCase();
    const closedAt = new Date("2099-01-10T10:00:00Z");
    await closeCase(
      vtMember,
      reference,
      { ...closing, closeReason: "OTHER", note: "Gezin verhuisd." },
      { ...meta, now: closedAt },
    );
    const later = { ...meta, retentionMonths: 12, now: new Date("2099-06-01T10:00:00Z") };
    expect(await reopenCase(vtMember, reference, { note: "Nieuwe melding." }, later)).toEqual({ reopened: true });
    const history = await caseHistory(await caseIdOf(reference));
    expect(history.events.map((e) => [e.kind, e.closeReason, e.note])).toEqual([
      ["REOPENED", null, "Nieuwe melding."],
      ["CLOSED", "OTHER", "Gezin verhuisd."],
    ]);
    expect(await prisma.case.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      status: "OPEN",
      closedAt: null,
    });

    await closeCase(vtMember, reference, closing, { ...meta, now: closedAt });
    const tooLate = { ...meta, retentionMonths: 12, now: new Date("2100-01-11T10:00:00Z") };
    expect(await outcome(reopenCase(vtMember, reference, { note: "Te laat." }, tooLate))).toBe(
      "rule:cases.errors.retentionPassed",
    );
  });

  it("retention erases every version and every reason with the case", async () => {
    const reference = await newCase("Eerste omschrijving.");
    await editCase(vtMember, reference, { version: 1, description: "Tweede omschrijving.", riskLevel: "LOW" }, meta);
    await closeCase(
      vtMember,
      reference,
      { ...closing, note: "Doelen gehaald." },
      { ...meta, now: new Date("2000-01-01T00:00:00Z") },
    );
    await runRetention({ months: 12, dryRun: false, now: new Date("2001-06-01T00:00:00Z") });
    const history = await caseHistory(await caseIdOf(reference));
    expect(history.revisions.map((r) => r.description)).toEqual(["", ""]);
    expect(history.events.map((e) => e.note)).toEqual([null]);
    expect(await outcome(reopenCase(vtMember, reference, { note: "Terug." }, { ...meta, retentionMonths: 12 }))).toBe(
      "rule:cases.errors.anonymised",
    );
  });
});

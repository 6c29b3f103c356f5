import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { caseAuditLog, periodAuditCsv, periodAuditLog, periodOf } from "~/audit/audit-log.server";
import { recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { loadBoard, saveRoleCard } from "~/domain/live/live.server";
import { translator } from "~/i18n/translate.server";

import { liveMeeting, roleCardOf } from "../support/live-meeting";
import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.50" };
let police: SessionUser;
let rvdk: SessionUser;
let policeAdmin: SessionUser;
let platformAdmin: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  // Veilig Thuis's chair also administers its organisation here, to read its cases' log.
  await prisma.user.update({
    where: { email: "voorzitter@veiligthuis.demo" },
    data: { roles: { set: ["CHAIR", "MEMBER", "ORG_ADMIN"] } },
  });
  [police, rvdk, policeAdmin, platformAdmin] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("beheer@politie.demo"),
    sessionUser("admin@actie-overleg.demo"),
  ]);
});

describe("audit rows", () => {
  it("are written exactly as given, in one statement, and a NUL anywhere is refused as a 400 (not a 500)", async () => {
    const subjectId = randomUUID();
    const at = new Date("2026-12-03T08:15:00.123Z");
    await recordAudit({
      actor: { userId: "u-1", organisationId: "o-1" },
      action: "case.viewed",
      subjectType: "Case",
      subjectId,
      clientAddress: "192.0.2.7",
      details: { reference: "AO-2026-0001", shown: ["a", "é"] },
      at,
    });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId } });
    expect(row).toMatchObject({
      occurredAt: at,
      actorUserId: "u-1",
      actorOrganisationId: "o-1",
      action: "case.viewed",
      subjectType: "Case",
      clientAddress: "192.0.2.7",
      details: { reference: "AO-2026-0001", shown: ["a", "é"] },
    });
    expect(
      await thrownStatus(
        recordAudit({ actor: null, action: "case.viewed", subjectId, details: { reference: "\u0000" } }),
      ),
    ).toBe(400);
    expect(await prisma.auditEvent.count({ where: { subjectId } })).toBe(1);
  });
});

describe("audit views", () => {
  it("an organisation admin sees who viewed or changed its own cases, with the NEN 7513 fields", async () => {
    const { meetingId, itemIds, org } = await liveMeeting();
    const vtAdmin = await sessionUser("voorzitter@veiligthuis.demo");
    await loadBoard(rvdk, meetingId, meta);
    const card = await roleCardOf(itemIds.A, org.POL as string);
    await saveRoleCard(
      police,
      {
        key: randomUUID(),
        cardId: card.id,
        version: 1,
        roleInCase: "Wij handhaven.",
        knowledge: "",
        knowledgeLegalBasis: "",
        contribution: "Surveillance.",
        limitsHere: "",
      },
      meta,
    );
    const [a, b] = await Promise.all(
      [itemIds.A, itemIds.B].map(
        async (id) =>
          (await prisma.agendaItem.findUniqueOrThrow({ where: { id }, include: { case: true } })).case.reference,
      ),
    );
    const log = await caseAuditLog(vtAdmin, { reference: a as string }, meta);
    const seen = log.events.map((e) => [e.action, e.user, e.organisation, e.reference]);
    expect(seen).toContainEqual(["case.created", vtAdmin.name, vtAdmin.organisation.name, a]);
    expect(seen).toContainEqual(["meeting.live.viewed", rvdk.name, rvdk.organisation.name, a]);
    expect(seen).toContainEqual(["live.roleCard.saved", police.name, police.organisation.name, a]);
    const saved = log.events.find((e) => e.action === "live.roleCard.saved");
    expect([saved?.email, saved?.clientAddress]).toEqual([police.email, "192.0.2.50"]);
    // Case B's log does not show the police's card on case A.
    const forB = await caseAuditLog(vtAdmin, { reference: b as string }, meta);
    expect(forB.events.map((e) => e.action)).not.toContain("live.roleCard.saved");
    // The police admin sees only cases the police brought in: none of Veilig Thuis's.
    const policeLog = await caseAuditLog(policeAdmin, { reference: "" }, meta);
    expect(policeLog.events.map((e) => e.reference)).not.toContain(a);
    expect(await thrownStatus(caseAuditLog(police, { reference: "" }, meta))).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "audit.viewed", actorUserId: vtAdmin.id } })).toBe(2);
  });

  it("a platform admin sees a period and exports it as CSV; nobody else may", async () => {
    await liveMeeting();
    const now = new Date();
    const log = await periodAuditLog(platformAdmin, {}, { ...meta, now });
    expect(log.events.length).toBeGreaterThan(5);
    expect(log.events.map((e) => e.action)).toContain("meeting.started");
    expect(await thrownStatus(periodAuditLog(policeAdmin, {}, meta))).toBe(403);
    const csv = await periodAuditCsv(platformAdmin, {}, await translator("nl"), { ...meta, now });
    expect(csv.body.startsWith("\uFEFFWanneer;Wie;e-mail;Namens;Wat;code;Casus;")).toBe(true);
    expect(csv.body).toContain(";Overleg gestart;meeting.started;");
    expect(await thrownStatus(periodAuditCsv(policeAdmin, {}, await translator("nl"), meta))).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "audit.exported", actorUserId: platformAdmin.id } })).toBe(
      1,
    );
  });

  it("periods are Amsterdam days, also across the change of clocks", () => {
    const october = periodOf({ from: "2026-10-25", to: "2026-10-25" });
    expect(october.start.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect((october.end.getTime() - october.start.getTime()) / 3_600_000).toBe(25);
    const fallback = periodOf({}, new Date("2026-11-28T10:00:00Z"));
    expect([fallback.from, fallback.to]).toEqual(["2026-11-22", "2026-11-28"]);
  });
});

import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { amsterdamToday } from "~/domain/actions/actions.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { addAction } from "~/domain/live/live.server";
import { recordProfileViews } from "~/domain/organisations/role-profiles.server";
import { startOverview } from "~/domain/start/start.server";

import { liveMeeting } from "../support/live-meeting";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.61" };
let chair: SessionUser;
let police: SessionUser;
let policeAdmin: SessionUser;
let rvdk: SessionUser;
let probation: SessionUser;
let platformAdmin: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [chair, police, policeAdmin, rvdk, probation, platformAdmin] = await Promise.all([
    sessionUser("voorzitter@veiligthuis.demo"),
    sessionUser("medewerker@politie.demo"),
    sessionUser("beheer@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@reclassering.demo"),
    sessionUser("admin@actie-overleg.demo"),
  ]);
});

const day = (offset: number) =>
  new Date(amsterdamToday(new Date()).getTime() + offset * 86_400_000).toISOString().slice(0, 10);

async function action(user: SessionUser, itemId: string, description: string, dueDate: string) {
  await addAction(
    user,
    { key: randomUUID(), itemId, description, ownerOrganisationId: user.organisation.id, ownerUserId: "", dueDate },
    meta,
  );
}

describe("the start page says what to do next", () => {
  it("the chair reads every organisation's open actions from her meetings, and only hers", async () => {
    const mine = await liveMeeting();
    await action(police, mine.itemIds.A, "Politie: meldingenoverzicht (start)", day(3));
    await action(rvdk, mine.itemIds.A, "Raad: onderzoek (start)", day(20));
    const other = await liveMeeting();
    await action(police, other.itemIds.A, "Politie: ander overleg (start)", day(2));
    await prisma.meeting.update({ where: { id: other.meetingId }, data: { chairId: platformAdmin.id } });

    const overview = await startOverview(chair, meta);
    const group = overview.chair?.actions.find((g) => g.id === mine.meetingId);
    expect(group?.actions.map((a) => [a.description, a.owner]).sort()).toEqual([
      ["Politie: meldingenoverzicht (start)", "POL"],
      ["Raad: onderzoek (start)", "RvdK"],
    ]);
    expect(overview.chair?.actions.some((g) => g.id === other.meetingId)).toBe(false);
    // The live items of her meeting whose table has not filled in its role cards.
    const meeting = overview.chair?.meetings.find((m) => m.id === mine.meetingId);
    expect(meeting?.cardsMissing.length).toBeGreaterThan(0);
    expect(
      await prisma.auditEvent.count({ where: { action: "action.list.viewed", actorUserId: chair.id } }),
    ).toBeGreaterThan(0);
  });

  it("a member sees the own organisation's actions due soon or overdue, its invitations and its empty role cards", async () => {
    const { itemIds, meetingId } = await liveMeeting();
    await action(police, itemIds.A, "Politie: binnenkort (start)", day(5));
    await action(police, itemIds.A, "Politie: later (start)", day(40));
    await action(rvdk, itemIds.A, "Raad: binnenkort (start)", day(1));
    const overview = await startOverview(police, meta);
    const texts = overview.member.actions.map((a) => a.description);
    expect(texts).toContain("Politie: binnenkort (start)");
    expect(texts).not.toContain("Politie: later (start)");
    expect(texts).not.toContain("Raad: binnenkort (start)");
    expect(overview.chair).toBeNull();
    expect(overview.member.emptyRoleCards.map((c) => c.itemId)).toContain(itemIds.A);
    expect(overview.member.invited.map((m) => m.id)).toContain(meetingId);
    // Probation is invited but not at item A's table: no role card of A, no police action.
    const forProbation = await startOverview(probation, meta);
    expect(forProbation.member.emptyRoleCards.map((c) => c.itemId)).not.toContain(itemIds.A);
    expect(forProbation.member.actions.map((a) => a.description)).not.toContain("Politie: binnenkort (start)");
  });

  it("an organisation admin sees which partners looked the profile up; its own people do not count", async () => {
    await recordProfileViews(rvdk, [police.organisation.id], "page", meta);
    await recordProfileViews(rvdk, [police.organisation.id], "comparison", meta);
    await recordProfileViews(police, [police.organisation.id], "page", meta);
    const overview = await startOverview(policeAdmin, meta);
    const partners = overview.admin?.partners ?? [];
    expect(partners.find((p) => p.organisationId === rvdk.organisation.id)?.views).toBeGreaterThanOrEqual(2);
    expect(partners.some((p) => p.organisationId === police.organisation.id)).toBe(false);
    expect((await startOverview(police, meta)).admin).toBeNull();
  });
});

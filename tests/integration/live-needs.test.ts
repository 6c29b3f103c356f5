import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import {
  addDecision,
  addNeed,
  addressNeed,
  closeItem,
  correctDecision,
  editNeed,
  endMeeting,
  withdrawNeed,
} from "~/domain/live/live.server";
import { getMinutes } from "~/domain/minutes/minutes.server";
import type { WriteResult } from "~/realtime/events";

import { liveMeeting } from "../support/live-meeting";
import { outcome } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.41" };
const key = () => randomUUID();
let police: SessionUser;
let rvdk: SessionUser;
let chair: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, chair] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("voorzitter@veiligthuis.demo"),
  ]);
});

const needOf = (result: WriteResult) => {
  if (result.change.kind !== "need") throw new Error(`not a need: ${result.change.kind}`);
  return result.change.need;
};

describe("correcting a need at the live table", () => {
  it("the organisation that raised it rewords or withdraws it; nobody else does", async () => {
    const { itemIds, meetingId } = await liveMeeting();
    const raised = needOf(
      await addNeed(rvdk, { key: key(), itemId: itemIds.A, text: "Wij hebben de schoolgegevens nodig." }, meta),
    );
    const edit = (user: SessionUser, version: number, text: string) =>
      editNeed(user, { key: key(), needId: raised.id, version, text }, meta);
    expect(await outcome(edit(police, 1, "Iets anders"))).toBe("forbidden:live.errors.notYourNeed");
    expect(await outcome(edit(chair, 1, "Iets anders"))).toBe("forbidden:live.errors.notYourNeed");
    // The identifier guard applies to the new wording as to the first.
    const edited = needOf(await edit(rvdk, 1, "Wij hebben de schoolgegevens en het verzuim nodig."));
    expect([edited.text, edited.version]).toEqual(["Wij hebben de schoolgegevens en het verzuim nodig.", 2]);
    expect(await outcome(edit(rvdk, 1, "Oude versie"))).toBe("conflict:live.errors.stale");
    expect(await outcome(withdrawNeed(police, { key: key(), needId: raised.id, version: 2 }, meta))).toBe(
      "forbidden:live.errors.notYourNeed",
    );
    const withdrawn = needOf(await withdrawNeed(rvdk, { key: key(), needId: raised.id, version: 2 }, meta));
    expect(withdrawn.status).toBe("WITHDRAWN");
    // Withdrawn is not open: it cannot be taken up or changed, and the item closes without asking.
    expect(
      await outcome(
        addressNeed(
          police,
          { key: key(), needId: raised.id, version: 3, addressedByOrganisationId: police.organisation.id, note: "" },
          meta,
        ),
      ),
    ).toBe("conflict:live.errors.stale");
    expect(await outcome(closeItem(chair, meetingId, { itemId: itemIds.A, confirmOpenNeeds: false }, meta))).toBe("ok");
    const audit = await prisma.auditEvent.findMany({
      where: { subjectId: raised.id, action: { in: ["live.need.edited", "live.need.withdrawn"] } },
      select: { action: true, actorUserId: true },
    });
    expect(audit).toEqual([
      { action: "live.need.edited", actorUserId: rvdk.id },
      { action: "live.need.withdrawn", actorUserId: rvdk.id },
    ]);
  });

  it("only the organisation that takes a need up records it; the chair may, shown as on its behalf", async () => {
    const { itemIds, org } = await liveMeeting();
    const first = needOf(await addNeed(rvdk, { key: key(), itemId: itemIds.A, text: "Wie spreekt de ouders?" }, meta));
    const second = needOf(await addNeed(rvdk, { key: key(), itemId: itemIds.A, text: "Wie belt school?" }, meta));
    const address = (user: SessionUser, needId: string, by: string) =>
      addressNeed(user, { key: key(), needId, version: 1, addressedByOrganisationId: by, note: "" }, meta);
    // The police cannot say the Board takes it up.
    expect(await outcome(address(police, first.id, org.RvdK as string))).toBe(
      "forbidden:live.errors.notYourOrganisation",
    );
    const own = needOf(await address(police, first.id, org.POL as string));
    expect([own.status, own.addressedByOrganisationId, own.addressedOnBehalf]).toEqual(["ADDRESSED", org.POL, false]);
    const onBehalf = needOf(await address(chair, second.id, org.POL as string));
    expect([onBehalf.addressedByOrganisationId, onBehalf.addressedOnBehalf]).toEqual([org.POL, true]);
    const stored = await prisma.need.findUniqueOrThrow({ where: { id: second.id } });
    expect([stored.addressedOnBehalf, stored.addressedById]).toEqual([true, chair.id]);
  });
});

describe("correcting a decision at the live table", () => {
  it("the chair corrects the wording until the item closes; the earlier wording is kept for the minutes", async () => {
    const { itemIds, meetingId, org } = await liveMeeting();
    const recorded = await addDecision(
      chair,
      {
        key: key(),
        itemId: itemIds.A,
        text: "Politie neemt de regie.",
        dissents: [{ organisationId: org.RvdK as string, reason: "Eerst onderzoek." }],
      },
      meta,
    );
    if (recorded.change.kind !== "decision") throw new Error("not a decision");
    const id = recorded.change.decision.id;
    const correct = (user: SessionUser, version: number, text: string) =>
      correctDecision(user, { key: key(), decisionId: id, version, text }, meta);
    expect(await outcome(correct(police, 1, "Iets anders"))).toBe("forbidden:live.errors.chairOnly");
    const corrected = await correct(chair, 1, "Politie neemt de regie; Veilig Thuis volgt de veiligheid.");
    if (corrected.change.kind !== "decision") throw new Error("not a decision");
    expect(corrected.change.decision).toMatchObject({
      text: "Politie neemt de regie; Veilig Thuis volgt de veiligheid.",
      earlierTexts: ["Politie neemt de regie."],
      dissents: [{ organisationId: org.RvdK, reason: "Eerst onderzoek." }],
      version: 2,
    });
    expect(await outcome(correct(chair, 1, "Op een oude versie"))).toBe("conflict:live.errors.stale");
    await closeItem(chair, meetingId, { itemId: itemIds.A, confirmOpenNeeds: false }, meta);
    expect(await outcome(correct(chair, 2, "Na het sluiten"))).toBe("rule:live.errors.itemClosed");
    await endMeeting(chair, meetingId, meta);
    const minutes = await getMinutes(chair, meetingId, meta);
    if (!minutes.available) throw new Error("no minutes");
    const decision = minutes.content.items.find((i) => i.decisions.length > 0)?.decisions[0];
    expect(decision?.earlierTexts).toEqual(["Politie neemt de regie."]);
  });
});

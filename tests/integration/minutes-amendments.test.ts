import { randomUUID } from "node:crypto";

import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { answerOffer } from "~/domain/actions/action-corrections.server";
import { actionsCalendar, actionsCsv } from "~/domain/actions/action-exports.server";
import { actionQuerySchema } from "~/domain/actions/action.schema";
import { listActions, overdueActionCount } from "~/domain/actions/actions.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { DomainError } from "~/domain/errors.server";
import { addAction, addDecision, endMeeting } from "~/domain/live/live.server";
import { amendAction, amendDecision } from "~/domain/minutes/minutes-amendments.server";
import { approveMinutes, getMinutes } from "~/domain/minutes/minutes.server";
import { translator } from "~/i18n/translate.server";

import { liveMeeting } from "../support/live-meeting";
import { outcome } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.52" };
let chair: SessionUser;
let rvdk: SessionUser;
let police: SessionUser;
let probation: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [chair, rvdk, police, probation] = await Promise.all([
    sessionUser("voorzitter@veiligthuis.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@reclassering.demo"),
  ]);
});

/** A finished meeting with one Board action and one decision at item A's table, minutes approved. */
async function approvedMeeting() {
  const { meetingId, itemIds } = await liveMeeting();
  const description = `Raadsonderzoek starten ${itemIds.A}`;
  const added = await addAction(
    rvdk,
    {
      key: randomUUID(),
      itemId: itemIds.A,
      description,
      ownerOrganisationId: rvdk.organisation.id,
      ownerUserId: "",
      dueDate: "2099-03-01",
    },
    meta,
  );
  await addDecision(chair, { key: randomUUID(), itemId: itemIds.A, text: "De Raad onderzoekt.", dissents: [] }, meta);
  await endMeeting(chair, meetingId, meta);
  // Approving asks for confirmation first (and only the chair is told so).
  expect(await outcome(approveMinutes(police, meetingId, meta, false))).toBe("not_found:errors.notFound");
  expect(await outcome(approveMinutes(chair, meetingId, meta, false))).toBe("rule:minutes.errors.confirmApproval");
  expect((await prisma.minutes.findUnique({ where: { meetingId } }))?.status ?? "DRAFT").toBe("DRAFT");
  await approveMinutes(chair, meetingId, meta, true);
  const actionId = added.change.kind === "action" ? added.change.action.id : "";
  const decision = await prisma.decision.findFirstOrThrow({ where: { agendaItemId: itemIds.A } });
  return { meetingId, itemIds, actionId, description, decision };
}

const all = actionQuerySchema.parse({ view: "all" });

describe("an amendment to approved minutes that corrects an action", () => {
  it("moves the due date everywhere the action shows: /acties, CSV, .ics, the overdue flag; the minutes say who, when, why", async () => {
    const { meetingId, actionId, description } = await approvedMeeting();
    // Weeks later the due date has passed: the start page counts it as overdue.
    await prisma.action.update({ where: { id: actionId }, data: { dueDate: new Date("2026-01-10T00:00:00Z") } });
    const overdueBefore = await overdueActionCount(rvdk);
    const amend = (user: SessionUser, fields: Partial<Parameters<typeof amendAction>[2]> = {}) =>
      amendAction(
        user,
        meetingId,
        {
          actionId,
          version: 1,
          description,
          dueDate: "2099-03-15",
          ownerOrganisationId: rvdk.organisation.id,
          reason: "De datum was verkeerd genoteerd.",
          ...fields,
        },
        meta,
      );
    // Only the chair amends; a date in the past is refused at the field.
    expect(await outcome(amend(rvdk))).toBe("not_found:errors.notFound");
    const past = await amend(chair, { dueDate: "2026-01-11" }).catch((e: unknown) => e);
    expect(past instanceof DomainError ? past.extra.fields : null).toEqual({
      dueDate: { key: "actions.errors.dueInPast" },
    });
    await amend(chair);
    expect(await overdueActionCount(rvdk)).toBe(overdueBefore - 1);

    const listed = (await listActions(rvdk, all, meta)).actions.find((a) => a.id === actionId);
    expect(listed?.dueDate).toBe("2099-03-15");
    expect(listed?.overdue).toBe(false);
    expect(listed?.updates.at(-1)).toMatchObject({
      kind: "CORRECTION",
      via: "MINUTES",
      byName: chair.name,
      note: "De datum was verkeerd genoteerd.",
      changes: { dueDate: { from: "2026-01-10", to: "2099-03-15" } },
    });
    const csv = await actionsCsv(rvdk, all, await translator("nl"), meta);
    const row = csv.body.split("\r\n").find((l) => l.includes(description)) ?? "";
    expect(row).toContain(";15-03-2099;");
    expect(row).toContain(`${chair.name} via het verslag: De datum was verkeerd genoteerd.`);
    const ics = await actionsCalendar(rvdk, "https://ao.example", await translator("nl"), meta);
    const event = new ICAL.Component(ICAL.parse(ics.body))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === `action-${actionId}@actie-overleg`);
    expect(event?.startDate.toString()).toBe("2099-03-15");

    // The minutes show the amendment beside the approved text, to the tables that saw the item.
    const minutes = await getMinutes(police, meetingId, meta);
    const shown = minutes.available ? minutes.amendments : [];
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      kind: "ACTION",
      byName: chair.name,
      reason: "De datum was verkeerd genoteerd.",
      changes: { about: description, action: { dueDate: { from: "2026-01-10", to: "2099-03-15" } } },
    });
    const forProbation = await getMinutes(probation, meetingId, meta);
    expect(forProbation.available ? forProbation.amendments : null).toEqual([]);
    expect(JSON.stringify(forProbation)).not.toContain(description);
  });

  it("moving it to another organisation is an offer that organisation answers on /acties", async () => {
    const { meetingId, actionId, description } = await approvedMeeting();
    await amendAction(
      chair,
      meetingId,
      {
        actionId,
        version: 1,
        description,
        dueDate: "2099-03-01",
        ownerOrganisationId: police.organisation.id,
        reason: "De politie voert dit uit.",
      },
      meta,
    );
    const offered = (await listActions(police, all, meta)).offered.find((a) => a.id === actionId);
    expect(offered?.ownerOrganisationId).toBe(rvdk.organisation.id);
    const minutes = await getMinutes(chair, meetingId, meta);
    expect(minutes.available ? minutes.amendments[0]?.changes : null).toEqual({
      about: description,
      action: { offeredTo: "POL" },
    });
    // Probation was not at the table: it cannot answer for the police, and sees nothing offered.
    expect(await outcome(answerOffer(probation, { actionId, version: 2, answer: "accept" }, meta))).toBe(
      "not_found:errors.notFound",
    );
    expect((await listActions(probation, all, meta)).offered).toEqual([]);
    await answerOffer(police, { actionId, version: 2, answer: "accept" }, meta);
    const owned = (await listActions(police, all, meta)).actions.find((a) => a.id === actionId);
    expect(owned?.updates.at(-1)).toMatchObject({
      kind: "CORRECTION",
      via: "ACTIONS",
      changes: { ownerOrganisation: { from: "RvdK", to: "POL" } },
    });
    expect((await listActions(rvdk, all, meta)).actions.find((a) => a.id === actionId)).toBeUndefined();
  });
});

describe("an amendment that corrects a decision", () => {
  it("rewords it, keeps the earlier wording, and is refused on a stale version or by anyone but the chair", async () => {
    const { meetingId, decision } = await approvedMeeting();
    const amend = (user: SessionUser, version: number) =>
      amendDecision(
        user,
        meetingId,
        { decisionId: decision.id, version, text: "De Raad start een beschermingsonderzoek.", reason: "Preciezer." },
        meta,
      );
    expect(await outcome(amend(police, 1))).toBe("not_found:errors.notFound");
    expect(await outcome(amend(chair, 7))).toBe("conflict:minutes.errors.stale");
    await amend(chair, 1);
    const stored = await prisma.decision.findUniqueOrThrow({ where: { id: decision.id } });
    expect([stored.text, stored.earlierTexts]).toEqual([
      "De Raad start een beschermingsonderzoek.",
      ["De Raad onderzoekt."],
    ]);
    const minutes = await getMinutes(rvdk, meetingId, meta);
    expect(minutes.available ? minutes.amendments.map((a) => a.changes) : null).toEqual([
      {
        about: "De Raad onderzoekt.",
        decision: { text: { from: "De Raad onderzoekt.", to: "De Raad start een beschermingsonderzoek." } },
      },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "minutes.amended", subjectId: meetingId } })).toBe(1);
  });
});

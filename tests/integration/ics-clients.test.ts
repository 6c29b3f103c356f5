/**
 * Our calendar files as another program reads them: parsed with ical.js (Mozilla's parser, used by
 * Thunderbird; none of us wrote it), not compared as text.
 */
import { randomUUID } from "node:crypto";

import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { actionsCalendar } from "~/domain/actions/action-exports.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { addAction, correctAction } from "~/domain/live/live.server";
import { meetingCalendar } from "~/domain/meetings/meeting-calendar.server";
import { translator } from "~/i18n/translate.server";

import { liveMeeting } from "../support/live-meeting";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.51" };
let rvdk: SessionUser;
let police: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [rvdk, police] = await Promise.all([sessionUser("medewerker@rvdk.demo"), sessionUser("medewerker@politie.demo")]);
});

function events(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  expect(calendar.name).toBe("vcalendar");
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("calendar files in ical.js", () => {
  it("the actions calendar: one all-day event per open action, titled with what it is, the owner labelled, a correction marked", async () => {
    const { itemIds } = await liveMeeting();
    const add = (description: string, ownerUserId: string) =>
      addAction(
        rvdk,
        {
          key: randomUUID(),
          itemId: itemIds.A,
          description,
          ownerOrganisationId: rvdk.organisation.id,
          ownerUserId,
          dueDate: "2099-03-02",
        },
        meta,
      );
    const named = await add(`Raadsonderzoek starten ${itemIds.A}`, rvdk.id);
    await add(`Schoolcontact leggen ${itemIds.A}`, "");
    const id = named.change.kind === "action" ? named.change.action.id : "";
    await correctAction(
      rvdk,
      {
        key: randomUUID(),
        actionId: id,
        version: 1,
        description: `Raadsonderzoek starten ${itemIds.A}`,
        ownerOrganisationId: rvdk.organisation.id,
        ownerUserId: rvdk.id,
        dueDate: "2099-03-09",
      },
      meta,
    );
    const { body } = await actionsCalendar(rvdk, "https://ao.example", await translator("nl"), meta);
    const mine = events(body).filter((e) => e.description.includes(itemIds.A));
    expect(mine).toHaveLength(2);
    const corrected = mine.find((e) => e.uid === `action-${id}@actie-overleg`);
    expect(corrected?.summary).toMatch(/^AO-\d{4}-\d{4,}: Raadsonderzoek starten/);
    expect(corrected?.startDate.isDate).toBe(true);
    expect(corrected?.startDate.toString()).toBe("2099-03-09");
    expect(corrected?.description).toContain(`Eigenaar (organisatie): ${rvdk.organisation.name}`);
    expect(corrected?.description).toContain(`Eigenaar (persoon): ${rvdk.name}`);
    expect(corrected?.description).toContain(`Gewijzigd: `);
    expect(corrected?.description).toContain(`${rvdk.name} aan tafel`);
    const unnamed = mine.find((e) => e.uid !== corrected?.uid);
    // Nobody named: the person is "nobody", not the organisation under the person's label.
    expect(unnamed?.description).toContain("Eigenaar (persoon): Niemand toegewezen");
    expect(unnamed?.description).not.toContain("Gewijzigd");
    // The police own none of them: their calendar has none of these events.
    const theirs = await actionsCalendar(police, "https://ao.example", await translator("nl"), meta);
    expect(events(theirs.body).filter((e) => e.description.includes(itemIds.A))).toEqual([]);
  });

  it("the meeting calendar: one timed event in UTC, with its place and link, no case content", async () => {
    const { meetingId } = await liveMeeting({ start: false });
    const { body } = await meetingCalendar(police, meetingId, "https://ao.example", meta);
    const [event, ...more] = events(body);
    expect(more).toEqual([]);
    expect(event?.uid).toBe(`${meetingId}@actie-overleg`);
    expect(event?.summary).toBe("Live overleg");
    expect(event?.location).toBe("ZVH, zaal 1");
    expect(event?.startDate.isDate).toBe(false);
    expect(event?.startDate.zone.tzid).toBe("UTC");
    expect(event?.duration.toSeconds()).toBe(45 * 60);
    expect(event?.description).toBe(`https://ao.example/overleggen/${meetingId}`);
    expect(body).not.toContain("Vraag A");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/db.server";
import { publishMeeting } from "~/domain/meetings/meetings.server";

import { Browserish } from "../support/http-client";
import { meetingWithTables } from "../support/live-meeting";
import type { TestServer } from "../support/test-server";
import { startDemoServer } from "../support/test-server";
import { sessionUser } from "../support/users";

let server: TestServer;
let meetingId: string;
let reference: string;
const as: Record<string, Browserish> = {};
const meta = { clientAddress: null };

beforeAll(async () => {
  server = await startDemoServer(); // seeds the demo data this file uses
  const meeting = await meetingWithTables({
    title: "Actie-overleg Westerduin",
    startsAt: new Date("2026-12-03T09:00:00Z"), // 10:00 in Amsterdam (CET, UTC+1)
    durationMinutes: 90,
    location: "ZVH, zaal 2",
    items: { A: { table: ["POL"], question: "Wie neemt de regie?", timeboxMinutes: 15 } },
    invited: ["POL", "RECL"],
    state: "draft",
  });
  meetingId = meeting.meetingId;
  reference = meeting.references.A;
  for (const email of ["voorzitter@veiligthuis.demo", "medewerker@politie.demo", "admin@actie-overleg.demo"]) {
    as[email] = new Browserish(server.url);
    await as[email].login(email);
  }
});
afterAll(async () => {
  await server?.stop();
});

describe("administration", () => {
  it("the admin page is for platform admins only", async () => {
    expect((await as["admin@actie-overleg.demo"]!.get("/beheer/overleggen")).status).toBe(200);
    expect((await as["voorzitter@veiligthuis.demo"]!.get("/beheer/overleggen")).status).toBe(403);
    const post = await as["voorzitter@veiligthuis.demo"]!.post("/beheer/overleggen", { meetingId, chairId: "x" });
    expect(post.status).toBe(403);
  });
});

describe("the meeting's calendar file", () => {
  it("is the chair's alone while the meeting is a draft", async () => {
    expect((await as["voorzitter@veiligthuis.demo"]!.get(`/overleggen/${meetingId}.ics`)).status).toBe(200);
    expect((await as["medewerker@politie.demo"]!.get(`/overleggen/${meetingId}.ics`)).status).toBe(404);
  });

  it("once published, invitees download it: UTC times, no agenda content; others get 404", async () => {
    await publishMeeting(await sessionUser("voorzitter@veiligthuis.demo"), meetingId, meta);
    const response = await as["medewerker@politie.demo"]!.get(`/overleggen/${meetingId}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="actie-overleg-2026-12-03.ics"');
    const body = await response.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("DTSTART:20261203T090000Z");
    expect(body).toContain("DURATION:PT90M");
    expect(body).toContain("SUMMARY:Actie-overleg Westerduin");
    expect(body).not.toContain(reference);
    expect(body).not.toContain("regie");

    expect((await as["admin@actie-overleg.demo"]!.get(`/overleggen/${meetingId}.ics`)).status).toBe(404);
    expect((await new Browserish(server.url).get(`/overleggen/${meetingId}.ics`)).status).toBe(302);
    expect((await as["medewerker@politie.demo"]!.get(`/overleggen/bestaat-niet.ics`)).status).toBe(404);
    expect(
      await prisma.auditEvent.count({ where: { action: "meeting.calendar.downloaded", subjectId: meetingId } }),
    ).toBe(2);
  });
});

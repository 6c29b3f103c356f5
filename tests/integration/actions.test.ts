import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { actionsCalendar, actionsCsv } from "~/domain/actions/action-exports.server";
import { actionQuerySchema, actionUpdateSchema } from "~/domain/actions/action.schema";
import { amsterdamToday, listActions, overdueActionCount, updateAction } from "~/domain/actions/actions.server";
import { actionsForAgenda } from "~/domain/actions/agenda-actions.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { DomainError } from "~/domain/errors.server";
import { actionSchema, earlierActionSchema } from "~/domain/live/live.schema";
import { addAction, endMeeting, loadBoard, updateEarlierAction } from "~/domain/live/live.server";
import { startReferrals } from "~/domain/referrals/referral-start.server";
import { translator } from "~/i18n/translate.server";
import { fieldErrorsFrom } from "~/utils/form-errors";
import { actionsUrl } from "~/utils/url-words";

import { liveMeeting, meetingWithTables } from "../support/live-meeting";
import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.20" };
// Wednesday 2 December 2026, 10:00 in Amsterdam: the week runs from Monday 30 Nov to Sunday 6 Dec.
const NOW = new Date("2026-12-02T09:00:00Z");
const AGREED = new Date("2026-11-20T10:00:00Z");
let rvdk: SessionUser;
let police: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [rvdk, police] = await Promise.all([sessionUser("medewerker@rvdk.demo"), sessionUser("medewerker@politie.demo")]);
});

/** A finished meeting in which the Board took three actions (due last week, this week, next month). */
async function meetingWithBoardActions() {
  const { meetingId, itemIds, org, chair } = await liveMeeting();
  const ids: Record<string, string> = {};
  for (const [name, dueDate] of [
    ["overdue", "2026-11-27"],
    ["thisWeek", "2026-12-04"],
    ["later", "2027-01-15"],
  ] as const) {
    const result = await addAction(
      rvdk,
      actionSchema.parse({
        key: randomUUID(),
        itemId: itemIds.A,
        description: `Actie ${name} ${meetingId}`,
        ownerOrganisationId: org.RvdK,
        ownerUserId: name === "later" ? rvdk.id : "",
        dueDate,
      }),
      // Agreed at a table before the first due date (a due date in the past is refused).
      { ...meta, now: AGREED },
    );
    if (result.change.kind === "action") ids[name] = result.change.action.id;
  }
  await endMeeting(chair, meetingId, meta);
  return { meetingId, ids, org, chair };
}

/** As the route reads /acties?weergave=&casus=&overleg=&eigenaar= (url-words.ts). */
const query = (q: Record<string, string> = {}) => actionQuerySchema.parse(actionsUrl.read(new URLSearchParams(q)));
const update = (fields: Record<string, unknown>) =>
  actionUpdateSchema.parse({ closeReason: "", ownerUserId: "", note: "", ...fields });

describe("/acties: my organisation's actions", () => {
  it("lists only the owning organisation's actions, by view, earliest due first", async () => {
    const { meetingId } = await meetingWithBoardActions();
    const mine = (view: string) =>
      listActions(rvdk, query({ weergave: view, overleg: meetingId }), { ...meta, now: NOW }).then((r) =>
        r.actions.map((a) => a.description.split(" ")[1]),
      );
    expect(await mine("open")).toEqual(["overdue", "thisWeek", "later"]);
    expect(await mine("week")).toEqual(["thisWeek"]);
    expect(await mine("overdue")).toEqual(["overdue"]);
    expect(await mine("done")).toEqual([]);
    // The police were at the table, but the actions are the Board's.
    expect((await listActions(police, query({ overleg: meetingId }), { ...meta, now: NOW })).actions).toEqual([]);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "action.list.viewed", actorUserId: rvdk.id } });
    expect(audit).not.toBeNull();
  });

  it("filters by case, meeting and owner; unknown query values fall back to defaults", async () => {
    const { meetingId } = await meetingWithBoardActions();
    const owned = await listActions(rvdk, query({ overleg: meetingId, eigenaar: rvdk.id }), { ...meta, now: NOW });
    expect(owned.actions.map((a) => a.description.split(" ")[1])).toEqual(["later"]);
    const nobody = await listActions(rvdk, query({ overleg: meetingId, eigenaar: "niemand" }), { ...meta, now: NOW });
    expect(nobody.actions).toHaveLength(2);
    const reference = owned.actions[0]?.caseReference as string;
    const byCase = await listActions(rvdk, query({ casus: reference }), { ...meta, now: NOW });
    expect(new Set(byCase.actions.map((a) => a.caseReference))).toEqual(new Set([reference]));
    expect(query({ weergave: "<script>" }).view).toBe("open");
  });

  it("closing needs a reason and a note; 'not done' and 'no longer possible' stay distinct; closed is final", async () => {
    const { ids } = await meetingWithBoardActions();
    const missing = actionUpdateSchema.safeParse({ actionId: ids.overdue, version: 1, status: "DONE", note: "" });
    expect(missing.success ? {} : fieldErrorsFrom(missing.error.issues)).toEqual({
      closeReason: { key: "actions.errors.reasonRequired", values: {} },
      note: { key: "actions.errors.noteRequired", values: {} },
    });
    const close = (id: string, closeReason: string, note: string) =>
      updateAction(rvdk, update({ actionId: id, version: 1, status: "DONE", closeReason, note }), {
        ...meta,
        now: NOW,
      });
    expect(
      await close(ids.overdue as string, "NO_LONGER_POSSIBLE", "Gezin is verhuisd naar een andere regio."),
    ).toEqual({
      ok: true,
    });
    expect(await close(ids.thisWeek as string, "NOT_DONE", "Geen capaciteit deze week.")).toEqual({ ok: true });
    const rows = await prisma.action.findMany({ where: { id: { in: [ids.overdue, ids.thisWeek] as string[] } } });
    expect(rows.map((r) => [r.status, r.closeReason]).sort()).toEqual([
      ["DONE", "NOT_DONE"],
      ["DONE", "NO_LONGER_POSSIBLE"],
    ]);
    const history = await prisma.actionUpdate.findMany({ where: { actionId: ids.overdue } });
    expect(history.map((h) => [h.byName, h.closeReason, h.note])).toEqual([
      [rvdk.name, "NO_LONGER_POSSIBLE", "Gezin is verhuisd naar een andere regio."],
    ]);
    let refused: unknown = null;
    try {
      await updateAction(rvdk, update({ actionId: ids.overdue, version: 2, status: "OPEN" }), meta);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(await prisma.auditEvent.count({ where: { action: "action.closed", subjectId: ids.overdue } })).toBe(1);
  });

  it("only the owning organisation updates; a stale version comes back with the current state", async () => {
    const { ids } = await meetingWithBoardActions();
    expect(
      await thrownStatus(
        updateAction(police, update({ actionId: ids.later, version: 1, status: "IN_PROGRESS" }), meta),
      ),
    ).toBe(404);
    expect(
      await updateAction(
        rvdk,
        update({ actionId: ids.later, version: 1, status: "IN_PROGRESS", note: "Gestart" }),
        meta,
      ),
    ).toEqual({ ok: true });
    const stale = await updateAction(rvdk, update({ actionId: ids.later, version: 1, status: "OPEN" }), meta);
    expect(stale).toMatchObject({ ok: false, current: { status: "IN_PROGRESS", version: 2 } });
  });

  it("reassigns only within the owning organisation", async () => {
    const { ids } = await meetingWithBoardActions();
    let refused: unknown = null;
    try {
      await updateAction(
        rvdk,
        update({ actionId: ids.later, version: 1, status: "OPEN", ownerUserId: police.id }),
        meta,
      );
    } catch (error) {
      refused = error;
    }
    expect((refused as DomainError).key).toBe("actions.errors.ownerNotInOrganisation");
    await updateAction(rvdk, update({ actionId: ids.later, version: 1, status: "OPEN", ownerUserId: "" }), meta);
    expect((await prisma.action.findUniqueOrThrow({ where: { id: ids.later } })).ownerUserId).toBeNull();
  });

  it("counts overdue actions for the start page by the Amsterdam calendar", async () => {
    await meetingWithBoardActions();
    const before = await overdueActionCount(rvdk, NOW);
    expect(before).toBeGreaterThanOrEqual(1);
    // 4 Dec 23:30 UTC is already 5 December in Amsterdam: "this week" (due 4 Dec) is now overdue too.
    expect(await overdueActionCount(rvdk, new Date("2026-12-04T23:30:00Z"))).toBeGreaterThan(before);
    expect(await overdueActionCount(police, NOW)).toBe(0);
    // The start page counts the same inside its one statement.
    const startCount = async (user: SessionUser, now: Date) =>
      (await startReferrals(user, now, amsterdamToday(now).toISOString().slice(0, 10))).overdueActions;
    for (const [user, now] of [
      [rvdk, NOW],
      [rvdk, new Date("2026-12-04T23:30:00Z")],
      [police, NOW],
    ] as const)
      expect(await startCount(user, now)).toBe(await overdueActionCount(user, now));
  });
});

describe("/acties?bereik=mijn-overleggen: the chair reads every organisation's actions of her meetings", () => {
  it("lists the Board's actions for the chair, read-only, with the owning organisation", async () => {
    const { meetingId, chair } = await meetingWithBoardActions();
    const chaired = await listActions(chair, query({ bereik: "mijn-overleggen", overleg: meetingId }), {
      ...meta,
      now: NOW,
    });
    expect(chaired.actions.map((a) => [a.description.split(" ")[1], a.ownerOrganisation, a.mayUpdate])).toEqual([
      ["overdue", "RvdK", false],
      ["thisWeek", "RvdK", false],
      ["later", "RvdK", false],
    ]);
    expect(chaired.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(chaired.meetings.map((m) => m.id)).toContain(meetingId);
    // Her own organisation's list does not hold them: Veilig Thuis does not own them.
    const own = await listActions(chair, query({ overleg: meetingId }), { ...meta, now: NOW });
    expect(own.actions).toEqual([]);
    const csv = await actionsCsv(
      chair,
      query({ bereik: "mijn-overleggen", overleg: meetingId }),
      await translator("nl"),
      {
        ...meta,
        now: NOW,
      },
    );
    expect(csv.body.split("\r\n").filter((l) => l.includes(meetingId))).toHaveLength(3);
    expect(csv.body).toContain(";RvdK;");
  });

  it("refuses a member who is not a chair, and shows a chair nothing of meetings she does not chair", async () => {
    const { meetingId, chair } = await meetingWithBoardActions();
    expect(await thrownStatus(listActions(rvdk, query({ bereik: "mijn-overleggen" }), meta))).toBe(403);
    expect(
      await thrownStatus(actionsCsv(police, query({ bereik: "mijn-overleggen" }), await translator("nl"), meta)),
    ).toBe(403);
    const otherChair = { ...chair, id: randomUUID() };
    const theirs = await listActions(otherChair, query({ bereik: "mijn-overleggen", overleg: meetingId }), meta);
    expect(theirs.actions).toEqual([]);
    expect(theirs.counts.all).toBe(0);
  });
});

describe("open actions at the top of the next agenda", () => {
  it("shows the case's open actions and those closed since, with history, to the organisations at its table", async () => {
    const { meetingId, ids, org } = await meetingWithBoardActions();
    await updateAction(
      rvdk,
      update({ actionId: ids.thisWeek, version: 1, status: "DONE", closeReason: "NOT_DONE", note: "Geen capaciteit." }),
      meta,
    );
    const item = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId, tables: { some: { organisationId: org.RvdK } } },
      select: { case: { select: { reference: true } } },
    });
    const next = await meetingWithTables({
      title: "Vervolgoverleg",
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      items: { A: { table: ["RvdK"], caseReference: item.case.reference, question: "Hoe staat het ervoor?" } },
      invited: ["POL", "RvdK"],
    });
    const forBoard = await actionsForAgenda(rvdk, next.meetingId);
    expect(forBoard.map((g) => g.reference)).toEqual([item.case.reference]);
    const shown = forBoard[0]?.actions.map((a) => [a.description.split(" ")[1], a.status, a.closeReason, a.mayUpdate]);
    expect(shown).toEqual([
      ["overdue", "OPEN", null, true],
      ["thisWeek", "DONE", "NOT_DONE", true],
      ["later", "OPEN", null, true],
    ]);
    expect(forBoard[0]?.actions[1]?.updates.map((u) => u.note)).toEqual(["Geen capaciteit."]);
    // The police are invited but not at this case's table: nothing of it.
    expect(await actionsForAgenda(police, next.meetingId)).toEqual([]);
    // Probation is not invited at all.
    const recl = await sessionUser("medewerker@reclassering.demo");
    expect(await thrownStatus(actionsForAgenda(recl, next.meetingId))).toBe(404);
  });
});

describe("exports", () => {
  it("CSV for Dutch Excel: BOM, semicolons, Windows line ends, accents, dd-mm-jjjj, distinct reasons; audited", async () => {
    const { meetingId, ids } = await meetingWithBoardActions();
    await updateAction(
      rvdk,
      update({
        actionId: ids.overdue,
        version: 1,
        status: "DONE",
        closeReason: "NOT_DONE",
        note: "Café-overleg ging niet door; één keer verzet.",
      }),
      meta,
    );
    await updateAction(
      rvdk,
      update({
        actionId: ids.thisWeek,
        version: 1,
        status: "DONE",
        closeReason: "NO_LONGER_POSSIBLE",
        note: "Verhuisd.",
      }),
      meta,
    );
    const { filename, body } = await actionsCsv(
      rvdk,
      query({ weergave: "all", overleg: meetingId }),
      await translator("nl"),
      {
        ...meta,
        now: NOW,
      },
    );
    expect(filename).toMatch(/^acties-RvdK-2026-12-02\.csv$/);
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "Casus;Overleg;Actie;Eigenaar (organisatie);Eigenaar (persoon);Uiterlijk;Status;Reden van afsluiten;Laatste toelichting;Gewijzigd",
    );
    expect(lines).toHaveLength(4);
    const row = (name: string) => lines.find((l) => l.includes(`Actie ${name} `)) ?? "";
    // A note with a semicolon is quoted, accents intact; "not done" and "no longer possible" apart.
    expect(row("overdue")).toContain(
      ';27-11-2026;Afgesloten;Niet uitgevoerd;"Café-overleg ging niet door; één keer verzet."',
    );
    expect(row("thisWeek")).toContain(
      ";04-12-2026;Afgesloten;Niet meer nodig of mogelijk (omstandigheden gewijzigd);Verhuisd.",
    );
    expect(row("later")).toContain(`;${rvdk.name};15-01-2027;Open;;`);
    const english = await actionsCsv(
      rvdk,
      query({ weergave: "all", overleg: meetingId }),
      await translator("en"),
      meta,
    );
    expect(english.body.slice(1).split("\r\n")[0]).toContain("Case;Meeting;Action");
    // The police's export of the same meeting is empty: the actions are the Board's.
    const police1 = await actionsCsv(
      police,
      query({ weergave: "all", overleg: meetingId }),
      await translator("nl"),
      meta,
    );
    expect(police1.body.slice(1).split("\r\n").filter(Boolean)).toHaveLength(1);
    expect(
      await prisma.auditEvent.count({ where: { action: "action.exported", actorUserId: rvdk.id } }),
    ).toBeGreaterThan(0);
  });

  it("calendar: all-day events on the due dates of open actions only", async () => {
    const { ids } = await meetingWithBoardActions();
    await updateAction(
      rvdk,
      update({ actionId: ids.overdue, version: 1, status: "DONE", closeReason: "EXECUTED", note: "Gedaan." }),
      meta,
    );
    const { body } = await actionsCalendar(rvdk, "https://ao.example", await translator("nl"), { ...meta, now: NOW });
    expect(body).toContain("DTSTART;VALUE=DATE:20261204");
    expect(body).toContain("DTSTART;VALUE=DATE:20270115");
    expect(body).toContain(`UID:action-${ids.later}@actie-overleg`);
    expect(body).not.toContain(`UID:action-${ids.overdue}@actie-overleg`); // closed
  });
});

describe("earlier actions at the live table", () => {
  it("the next live meeting shows the case's earlier actions; the owning organisation updates them at the table", async () => {
    const { meetingId, ids, org } = await meetingWithBoardActions();
    const reference = (
      await prisma.agendaItem.findFirstOrThrow({
        where: { meetingId, tables: { some: { organisationId: org.RvdK } } },
        select: { case: { select: { reference: true } } },
      })
    ).case.reference;
    const next = await meetingWithTables({
      title: "Vervolg, live",
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      items: { A: { table: ["RvdK", "POL"], caseReference: reference, question: "Stand van zaken?" } },
      invited: ["POL", "RvdK", "RECL"],
      state: "live",
    });
    const board = await loadBoard(rvdk, next.meetingId, meta);
    const item = board.items[0];
    expect(item?.content?.board.earlierActions.map((a) => a.id).sort()).toEqual(
      [ids.overdue, ids.thisWeek, ids.later].sort(),
    );
    const input = (fields: Record<string, unknown>) =>
      earlierActionSchema.parse({
        key: randomUUID(),
        itemId: item?.id,
        actionId: ids.later,
        version: 1,
        status: "IN_PROGRESS",
        note: "Onderzoek loopt.",
        ...fields,
      });
    const outcome = async (user: SessionUser, fields: Record<string, unknown> = {}) => {
      try {
        await updateEarlierAction(user, input(fields), meta);
        return "ok";
      } catch (error) {
        if (error instanceof DomainError) return `${error.code}:${error.key}`;
        throw error;
      }
    };
    expect(await outcome(police)).toBe("forbidden:live.errors.notYourAction");
    const recl = await sessionUser("medewerker@reclassering.demo");
    expect(await outcome(recl)).toBe("not_found:live.errors.notFound");
    const result = await updateEarlierAction(rvdk, input({}), meta);
    expect(result.change).toMatchObject({
      kind: "earlierAction",
      action: { id: ids.later, status: "IN_PROGRESS", version: 2, updates: [{ note: "Onderzoek loopt." }] },
    });
    expect(await outcome(rvdk)).toBe("conflict:live.errors.stale");
    expect(
      earlierActionSchema.safeParse({
        key: randomUUID(),
        itemId: "x",
        actionId: "y",
        version: 2,
        status: "DONE",
        note: "",
      }).success,
    ).toBe(false);
    expect(await outcome(rvdk, { version: 2, status: "DONE", closeReason: "EXECUTED", note: "Afgerond." })).toBe("ok");
    const history = await prisma.actionUpdate.findMany({ where: { actionId: ids.later }, orderBy: { at: "asc" } });
    expect(history.map((h) => [h.status, h.closeReason])).toEqual([
      ["IN_PROGRESS", null],
      ["DONE", "EXECUTED"],
    ]);
  });
});

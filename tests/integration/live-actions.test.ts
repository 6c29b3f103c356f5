import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { answerOffer, correctOwnAction } from "~/domain/actions/action-corrections.server";
import { amsterdamToday, listActions, updateAction } from "~/domain/actions/actions.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { DomainError } from "~/domain/errors.server";
import { addAction, answerTransfer, correctAction, loadBoard } from "~/domain/live/live.server";
import { updateAgendaItem } from "~/domain/meetings/agenda-corrections.server";
import type { ActionView, WriteResult } from "~/realtime/events";

import { liveMeeting } from "../support/live-meeting";
import { outcome } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.42" };
const key = () => randomUUID();
let police: SessionUser;
let rvdk: SessionUser;
let probation: SessionUser;
let chair: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, probation, chair] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@reclassering.demo"),
    sessionUser("voorzitter@veiligthuis.demo"),
  ]);
});

const actionOf = (result: WriteResult): ActionView => {
  if (result.change.kind !== "action") throw new Error(`not an action: ${result.change.kind}`);
  return result.change.action;
};

const day = (offset: number) =>
  new Date(amsterdamToday(new Date()).getTime() + offset * 86_400_000).toISOString().slice(0, 10);

async function fieldErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { key: error.key, fields: error.extra.fields };
    throw error;
  }
  return null;
}

async function policeAction(itemId: string, dueDate = day(7)) {
  return actionOf(
    await addAction(
      police,
      {
        key: key(),
        itemId,
        description: "Politie deelt het meldingenoverzicht.",
        ownerOrganisationId: police.organisation.id,
        ownerUserId: "",
        dueDate,
      },
      meta,
    ),
  );
}

describe("an action's due date at the table", () => {
  it("is refused in the past, next to the date field, when it is added or moved there", async () => {
    const { itemIds } = await liveMeeting();
    const refused = await fieldErrorOf(policeAction(itemIds.A, day(-1)));
    expect(refused).toEqual({
      key: "actions.errors.dueInPast",
      fields: { dueDate: { key: "actions.errors.dueInPast" } },
    });
    expect(await prisma.action.count({ where: { agendaItemId: itemIds.A } })).toBe(0);
    const today = await policeAction(itemIds.A, day(0));
    const moved = correctAction(
      police,
      {
        key: key(),
        actionId: today.id,
        version: 1,
        description: today.description,
        ownerOrganisationId: police.organisation.id,
        ownerUserId: "",
        dueDate: day(-3),
      },
      meta,
    );
    expect((await fieldErrorOf(moved))?.fields).toEqual({ dueDate: { key: "actions.errors.dueInPast" } });
  });
});

describe("correcting an action at the live table", () => {
  it("the owning organisation changes text, date and colleague; the history says from what to what", async () => {
    const { itemIds } = await liveMeeting();
    const action = await policeAction(itemIds.A);
    const colleague = await prisma.user.findFirstOrThrow({
      where: { organisationId: police.organisation.id },
      select: { id: true, name: true },
    });
    const input = {
      actionId: action.id,
      description: "Politie deelt het meldingenoverzicht van de laatste twee jaar.",
      ownerOrganisationId: police.organisation.id,
      ownerUserId: colleague.id,
      dueDate: day(14),
    };
    // Not the owner and not the chair: refused, nothing written.
    expect(await outcome(correctAction(rvdk, { key: key(), version: 1, ...input }, meta))).toBe(
      "forbidden:live.errors.notYourAction",
    );
    const corrected = actionOf(await correctAction(police, { key: key(), version: 1, ...input }, meta));
    expect(corrected).toMatchObject({
      description: input.description,
      dueDate: day(14),
      ownerUserId: colleague.id,
      ownerName: colleague.name,
      version: 2,
      transferToOrganisationId: null,
      corrected: { byName: police.name, via: "TABLE" },
    });
    // A second save from the version the first started from is detected, not written over it.
    expect(await outcome(correctAction(police, { key: key(), version: 1, ...input, dueDate: day(21) }, meta))).toBe(
      "conflict:live.errors.stale",
    );
    // Saving what is already there says so, and writes no history line.
    expect(await outcome(correctAction(police, { key: key(), version: 2, ...input }, meta))).toBe(
      "rule:actions.errors.nothingChanged",
    );
    const history = await prisma.actionUpdate.findMany({
      where: { actionId: action.id },
      select: { kind: true, via: true, changes: true },
    });
    expect(history).toEqual([
      {
        kind: "CORRECTION",
        via: "TABLE",
        changes: {
          description: { from: action.description, to: input.description },
          dueDate: { from: day(7), to: day(14) },
          ownerUser: { from: null, to: colleague.name },
        },
      },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "live.action.corrected", subjectId: action.id } })).toBe(1);
  });

  it("moving it to another organisation at the table waits for that organisation to take it over", async () => {
    const { itemIds, meetingId, org } = await liveMeeting();
    const action = await policeAction(itemIds.A);
    const base = { actionId: action.id, description: action.description, ownerUserId: "", dueDate: action.dueDate };
    // Probation is invited but not at this item's table: it cannot be given the action.
    const notAtTable = await fieldErrorOf(
      correctAction(police, { key: key(), version: 1, ...base, ownerOrganisationId: org.RECL as string }, meta),
    );
    expect(notAtTable?.fields).toEqual({ ownerOrganisationId: { key: "actions.errors.notAtTable" } });
    const offered = actionOf(
      await correctAction(police, { key: key(), version: 1, ...base, ownerOrganisationId: rvdk.organisation.id }, meta),
    );
    expect([offered.ownerOrganisationId, offered.transferToOrganisationId]).toEqual([
      police.organisation.id,
      rvdk.organisation.id,
    ]);
    // Only the organisation it was offered to answers; for anyone else there is nothing there.
    expect(
      await outcome(answerTransfer(police, { key: key(), actionId: action.id, version: 2, accept: true }, meta)),
    ).toBe("not_found:live.errors.notFound");
    expect(
      await outcome(answerTransfer(chair, { key: key(), actionId: action.id, version: 2, accept: true }, meta)),
    ).toBe("not_found:live.errors.notFound");
    // The Board sees it offered on its board, and may answer.
    const board = await loadBoard(rvdk, meetingId, meta);
    const seen = board.items.find((i) => i.id === itemIds.A)?.content;
    expect(seen?.board.actions.find((a) => a.id === action.id)?.transferToOrganisationId).toBe(rvdk.organisation.id);
    expect(seen?.can.answerOffersFor).toEqual([rvdk.organisation.id]);
    const taken = actionOf(
      await answerTransfer(rvdk, { key: key(), actionId: action.id, version: 2, accept: true }, meta),
    );
    expect([taken.ownerOrganisationId, taken.transferToOrganisationId, taken.ownerUserId]).toEqual([
      rvdk.organisation.id,
      null,
      null,
    ]);
    // From now on the Board owns it; the police no longer corrects it.
    expect(
      await outcome(
        correctAction(
          police,
          { key: key(), version: 3, ...base, ownerOrganisationId: rvdk.organisation.id, dueDate: day(30) },
          meta,
        ),
      ),
    ).toBe("forbidden:live.errors.notYourAction");
    const kinds = await prisma.actionUpdate.findMany({
      where: { actionId: action.id },
      orderBy: { at: "asc" },
      select: { kind: true, byName: true, changes: true },
    });
    expect(kinds).toEqual([
      { kind: "TRANSFER_OFFERED", byName: police.name, changes: { ownerOrganisation: { from: "POL", to: "RvdK" } } },
      { kind: "CORRECTION", byName: rvdk.name, changes: { ownerOrganisation: { from: "POL", to: "RvdK" } } },
    ]);
  });

  it("a declined offer leaves the owner as it was; an organisation not at the table sees none of it", async () => {
    const { itemIds, meetingId } = await liveMeeting();
    const action = await policeAction(itemIds.A);
    await correctAction(
      chair,
      {
        key: key(),
        version: 1,
        actionId: action.id,
        description: action.description,
        ownerOrganisationId: rvdk.organisation.id,
        ownerUserId: "",
        dueDate: action.dueDate,
      },
      meta,
    );
    const declined = actionOf(
      await answerTransfer(rvdk, { key: key(), actionId: action.id, version: 2, accept: false }, meta),
    );
    expect([declined.ownerOrganisationId, declined.transferToOrganisationId]).toEqual([police.organisation.id, null]);
    // Probation is not at item A's table: the action is not there for it, in any form.
    expect(
      await outcome(
        correctAction(
          probation,
          {
            key: key(),
            version: 3,
            actionId: action.id,
            description: "x",
            ownerOrganisationId: probation.organisation.id,
            ownerUserId: "",
            dueDate: day(9),
          },
          meta,
        ),
      ),
    ).toBe("not_found:live.errors.notFound");
    expect(
      await outcome(answerTransfer(probation, { key: key(), actionId: action.id, version: 3, accept: true }, meta)),
    ).toBe("not_found:live.errors.notFound");
    const board = await loadBoard(probation, meetingId, meta);
    expect(board.items.find((i) => i.id === itemIds.A)?.content).toBeNull();
  });
});

describe("offers that end", () => {
  const offer = async (itemId: string, to: string) => {
    const action = await policeAction(itemId);
    const input = {
      key: key(),
      version: 1,
      actionId: action.id,
      description: action.description,
      ownerOrganisationId: to,
      ownerUserId: "",
      dueDate: action.dueDate,
    };
    await correctAction(police, input, meta);
    return action;
  };
  const kindsOf = async (actionId: string) =>
    (await prisma.actionUpdate.findMany({ where: { actionId }, orderBy: { at: "asc" }, select: { kind: true } })).map(
      (u) => u.kind,
    );
  const query = { view: "all" as const, scope: "mine" as const, caseReference: "", meetingId: "", owner: "" };

  it("an organisation taken off the table loses the offer: it neither sees nor takes the action", async () => {
    const { itemIds, meetingId, org } = await liveMeeting();
    const action = await offer(itemIds.A, rvdk.organisation.id);
    expect((await listActions(rvdk, query, meta)).offered.map((a) => a.id)).toContain(action.id);
    const item = await prisma.agendaItem.findUniqueOrThrow({ where: { id: itemIds.A } });
    const result = await updateAgendaItem(
      chair,
      meetingId,
      itemIds.A,
      {
        question: item.question,
        timeboxMinutes: item.timeboxMinutes,
        tableOrganisationIds: [org.POL as string, org.VT as string],
        version: item.version,
        contributions: "keep",
      },
      meta,
    );
    expect(result.ok).toBe(true);
    expect((await prisma.action.findUniqueOrThrow({ where: { id: action.id } })).transferToOrganisationId).toBeNull();
    expect((await listActions(rvdk, query, meta)).offered.map((a) => a.id)).not.toContain(action.id);
    expect(await outcome(answerOffer(rvdk, { actionId: action.id, version: 3, answer: "accept" }, meta))).toBe(
      "not_found:errors.notFound",
    );
    expect(await kindsOf(action.id)).toEqual(["TRANSFER_OFFERED", "TRANSFER_WITHDRAWN"]);
  });

  it("the owner corrects text and date on /acties while the offer stays open; closing the action ends the offer", async () => {
    const { itemIds } = await liveMeeting();
    const action = await offer(itemIds.A, rvdk.organisation.id);
    await correctOwnAction(
      police,
      {
        actionId: action.id,
        version: 2,
        description: "Politie deelt het overzicht van 2 jaar.",
        dueDate: day(10),
        reason: "",
      },
      meta,
    );
    const corrected = await prisma.action.findUniqueOrThrow({ where: { id: action.id } });
    expect([corrected.description, corrected.transferToOrganisationId]).toEqual([
      "Politie deelt het overzicht van 2 jaar.",
      rvdk.organisation.id,
    ]);
    await updateAction(
      police,
      { actionId: action.id, version: 3, status: "DONE", closeReason: "EXECUTED", ownerUserId: "", note: "Gedeeld." },
      meta,
    );
    expect((await prisma.action.findUniqueOrThrow({ where: { id: action.id } })).transferToOrganisationId).toBeNull();
    expect((await listActions(rvdk, query, meta)).offered.map((a) => a.id)).not.toContain(action.id);
  });

  it("the owner taking the offer back writes it in the history", async () => {
    const { itemIds } = await liveMeeting();
    const action = await offer(itemIds.A, rvdk.organisation.id);
    await correctAction(
      police,
      {
        key: key(),
        version: 2,
        actionId: action.id,
        description: action.description,
        ownerOrganisationId: police.organisation.id,
        ownerUserId: "",
        dueDate: action.dueDate,
      },
      meta,
    );
    expect(await kindsOf(action.id)).toEqual(["TRANSFER_OFFERED", "TRANSFER_WITHDRAWN"]);
  });
});

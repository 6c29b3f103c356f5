import { describe, expect, it } from "vitest";

import { itemCapabilities } from "~/domain/access/access.server";

import type { ItemEvent, LiveBoard, NeedView } from "./events";
import { applyItemEvents, applyMeetingState, balanceOf } from "./live-board-state";

const need = (id: string, version = 1, status: NeedView["status"] = "OPEN"): NeedView => ({
  id,
  organisationId: "pol",
  text: `behoefte ${id}`,
  status,
  addressedByOrganisationId: status === "ADDRESSED" ? "rvdk" : null,
  addressedNote: "",
  addressedOnBehalf: false,
  version,
});

function board(seq = 0): LiveBoard {
  return {
    meetingId: "m",
    title: "t",
    chairId: "c",
    isChair: false,
    can: { runMeeting: false },
    viewer: { userId: "u", organisationId: "pol" },
    organisations: [],
    people: [],
    state: { seq: 1, status: "LIVE", currentItemId: "a", currentItemSince: null, endedAt: null, items: [] },
    items: [
      {
        id: "a",
        position: 1,
        reference: "AO-2026-0001",
        timeboxMinutes: 10,
        content: {
          question: "q",
          tableOrganisationIds: ["pol", "rvdk"],
          can: itemCapabilities({ id: "u", organisation: { id: "pol" } }, "table", {
            tableOrganisationIds: ["pol", "rvdk"],
          }),
          board: {
            seq,
            earlierActions: [],
            roleCards: [],
            responsibilities: [],
            needs: [],
            decisions: [],
            actions: [],
          },
        },
      },
      { id: "b", position: 2, reference: "AO-2026-0002", timeboxMinutes: 10, content: null },
    ],
  };
}

const event = (seq: number, n: NeedView, itemId = "a"): ItemEvent => ({
  meetingId: "m",
  itemId,
  seq,
  change: { kind: "need", need: n },
  by: { userId: "x", name: "X", organisationId: "rvdk" },
});

const needs = (b: LiveBoard) => b.items[0]?.content?.board.needs.map((n) => `${n.id}@${n.version}`);

describe("applying live events", () => {
  it("applies events in order, once", () => {
    const first = applyItemEvents(board(), [], [event(1, need("n1")), event(2, need("n2"))]);
    expect(needs(first.board)).toEqual(["n1@1", "n2@1"]);
    const again = applyItemEvents(first.board, [], [event(2, need("n2"))]);
    expect(again.applied).toEqual([]);
    expect(again.board).toBe(first.board);
  });

  it("holds an early event until the gap fills, then applies both in order", () => {
    const early = applyItemEvents(board(), [], [event(2, need("n2"))]);
    expect(needs(early.board)).toEqual([]);
    expect(early.waiting.map((e) => e.seq)).toEqual([2]);
    const filled = applyItemEvents(early.board, early.waiting, [event(1, need("n1"))]);
    expect(needs(filled.board)).toEqual(["n1@1", "n2@1"]);
    expect(filled.waiting).toEqual([]);
  });

  it("drops what the board already has (after a catch-up) and ignores items it cannot see", () => {
    const result = applyItemEvents(board(5), [event(4, need("old")), event(1, need("x"), "b")], [event(6, need("n6"))]);
    expect(needs(result.board)).toEqual(["n6@1"]);
    expect(result.waiting).toEqual([]);
  });

  it("an update replaces the entity; an older version never overwrites a newer one", () => {
    const added = applyItemEvents(board(), [], [event(1, need("n1")), event(2, need("n1", 2, "ADDRESSED"))]).board;
    expect(needs(added)).toEqual(["n1@2"]);
    const seeded = board(0);
    const content = seeded.items[0]?.content;
    if (content) content.board.needs = [need("n1", 3)];
    expect(needs(applyItemEvents(seeded, [], [event(1, need("n1", 2))]).board)).toEqual(["n1@3"]);
  });

  it("meeting state only moves forward", () => {
    const b = board();
    const newer = { ...b.state, seq: 2, currentItemId: "b" };
    expect(applyMeetingState(b, newer).state.currentItemId).toBe("b");
    expect(applyMeetingState(applyMeetingState(b, newer), { ...b.state, seq: 1 }).state.currentItemId).toBe("b");
  });

  it("the balance counts per organisation", () => {
    const content = board().items[0]?.content;
    if (!content) throw new Error("no content");
    content.board.needs = [need("n1"), need("n2", 2, "ADDRESSED")];
    expect(balanceOf(content.board, ["pol", "rvdk"])).toEqual([
      { organisationId: "pol", needsRaised: 2, needsOpen: 1, needsAddressed: 0, actionsOwned: 0, cardCompleted: false },
      {
        organisationId: "rvdk",
        needsRaised: 0,
        needsOpen: 0,
        needsAddressed: 1,
        actionsOwned: 0,
        cardCompleted: false,
      },
    ]);
  });
});

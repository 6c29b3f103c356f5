import { describe, expect, it } from "vitest";

import { caseSignals } from "./case-signals";

const meeting = (id: string, status = "FINISHED") => ({ id, title: `Overleg ${id}`, status });
const empty = { decisions: [], needs: [], actions: [] };

describe("escalation signals of a case", () => {
  it("an action counts once it is more than N days late, and not when it is done", () => {
    const timeline = [
      {
        id: "i1",
        meeting: meeting("m1"),
        ...empty,
        actions: [
          { id: "a1", description: "Huisbezoek", dueDate: "2027-01-01", status: "OPEN", owner: "POL" },
          { id: "a2", description: "Gesprek school", dueDate: "2027-01-10", status: "IN_PROGRESS", owner: "WT" },
          { id: "a3", description: "Melding", dueDate: "2026-12-01", status: "DONE", owner: "VT" },
        ],
      },
    ];
    // 2027-01-16: a1 is 15 days late (more than 14), a2 6 days (not yet), a3 is done.
    expect(caseSignals(timeline, "2027-01-16", 14)).toEqual([
      {
        kind: "overdueAction",
        id: "a1",
        text: "Huisbezoek",
        organisation: "POL",
        dueDate: "2027-01-01",
        daysOverdue: 15,
      },
    ]);
    // Exactly 14 days late is not "more than 14".
    expect(caseSignals(timeline, "2027-01-15", 14)).toEqual([]);
  });

  it("a need still open after two held meetings, counting the one it was raised in", () => {
    const need = { id: "n1", text: "Zicht op de kinderen", status: "OPEN", by: "RvdK" };
    const raised = { id: "i1", meeting: meeting("m1"), ...empty, needs: [need] };
    // Raised, nothing since: one meeting.
    expect(caseSignals([raised], "2027-01-01", 14)).toEqual([]);
    // A second meeting planned but not held: still one.
    expect(
      caseSignals([raised, { id: "i2", meeting: meeting("m2", "PUBLISHED"), ...empty }], "2027-01-01", 14),
    ).toEqual([]);
    // Held: two meetings and the need still open.
    expect(caseSignals([raised, { id: "i2", meeting: meeting("m2", "LIVE"), ...empty }], "2027-01-01", 14)).toEqual([
      { kind: "openNeed", id: "n1", text: "Zicht op de kinderen", organisation: "RvdK", meetings: 2 },
    ]);
    // Met in the meantime: no signal.
    const met = { ...raised, needs: [{ ...need, status: "ADDRESSED" }] };
    expect(caseSignals([met, { id: "i2", meeting: meeting("m2"), ...empty }], "2027-01-01", 14)).toEqual([]);
  });

  it("a decision someone disagreed with", () => {
    const timeline = [
      {
        id: "i1",
        meeting: meeting("m1"),
        ...empty,
        decisions: [
          {
            id: "d1",
            text: "De Raad start een onderzoek.",
            dissents: [{ organisation: "POL" }, { organisation: "OM" }],
          },
          { id: "d2", text: "Veilig Thuis leidt.", dissents: [] },
        ],
      },
    ];
    expect(caseSignals(timeline, "2027-01-01", 14)).toEqual([
      { kind: "dissent", id: "d1", text: "De Raad start een onderzoek.", organisations: ["POL", "OM"] },
    ]);
  });

  it("a goal of the plan whose review date has come, unless it was met or dropped", () => {
    const goal = {
      id: "g1",
      text: "Kinderen veilig thuis",
      status: "IN_PROGRESS",
      reviewDate: "2027-03-01",
      lead: { shortCode: "VT" },
    };
    expect(caseSignals([], "2027-02-28", 14, [goal])).toEqual([]);
    expect(caseSignals([], "2027-03-01", 14, [goal])).toEqual([
      { kind: "goalReview", id: "g1", text: "Kinderen veilig thuis", organisation: "VT", reviewDate: "2027-03-01" },
    ]);
    expect(caseSignals([], "2027-03-05", 14, [{ ...goal, status: "MET" }])).toEqual([]);
    expect(caseSignals([], "2027-03-05", 14, [{ ...goal, reviewDate: null }])).toEqual([]);
  });
});

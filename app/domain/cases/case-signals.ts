/**
 * Escalation signals, computed from what the viewer may see of a case (its timeline, which the
 * access module already trimmed to the tables they were at): an action more than N days past its
 * due date, a need still open after two meetings, a decision someone disagreed with, a goal of the
 * plan past its review date. Pure: the same
 * timeline and day give the same signals.
 */
type Timeline = readonly {
  id: string;
  meeting: { id: string; title: string; status: string };
  decisions: readonly { id: string; text: string; dissents: readonly { organisation: string }[] }[];
  needs: readonly { id: string; text: string; status: string; by: string }[];
  actions: readonly { id: string; description: string; dueDate: string; status: string; owner: string }[];
}[];

export type CaseSignal =
  | { kind: "overdueAction"; id: string; text: string; organisation: string; dueDate: string; daysOverdue: number }
  | { kind: "openNeed"; id: string; text: string; organisation: string; meetings: number }
  | { kind: "dissent"; id: string; text: string; organisations: string[] }
  | { kind: "goalReview"; id: string; text: string; organisation: string; reviewDate: string };

type Goals = readonly {
  id: string;
  text: string;
  status: string;
  reviewDate: string | null;
  lead: { shortCode: string };
}[];

const DAY = 86_400_000;
const HELD = new Set(["LIVE", "FINISHED"]);

/** `today` as YYYY-MM-DD (Amsterdam); an action is a signal once it is more than `overdueDays` late. */
export function caseSignals(timeline: Timeline, today: string, overdueDays: number, goals: Goals = []): CaseSignal[] {
  const signals: CaseSignal[] = [];
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  timeline.forEach((entry, index) => {
    for (const a of entry.actions) {
      const late = Math.round((todayMs - Date.parse(`${a.dueDate}T00:00:00Z`)) / DAY);
      if (a.status !== "DONE" && late > overdueDays)
        signals.push({
          kind: "overdueAction",
          id: a.id,
          text: a.description,
          organisation: a.owner,
          dueDate: a.dueDate,
          daysOverdue: late,
        });
    }
    // The meetings held since the need was raised, that one included (the timeline is in meeting order).
    const held = timeline.slice(index).filter((e) => HELD.has(e.meeting.status)).length;
    for (const n of entry.needs)
      if (n.status === "OPEN" && held >= 2)
        signals.push({ kind: "openNeed", id: n.id, text: n.text, organisation: n.by, meetings: held });
    for (const d of entry.decisions)
      if (d.dissents.length > 0)
        signals.push({ kind: "dissent", id: d.id, text: d.text, organisations: d.dissents.map((x) => x.organisation) });
  });
  // A goal of the plan (not met, not dropped) whose review date has come.
  for (const g of goals)
    if (g.reviewDate !== null && g.reviewDate <= today && (g.status === "OPEN" || g.status === "IN_PROGRESS"))
      signals.push({
        kind: "goalReview",
        id: g.id,
        text: g.text,
        organisation: g.lead.shortCode,
        reviewDate: g.reviewDate,
      });
  return signals;
}

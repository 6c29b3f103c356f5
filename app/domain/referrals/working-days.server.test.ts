import { describe, expect, it } from "vitest";

import { amsterdamDate, workingDaysBetween, workingDeadline } from "./working-days.server";

/** An instant given as Amsterdam wall-clock time (winter: UTC+1, summer: UTC+2). */
const amsterdam = (iso: string, offset: "+01:00" | "+02:00" = "+01:00") => new Date(`${iso}${offset}`);

describe("triage deadlines in working days (Amsterdam)", () => {
  it("counts Monday to Friday: five working days from a Monday end on the next Monday's close", () => {
    // Mon 2026-11-16 → Tue 17, Wed 18, Thu 19, Fri 20, Mon 23: due by the end of Monday 23.
    const due = workingDeadline(amsterdam("2026-11-16T10:00:00"), 5);
    expect(due.toISOString()).toBe(amsterdam("2026-11-24T00:00:00").toISOString());
  });

  it("skips the weekend: a referral on Friday afternoon is due at the end of the next Friday", () => {
    // Fri 2026-11-20 16:30 → Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
    const due = workingDeadline(amsterdam("2026-11-20T16:30:00"), 5);
    expect(amsterdamDate(new Date(due.getTime() - 1))).toBe("2026-11-27");
    expect(due.toISOString()).toBe("2026-11-27T23:00:00.000Z");
  });

  it("a referral on Saturday starts counting on Monday", () => {
    // Sat 2026-11-21 → Mon 23 … Fri 27.
    expect(amsterdamDate(new Date(workingDeadline(amsterdam("2026-11-21T09:00:00"), 5).getTime() - 1))).toBe(
      "2026-11-27",
    );
  });

  it("across the year's end: Christmas, Boxing Day, the weekend and New Year's Day are not counted", () => {
    // Wed 2026-12-23 → Thu 24, (Fri 25, Sat 26, Sun 27 off) Mon 28, Tue 29, Wed 30, Thu 31.
    const due = workingDeadline(amsterdam("2026-12-23T11:00:00"), 5);
    expect(amsterdamDate(new Date(due.getTime() - 1))).toBe("2026-12-31");
    // Tue 2026-12-29 → Wed 30, Thu 31, (Fri 1 Jan, Sat 2, Sun 3 off) Mon 4, Tue 5, Wed 6 Jan 2027.
    const next = workingDeadline(amsterdam("2026-12-29T15:00:00"), 5);
    expect(amsterdamDate(new Date(next.getTime() - 1))).toBe("2027-01-06");
    expect(next.toISOString()).toBe("2027-01-06T23:00:00.000Z");
  });

  it("uses the Amsterdam date, not UTC's: 00:30 on Monday in Amsterdam is still Sunday in UTC", () => {
    // Mon 2026-11-23 00:30 Amsterdam = Sun 23:30 UTC. One working day: Tuesday 24.
    const due = workingDeadline(amsterdam("2026-11-23T00:30:00"), 1);
    expect(amsterdamDate(new Date(due.getTime() - 1))).toBe("2026-11-24");
  });

  it("follows summer time: the deadline is Amsterdam midnight (UTC+2 in summer)", () => {
    // Fri 2027-04-23 → Mon 26, (Tue 27 King's Day off) Wed 28.
    const due = workingDeadline(amsterdam("2027-04-23T10:00:00", "+02:00"), 2);
    expect(due.toISOString()).toBe("2027-04-28T22:00:00.000Z");
  });

  it("Good Friday and Liberation Day (5 May) do not count either (Algemene termijnenwet)", () => {
    // Thu 2027-03-25 → (Fri 26 Good Friday, weekend, Mon 29 Easter Monday) Tue 30: one working day.
    expect(amsterdamDate(new Date(workingDeadline(amsterdam("2027-03-25T10:00:00"), 1).getTime() - 1))).toBe(
      "2027-03-30",
    );
    // Tue 2027-05-04 → (Wed 5 May) Thu 6 May is Ascension → Fri 7 May.
    expect(amsterdamDate(new Date(workingDeadline(amsterdam("2027-05-04T10:00:00", "+02:00"), 1).getTime() - 1))).toBe(
      "2027-05-07",
    );
  });

  it("counts the working days between two moments", () => {
    expect(workingDaysBetween(amsterdam("2026-11-20T16:00:00"), amsterdam("2026-11-20T17:00:00"))).toBe(0);
    expect(workingDaysBetween(amsterdam("2026-11-20T16:00:00"), amsterdam("2026-11-23T09:00:00"))).toBe(1);
    expect(workingDaysBetween(amsterdam("2026-12-30T09:00:00"), amsterdam("2027-01-04T09:00:00"))).toBe(2);
  });
});

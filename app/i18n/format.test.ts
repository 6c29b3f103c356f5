import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime } from "./format";

describe("formatDateTime", () => {
  it("shows Amsterdam time in winter (UTC+1), whatever the server's zone", () => {
    expect(formatDateTime("2026-01-15T08:30:00Z", "nl")).toBe("15 januari 2026 om 09:30");
    expect(formatDateTime("2026-01-15T08:30:00Z", "en")).toBe("15 January 2026 at 09:30");
  });

  it("shows Amsterdam time in summer (UTC+2)", () => {
    expect(formatDateTime("2026-07-01T08:30:00Z", "nl")).toBe("1 juli 2026 om 10:30");
  });

  it("puts a late-evening UTC time on the next Amsterdam day", () => {
    expect(formatDate(new Date("2026-03-31T22:30:00Z"), "nl")).toBe("1 april 2026");
  });
});

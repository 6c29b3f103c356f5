import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { buildMeeting } from "../support/e2e-fixtures";

import { login, startingWith } from "./support";

export const ORG = {
  POL: "Politie basisteam Westerduin",
  RvdK: "Raad voor de Kinderbescherming, regio Westerduin",
  RECL: "Reclassering (3RO) regio Westerduin",
  OM: "Openbaar Ministerie, arrondissement Westerduin",
  VT: "Veilig Thuis Westerduin",
};

/**
 * A published meeting from the one meeting builder (tests/support/live-meeting.ts): item 1 at the
 * table of police and the Child Protection Board, item 2 at the table of probation (Veilig Thuis,
 * asking, sits at both); the Veilig Thuis chair starts it in the UI. Preparing a meeting through
 * the UI is meetings.spec.ts's. Returns the live page's path and the two case references.
 */
export async function startLiveMeeting(chair: Page, title: string) {
  const { meetingId, references } = await buildMeeting({
    title,
    startsAt: "2027-02-04T09:00:00.000Z",
    location: "Zorg- en Veiligheidshuis, zaal 1",
    invited: ["POL", "RvdK", "RECL", "OM", "VT"],
    items: {
      one: { table: ["POL", "RvdK"], question: "Wie neemt de regie in casus 1?", timeboxMinutes: 15 },
      two: { table: ["RECL"], question: "Wie neemt de regie in casus 2?", timeboxMinutes: 15 },
    },
  });
  await login(chair, "voorzitter@veiligthuis.demo");
  await chair.goto(`/overleggen/${meetingId}`);
  await chair.getByRole("button", { name: "Overleg starten" }).click();
  await expect(chair).toHaveURL(/\/overleggen\/[^/]+\/live$/);
  await expect(chair.getByRole("heading", { level: 1 })).toContainText(title);
  await expectSynced(chair);
  return { livePath: new URL(chair.url()).pathname, cases: [references.one, references.two] as const };
}

/** The board caught up over the socket (after loading or reconnecting). */
export async function expectSynced(page: Page) {
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-sync", "synced", { timeout: 10_000 });
}

export async function joinAs(browser: Browser, email: string, livePath: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await page.goto(livePath);
  await expectSynced(page);
  return { context, page };
}

/** The role card of one organisation on the shown item. */
export function roleCard(page: Page, organisation: string) {
  return page.getByRole("article", { name: startingWith(`Rolkaart ${organisation}`) });
}

import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";

import { bringInCase, login, startingWith } from "./support";

export const ORG = {
  POL: "Politie basisteam Westerduin",
  RvdK: "Raad voor de Kinderbescherming, regio Westerduin",
  RECL: "Reclassering (3RO) regio Westerduin",
  OM: "Openbaar Ministerie, arrondissement Westerduin",
  VT: "Veilig Thuis Westerduin",
};

/**
 * The Veilig Thuis chair prepares a meeting through the UI and starts it: item 1 at the table of
 * police and the Child Protection Board, item 2 at the table of probation (Veilig Thuis, asking,
 * sits at both). Returns the live page's path and the two case references.
 */
export async function startLiveMeeting(chair: Page, title: string) {
  await login(chair, "voorzitter@veiligthuis.demo");
  const cases = [
    await bringInCase(chair, "Gezin, 2 kinderen (4 en 7). Melding na incident."),
    await bringInCase(chair, "Ex-partners, dreiging na scheiding."),
  ];
  await chair.goto("/overleggen/nieuw");
  await chair.getByLabel("Titel").fill(title);
  await chair.getByLabel("Datum").fill("2027-02-04");
  await chair.getByLabel("Begintijd").fill("10:00");
  await chair.getByLabel("Duur in minuten").fill("45");
  await chair.getByLabel("Locatie of link voor online deelname").fill("Zorg- en Veiligheidshuis, zaal 1");
  for (const name of [ORG.POL, ORG.RvdK, ORG.RECL, ORG.OM]) {
    await chair.getByRole("checkbox", { name: startingWith(name) }).check();
  }
  await chair.getByRole("button", { name: "Overleg aanmaken" }).click();
  await expect(chair.getByRole("heading", { level: 1 })).toContainText(title);
  const tables = [[ORG.POL, ORG.RvdK], [ORG.RECL]];
  const addItem = chair.getByRole("region", { name: "Agendapunt toevoegen" });
  for (const [i, reference] of cases.entries()) {
    await addItem.getByLabel("Casus", { exact: true }).selectOption(reference);
    await addItem.getByLabel("Vraag aan het overleg").fill(`Wie neemt de regie in casus ${i + 1}?`);
    await addItem.getByLabel("Tijd in minuten").fill("15");
    for (const name of tables[i] as string[]) await addItem.getByRole("checkbox", { name: startingWith(name) }).check();
    await addItem.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    await expect(chair.getByTestId(`agenda-item-${i + 1}`)).toContainText(reference);
  }
  await chair.getByRole("button", { name: "Agenda publiceren" }).click();
  await chair.getByRole("button", { name: "Overleg starten" }).click();
  await expect(chair).toHaveURL(/\/overleggen\/[^/]+\/live$/);
  await expect(chair.getByRole("heading", { level: 1 })).toContainText(title);
  await expectSynced(chair);
  return { livePath: new URL(chair.url()).pathname, cases };
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

import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

import { timePasses } from "../support/e2e-fixtures";

import { ORG, joinAs, startLiveMeeting } from "./live-support";
import { expectNoAxeViolations } from "./support";

test("the Board follows up its action in /acties: overdue on the start page, closed as 'no longer possible' with a note", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  const { livePath } = await startLiveMeeting(chair, "Live overleg, opvolging");
  const rvdk = await joinAs(browser, "medewerker@rvdk.demo", livePath);

  // At the table the Board takes an action; a due date in the past is refused next to the field.
  const description = `Veiligheidsplan bespreken met moeder (${Date.now()})`;
  const actions = rvdk.page.getByRole("form", { name: "Actie toevoegen" });
  await actions.getByLabel("Wat moet er gebeuren").fill(description);
  await actions.getByLabel("Eigenaar (organisatie)").selectOption({ label: ORG.RvdK });
  await actions.getByLabel("Uiterlijk").fill("2026-01-15");
  await actions.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(actions.getByText("Deze datum ligt in het verleden.")).toBeVisible();
  await expect(actions.getByLabel("Wat moet er gebeuren")).toHaveValue(description);
  await actions.getByLabel("Uiterlijk").fill("2099-01-15");
  await actions.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(rvdk.page.getByTestId("item-board").getByTestId("action")).toContainText(description);
  // Weeks later the date has passed.
  await timePasses(description, "2026-01-15");

  // The start page of the Board's members flags it; the link opens the overdue actions.
  const page = rvdk.page;
  await page.goto("/");
  await expect(page.getByTestId("overdue-actions")).toContainText("te laat");
  await page.getByRole("link", { name: "Bekijk de acties die te laat zijn" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acties");
  const item = page.getByTestId("action-item").filter({ hasText: description });
  await expect(item).toContainText("Te laat");
  await expectNoAxeViolations(page);

  // Closing needs a reason and a note; without the note it is refused and the choice is kept.
  await item.getByText("Bijwerken").click();
  const form = item.getByRole("form");
  await form.getByLabel("Status").selectOption({ label: "Afgesloten" });
  await form
    .getByLabel("Reden van afsluiten")
    .selectOption({ label: "Niet meer nodig of mogelijk (omstandigheden gewijzigd)" });
  await form.getByRole("button", { name: "Opslaan" }).click();
  const again = page.getByTestId("action-item").filter({ hasText: description });
  await expect(again.getByText("Licht kort toe waarom de actie wordt afgesloten.")).toBeVisible();
  await expect(again.getByLabel("Reden van afsluiten")).toHaveValue("NO_LONGER_POSSIBLE");
  await again.getByLabel("Toelichting").fill("Het gezin is verhuisd; de nieuwe regio neemt het over.");
  await again.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De actie is afgesloten." })).toBeVisible();

  // It has left the open views and shows under "Afgesloten" with its reason and history.
  await expect(page.getByTestId("action-item").filter({ hasText: description })).toHaveCount(0);
  await page.getByRole("link", { name: /^Afgesloten/ }).click();
  const closed = page.getByTestId("action-item").filter({ hasText: description });
  await expect(closed).toContainText("Niet meer nodig of mogelijk (omstandigheden gewijzigd)");
  await expect(closed).toContainText("Het gezin is verhuisd; de nieuwe regio neemt het over.");
  await expect(closed.getByText("Bijwerken")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The same list for Excel: Dutch columns, the reason and the note with their accents.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Downloaden voor Excel (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^acties-RvdK-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path()) as string)).toString("utf8");
  expect(csv.startsWith("\uFEFFCasus;Overleg;Actie;")).toBe(true);
  expect(csv).toContain(`;${description};`);
  expect(csv).toContain(";15-01-2026;Afgesloten;Niet meer nodig of mogelijk (omstandigheden gewijzigd);");

  // The chair puts the same case on the next meeting's agenda: the action is at the top, with its
  // history, for the organisations at that table.
  const reference = (await closed.getByRole("link", { name: /^AO-/ }).textContent()) as string;
  await chair.goto("/overleggen/nieuw");
  await chair.getByLabel("Titel").fill("Actie-overleg, vervolg");
  await chair.getByLabel("Datum").fill("2027-02-18");
  await chair.getByLabel("Begintijd").fill("10:00");
  await chair.getByLabel("Duur in minuten").fill("45");
  await chair.getByLabel("Locatie of link voor online deelname").fill("Zorg- en Veiligheidshuis, zaal 1");
  await chair.getByRole("checkbox", { name: new RegExp(`^${ORG.RvdK}`) }).check();
  await chair.getByRole("button", { name: "Overleg aanmaken" }).click();
  const addItem = chair.getByRole("region", { name: "Agendapunt toevoegen" });
  await addItem.getByLabel("Casus", { exact: true }).selectOption(reference);
  await addItem.getByLabel("Vraag aan het overleg").fill("Is het gezin in de nieuwe regio in beeld?");
  await addItem.getByLabel("Tijd in minuten").fill("10");
  await addItem.getByRole("checkbox", { name: new RegExp(`^${ORG.RvdK}`) }).check();
  await addItem.getByRole("button", { name: "Agendapunt toevoegen" }).click();
  await chair.getByRole("button", { name: "Agenda publiceren" }).click();
  await expect(chair.getByRole("button", { name: "Overleg starten" })).toBeVisible(); // published
  const nextMeeting = new URL(chair.url()).pathname;
  await page.goto(nextMeeting);
  const top = page.getByTestId("open-actions");
  await expect(top).toContainText(reference);
  await expect(top).toContainText(description);
  await expect(top).toContainText("Niet meer nodig of mogelijk (omstandigheden gewijzigd)");
  await expect(top).toContainText("Het gezin is verhuisd; de nieuwe regio neemt het over.");
  await expectNoAxeViolations(page);

  // At the live table of that meeting it is the first thing on the item's board, with its history.
  await chair.getByRole("button", { name: "Overleg starten" }).click();
  await expect(chair).toHaveURL(/\/live$/);
  await page.goto(`${nextMeeting}/live`);
  const earlier = page.getByTestId("item-board").getByTestId("earlier-actions");
  await expect(earlier).toContainText(description);
  await expect(earlier).toContainText("Niet meer nodig of mogelijk (omstandigheden gewijzigd)");
  await expectNoAxeViolations(page);

  // Veilig Thuis brought the case in and closes it: from now on the retention period runs.
  await chair.goto(`/casussen/${reference}`);
  await chair.getByText("Casus sluiten", { exact: true }).click();
  await chair.getByLabel("Reden van sluiten").selectOption("GOALS_MET");
  await chair.getByLabel(/Ik weet dat de bewaartermijn/).check();
  await chair.getByRole("button", { name: "Casus definitief sluiten" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "De casus is gesloten." })).toContainText(
    "De casus is gesloten. Over 12 maanden wordt de inhoud gewist.",
  );
  await expect(chair.getByRole("button", { name: "Casus definitief sluiten" })).toHaveCount(0);
  await expectNoAxeViolations(chair);

  // Another organisation does not see it.
  const police = await joinAs(browser, "medewerker@politie.demo", livePath);
  await police.page.goto("/acties?weergave=all");
  await expect(police.page.getByTestId("action-item").filter({ hasText: description })).toHaveCount(0);

  for (const context of [chairContext, rvdk.context, police.context]) await context.close();
});

import { expect, test } from "@playwright/test";

import { bringInCase, expectNoAxeViolations, login, startingWith } from "./support";

test("the chair prepares and publishes an agenda; need-to-know holds; a partner's proposal is accepted", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, "voorzitter@veiligthuis.demo");
  const cases = [
    await bringInCase(page, "Gezin, 2 kinderen (4 en 7). Melding na incident."),
    await bringInCase(page, "Gezin, 1 kind (2). Zorgen over opvoeding."),
    await bringInCase(page, "Ex-partners, omgangsregeling, dreiging."),
  ];

  // A new meeting, inviting the five partners and the local team.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Overleggen" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Nieuw overleg" }).click();
  await page.getByLabel("Titel").fill("Actie-overleg Westerduin, week 49");
  await page.getByLabel("Datum").fill("2027-01-14");
  await page.getByLabel("Begintijd").fill("10:00");
  await page.getByLabel("Duur in minuten").fill("45");
  await page.getByLabel("Locatie of link voor online deelname").fill("Zorg- en Veiligheidshuis, zaal 2");
  for (const name of [
    "Politie basisteam Westerduin",
    "Openbaar Ministerie, arrondissement Westerduin",
    "Reclassering (3RO) regio Westerduin",
    "Raad voor de Kinderbescherming, regio Westerduin",
    "Wijkteam Westerduin-Centrum",
  ]) {
    await page.getByRole("checkbox", { name: startingWith(name) }).check();
  }
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Overleg aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Actie-overleg Westerduin, week 49");
  const meetingUrl = page.url();

  // Three cases, each with its own table; probation is not at the second one.
  const tables = [
    ["Politie basisteam Westerduin", "Reclassering (3RO) regio Westerduin"],
    ["Politie basisteam Westerduin", "Raad voor de Kinderbescherming, regio Westerduin"],
    ["Reclassering (3RO) regio Westerduin", "Wijkteam Westerduin-Centrum"],
  ];
  const addItem = page.getByRole("region", { name: "Agendapunt toevoegen" });
  for (const [i, reference] of cases.entries()) {
    await addItem.getByLabel("Casus", { exact: true }).selectOption(reference);
    await addItem.getByLabel("Vraag aan het overleg").fill(`Wie neemt de regie in casus ${i + 1}?`);
    await addItem.getByLabel("Tijd in minuten").fill("15");
    for (const name of tables[i] as string[]) await addItem.getByRole("checkbox", { name: startingWith(name) }).check();
    await addItem.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    await expect(page.getByTestId(`agenda-item-${i + 1}`)).toContainText(reference);
  }
  await expect(page.getByTestId("planned-time")).toHaveText("Gepland: 45 van 45 minuten");
  await expectNoAxeViolations(page);

  // Reorder by keyboard: item 3 one place up.
  await page.getByRole("button", { name: "Agendapunt 3 omhoog" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("agenda-item-2")).toContainText(cases[2] as string);
  await expect(page.getByTestId("agenda-item-3")).toContainText(cases[1] as string);
  // The focus stays with the moved item (now item 2): a second Enter moves it on up.
  await expect(page.getByRole("button", { name: "Agendapunt 2 omhoog" })).toBeFocused();

  // …and by drag and drop: the last item onto the first place.
  // (The focus left the page scrolled to item 2: first the agenda's top, so both ends are on screen.)
  await page.getByTestId("agenda-item-1").evaluate((item) => item.scrollIntoView({ block: "start" }));
  await page.getByTestId("agenda-item-3").dragTo(page.getByTestId("agenda-item-1"));
  await expect(page.getByRole("status").filter({ hasText: "De nieuwe volgorde is opgeslagen." })).toBeVisible();
  await expect(page.getByTestId("agenda-item-1")).toContainText(cases[1] as string);
  await expect(page.getByTestId("agenda-item-2")).toContainText(cases[0] as string);
  await expect(page.getByTestId("agenda-item-3")).toContainText(cases[2] as string);

  await page.getByRole("button", { name: "Agenda publiceren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gepubliceerd");

  // Probation: invited, at the tables of cases 1 and 3, not of case 2.
  const recl = await (await browser.newContext()).newPage();
  await login(recl, "medewerker@reclassering.demo");
  await recl.goto(meetingUrl);
  await expect(recl.getByTestId("agenda-item-1")).toContainText(cases[1] as string);
  await expect(recl.getByTestId("agenda-item-1")).toContainText("15 min");
  await expect(recl.getByTestId("agenda-item-1")).toContainText("alleen zichtbaar voor de organisaties aan tafel");
  await expect(recl.getByTestId("agenda-item-2")).toContainText("Wie neemt de regie in casus 1?");
  await expect(recl.getByTestId("agenda-item-3")).toContainText("Wie neemt de regie in casus 3?");
  await expect(recl.locator("main")).not.toContainText("casus 2?");
  await expectNoAxeViolations(recl);
  expect((await recl.goto(`/casussen/${cases[1]}`))?.status()).toBe(404);
  expect((await recl.goto(`/casussen/${cases[0]}`))?.status()).toBe(200);

  // The chair changes the published meeting (50 minutes); the change is marked.
  await page.getByRole("link", { name: "Overleg wijzigen" }).click();
  await expect(page.getByLabel("Begintijd")).toHaveValue("10:00");
  await expectNoAxeViolations(page);
  await page.getByLabel("Duur in minuten").fill("50");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "De gegevens van het overleg zijn gewijzigd." }),
  ).toBeVisible();
  await expect(page.getByTestId("planned-time")).toHaveText("Gepland: 45 van 50 minuten");
  await expect(page.getByText("Gewijzigd na publicatie").first()).toBeVisible();

  // The prosecution proposes its own case; the chair accepts it.
  const om = await (await browser.newContext()).newPage();
  await login(om, "medewerker@om.demo");
  const omCase = await bringInCase(om, "Verdachte in ZSM-traject, contactverbod opgelegd.");
  await om.goto(meetingUrl);
  await om.getByLabel("Casus", { exact: true }).selectOption(omCase);
  await om.getByLabel("Vraag aan het overleg").fill("Kan de reclassering toezicht houden op het contactverbod?");
  await om.getByRole("button", { name: "Voorstel indienen" }).click();
  await expect(om.getByTestId("proposal")).toContainText("In afwachting van de voorzitter");
  await expectNoAxeViolations(om);

  await page.reload();
  const proposal = page.getByTestId("proposal").filter({ hasText: omCase });
  await proposal.getByRole("checkbox", { name: /^Reclassering/ }).check();
  await proposal.getByRole("button", { name: "Accepteren" }).click();
  await expect(page.getByTestId("agenda-item-4")).toContainText(omCase);
  await expect(page.getByTestId("agenda-item-4")).toContainText("Gewijzigd na publicatie");
  await expect(page.getByTestId("planned-time")).toContainText("te vol");
  await expectNoAxeViolations(page);
  await om.reload();
  await expect(om.getByTestId("proposal")).toContainText("Geaccepteerd");
});

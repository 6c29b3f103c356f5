import { expect, test } from "@playwright/test";

import { bringInCase, expectLayoutHolds, expectNoAxeViolations, login, startingWith } from "./support";

test("the police refer a case, the chair triages it onto her meeting, the police see why; outsiders get 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The police bring in a case and refer it.
  await login(page, "medewerker@politie.demo");
  const reference = await bringInCase(page, "Jongere (17), geweld op straat; school meldt verzuim.");
  await page.getByRole("link", { name: "Aanmelden bij het overleg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Casus aanmelden");
  await expect(page.getByLabel("Casus", { exact: true })).toHaveValue(reference);
  await expectNoAxeViolations(page);
  await expectLayoutHolds(page);

  // Sent with a phone number and without saying whether the family was told: refused, text kept.
  const typed = "Wie pakt de zorg op? Moeder is bereikbaar op 06-12345678.";
  await page.getByLabel("Vraag aan de tafel").fill(typed);
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Waarom deze tafel");
  await expect(summary).toContainText("Zijn de betrokkenen geïnformeerd");
  await expect(page.getByLabel("Vraag aan de tafel")).toHaveValue(typed);
  await expect(page.getByLabel("Vraag aan de tafel")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Vraag aan de tafel").fill("Wie pakt de zorg op naast de strafrechtelijke aanpak?");
  await page.getByRole("checkbox", { name: "Problemen op meerdere leefgebieden" }).check();
  await page.getByRole("checkbox", { name: startingWith("Raad voor de Kinderbescherming") }).check();
  await page.getByRole("radio", { name: "Nee" }).check();
  await page
    .getByLabel("Waarom (nog) niet geïnformeerd")
    .fill("Eerst met de jongere bespreken bij het volgende gesprek.");
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Aanmelding ${reference}`);
  await expect(page.getByRole("status").filter({ hasText: "De aanmelding is verstuurd" })).toBeVisible();
  await expect(page.getByTestId("referral-facts")).toContainText("Wacht op triage");
  await expect(page.getByTestId("referral-facts")).toContainText(/Beslissen uiterlijk .* \(nog 5 werkdagen\)/);
  const referralUrl = page.url();
  await expectNoAxeViolations(page);

  // The chair makes a meeting of her own and finds the referral in her queue.
  const chair = await (await browser.newContext()).newPage();
  await login(chair, "voorzitter@veiligthuis.demo");
  const title = `Actie-overleg ${reference}`;
  await chair.goto("/overleggen/nieuw");
  await chair.getByLabel("Titel").fill(title);
  await chair.getByLabel("Datum").fill("2027-03-11");
  await chair.getByLabel("Begintijd").fill("10:00");
  await chair.getByLabel("Duur in minuten").fill("45");
  await chair.getByLabel("Locatie of link voor online deelname").fill("Zorg- en Veiligheidshuis, zaal 2");
  await chair.getByRole("checkbox", { name: startingWith("Politie basisteam Westerduin") }).check();
  await chair.getByRole("button", { name: "Overleg aanmaken" }).click();
  await expect(chair.getByRole("heading", { level: 1 })).toContainText(title);
  const meetingUrl = chair.url();

  await chair.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanmeldingen" }).click();
  await expect(chair.getByTestId("triage-queue")).toContainText(reference);
  await expectNoAxeViolations(chair);
  await expectLayoutHolds(chair);
  await chair.getByTestId("triage-queue").getByRole("link", { name: reference }).click();
  await expect(chair.getByTestId("referral-facts")).toContainText("Eerst met de jongere bespreken");
  await expectNoAxeViolations(chair);

  // Deciding without a reason is refused; with one, the case is on her agenda with the Board invited.
  await chair.getByRole("radio", { name: startingWith("Naar een overleg") }).check();
  const meetingSelect = chair.getByLabel("Overleg", { exact: true });
  const option = meetingSelect.locator("option", { hasText: title });
  await meetingSelect.selectOption((await option.getAttribute("value")) as string);
  await chair.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await expect(chair.getByRole("alert").filter({ hasText: "Er is een probleem" })).toContainText("Reden");
  await chair.getByLabel("Reden").fill("Zorg en straf moeten samen: de Raad aan tafel.");
  await chair.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "De beslissing is vastgelegd" })).toBeVisible();
  await expect(chair.getByTestId("referral-facts")).toContainText("Naar het overleg");
  await chair.goto(meetingUrl);
  await expect(chair.getByText(reference).first()).toBeVisible();

  // The police read the outcome on their start page.
  await page.goto("/");
  await expect(page.getByTestId("start-referrals")).toContainText(reference);
  await expect(page.getByTestId("start-referrals")).toContainText("Naar het overleg");
  await expect(page.getByTestId("start-referrals")).toContainText("Zorg en straf moeten samen");
  await expectNoAxeViolations(page);

  // The local team, never at a table for this case, learns nothing: 404 on the referral and the case.
  const outsider = await (await browser.newContext()).newPage();
  await login(outsider, "medewerker@wijkteam.demo");
  expect((await outsider.goto(referralUrl))?.status()).toBe(404);
  expect((await outsider.goto(`/casussen/${reference}`))?.status()).toBe(404);
  await outsider.goto("/aanmeldingen");
  await expect(outsider.getByText(reference)).toHaveCount(0);
});

test("the platform admin keeps the region's criteria and triage deadlines", async ({ page }) => {
  await login(page, "admin@actie-overleg.demo");
  await page.goto("/beheer/overleggen");
  await page.getByRole("link", { name: "Aanmelding en triage" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelding en triage");
  await expect(page.getByTestId("criteria")).toContainText("Problemen op meerdere leefgebieden");
  await expectNoAxeViolations(page);
  await expectLayoutHolds(page);
  await page.getByLabel("Reguliere aanmelding: werkdagen").fill("0");
  await page.getByRole("button", { name: "Termijnen opslaan" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Er is een probleem" })).toBeFocused();
  await expect(page.getByLabel("Reguliere aanmelding: werkdagen")).toHaveValue("0");
  await expectNoAxeViolations(page);
});

test("Veilig Thuis sets a plan for its case, escalates it and steps it down; the page passes axe at 390 px", async ({
  page,
}) => {
  await login(page, "medewerker@veiligthuis.demo");
  await bringInCase(page, "Gezin, 3 kinderen; hulp loopt vast na verhuizing.");
  const plan = page.getByTestId("case-plan");
  await expect(plan).toContainText("Er is nog geen plan");
  await plan.getByText("Doel toevoegen", { exact: true }).first().click();
  await plan.getByLabel("Doel", { exact: true }).fill("De kinderen gaan weer naar school.");
  await plan.getByLabel("Fase").selectOption("STABLE_SAFETY");
  await plan.getByLabel("Leidende organisatie").selectOption({ label: "Veilig Thuis Westerduin" });
  await plan.getByLabel("Evalueren op").fill("2027-04-01");
  await plan.getByRole("button", { name: "Doel toevoegen" }).click();
  await expect(page.getByTestId("case-notice")).toContainText("Het doel is aan het plan toegevoegd.");
  await expect(page.getByTestId("plan-goal")).toContainText("De kinderen gaan weer naar school.");
  await expect(page.getByTestId("plan-goal")).toContainText("Geleid door VT");
  await expectNoAxeViolations(page);

  // Escalated without a reason: refused, the choice kept; with one, it is on the page.
  await page.getByText("Opschalen", { exact: true }).first().click();
  const raise = page.getByRole("form", { name: "Opschalen" });
  await raise.getByLabel("Niveau").selectOption("MANAGEMENT");
  await raise.getByRole("button", { name: "Opschalen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Er is een probleem" })).toBeFocused();
  await expect(page.getByRole("form", { name: "Opschalen" }).getByLabel("Niveau")).toHaveValue("MANAGEMENT");
  await page
    .getByRole("form", { name: "Opschalen" })
    .getByLabel("Waarom opschalen")
    .fill("School en wijkteam krijgen geen afspraak rond.");
  await page.getByRole("form", { name: "Opschalen" }).getByRole("button", { name: "Opschalen" }).click();
  await expect(page.getByTestId("escalation-open")).toContainText("Opgeschaald (leidinggevend)");
  await expectNoAxeViolations(page);
  await expectLayoutHolds(page);

  const stepDown = page.getByRole("form", { name: "Afschalen of naar een ander niveau" });
  await stepDown
    .getByLabel("Wat is eruit gekomen")
    .fill("De leidinggevenden hebben een vaste contactpersoon afgesproken.");
  await stepDown.getByRole("button", { name: "Vastleggen" }).click();
  await expect(page.getByTestId("case-notice")).toContainText("De casus is afgeschaald.");
  await expect(page.getByTestId("escalation-history")).toContainText("Afgeschaald: De leidinggevenden hebben");
  await expectNoAxeViolations(page);
});

import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

// These scenarios change the police profile one after the other.
test.describe.configure({ mode: "serial" });

test("the police admin adds a capability and sees the new version and its diff", async ({ page }) => {
  await login(page, "beheer@politie.demo");
  await page.goto("/organisaties/politie-westerduin");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Profiel bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rolprofiel bewerken: Politie basisteam Westerduin");
  await expectNoAxeViolations(page);

  const capabilities = page.getByRole("group", { name: "Wat wij kunnen bieden" });
  const before = await capabilities.getByRole("group").count();
  await page.getByRole("button", { name: "Mogelijkheid toevoegen" }).click();
  const added = capabilities.getByRole("group", { name: `Mogelijkheid ${before + 1}` });
  await expect(added.getByLabel("Omschrijving")).toBeFocused();
  await added.getByLabel("Omschrijving").fill("Kindvriendelijk verhoor");
  await added.getByLabel("Toelichting").fill("In de verhoorstudio, door speciaal opgeleide rechercheurs.");
  await page.getByLabel("Wat heb je gewijzigd?").fill("Kindvriendelijk verhoor toegevoegd");
  await page.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();

  await expect(page.getByRole("status").filter({ hasText: /Versie \d+ is opgeslagen/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Wat wij kunnen bieden" })).toContainText("Kindvriendelijk verhoor");
  await expect(page.getByText(/Laatst herzien op .* door Erik van Dalen \(POL\)/)).toBeVisible();

  await page.getByRole("link", { name: "Versiegeschiedenis" }).click();
  const changes = page.getByTestId("profile-changes");
  await expect(changes).toContainText("Toegevoegd");
  await expect(changes).toContainText(
    "Kindvriendelijk verhoor — In de verhoorstudio, door speciaal opgeleide rechercheurs.",
  );
  await expect(page.getByRole("row", { name: /Kindvriendelijk verhoor toegevoegd/ })).toContainText(
    "Erik van Dalen (POL)",
  );
  await expectNoAxeViolations(page);

  // Another organisation's profile: the server refuses, whatever the page shows.
  const response = await page.goto("/organisaties/om-westerduin/bewerken");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  await page.goto("/organisaties/om-westerduin");
  await expect(page.getByRole("link", { name: "Profiel bewerken" })).toHaveCount(0);
});

test("two admins edit different fields at once: the second save merges, nothing of the first is undone", async ({
  browser,
}) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await login(first, "beheer@politie.demo");
  await login(second, "admin@actie-overleg.demo");
  await first.goto("/organisaties/politie-westerduin/bewerken");
  await second.goto("/organisaties/politie-westerduin/bewerken");

  const urgent = "Acuut gevaar: 112. Spoedoverleg: piket aandachtsvelder, 24/7.";
  await first.getByRole("textbox", { name: "Spoedroute" }).fill(urgent);
  await first.getByLabel("Wat heb je gewijzigd?").fill("Spoedroute aangescherpt");
  await first.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();
  await expect(first.getByRole("status").filter({ hasText: /is opgeslagen/ })).toBeVisible();

  // The second admin still has the old Spoedroute in the form and changes only the escalation.
  const theirText = "Aandachtsvelder → teamchef → districtschef → politiechef eenheid.";
  await second.getByRole("textbox", { name: "Escalatieroute" }).fill(theirText);
  await second.getByLabel("Wat heb je gewijzigd?").fill("Escalatie uitgebreid");
  await second.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();

  const notice = second.getByRole("status").filter({ hasText: /is opgeslagen/ });
  await expect(notice).toContainText("Intussen had Erik van Dalen (POL) versie");
  await expect(notice).toContainText("samengevoegd");
  await expect(second.getByRole("region", { name: "Escalatieroute" })).toContainText(theirText);
  await expect(second.getByRole("region", { name: "Bereikbaarheid" })).toContainText("piket aandachtsvelder, 24/7");
  await expectNoAxeViolations(second);
});

test("the same admin in two tabs changes the same field: told it was 'you, in another tab', chooses per field", async ({
  page,
}) => {
  await login(page, "beheer@politie.demo");
  await page.goto("/organisaties/politie-westerduin/bewerken");
  const other = await page.context().newPage();
  await other.goto("/organisaties/politie-westerduin/bewerken");

  await other.getByRole("textbox", { name: "Spoedroute" }).fill("Spoed: 112, daarna piket via de meldkamer.");
  await other.getByLabel("Wat heb je gewijzigd?").fill("Spoedroute via meldkamer");
  await other.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();
  await expect(other.getByRole("status").filter({ hasText: /is opgeslagen/ })).toBeVisible();

  await page.getByRole("textbox", { name: "Spoedroute" }).fill("Spoed: 112.");
  await page
    .getByRole("textbox", { name: "Escalatieroute" })
    .fill("Aandachtsvelder → teamchef → districtschef (ook 's nachts).");
  await page.getByLabel("Wat heb je gewijzigd?").fill("Spoed en escalatie");
  await page.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();

  const conflict = page.getByRole("alert").filter({ hasText: "Je hebt dit profiel intussen zelf opgeslagen" });
  await expect(conflict).toBeFocused();
  const overlap = conflict.getByTestId("overlap");
  await expect(overlap).toHaveCount(1);
  await expect(overlap).toContainText("Bereikbaarheid · Spoedroute");
  await expect(overlap).toContainText("Spoed: 112, daarna piket via de meldkamer.");
  // What was typed stays in the form; the field only this tab changed is not in question.
  await expect(page.getByRole("textbox", { name: "Spoedroute" })).toHaveValue("Spoed: 112.");
  await expectNoAxeViolations(page);

  // Saving without choosing is refused at the choice, and nothing is lost.
  await page.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Er is een probleem" })).toContainText(
    "Kies welke tekst blijft.",
  );
  await expect(page.getByRole("textbox", { name: "Escalatieroute" })).toHaveValue(
    "Aandachtsvelder → teamchef → districtschef (ook 's nachts).",
  );
  await page.getByLabel("De tekst van je andere tabblad overnemen").check();
  await page.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();
  await expect(page.getByRole("status").filter({ hasText: /is opgeslagen/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Bereikbaarheid" })).toContainText(
    "Spoed: 112, daarna piket via de meldkamer.",
  );
  await expect(page.getByRole("region", { name: "Escalatieroute" })).toContainText("(ook 's nachts)");
  await expectNoAxeViolations(page);
});

test("a prosecution member finds the police by a capability, compares three partners and prints", async ({ page }) => {
  await login(page, "medewerker@om.demo");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }).click();
  await expectNoAxeViolations(page);

  await page.getByRole("searchbox", { name: "Zoeken" }).fill("huisverbod");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 organisatie gevonden" })).toBeVisible();
  await expect(page.getByText("Gevonden in wat wij kunnen bieden: Huisverbod uitvoeren")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Alles tonen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "7 organisaties gevonden" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Vergelijk Politie basisteam Westerduin" }).check();
  await page.getByRole("checkbox", { name: "Vergelijk Veilig Thuis Westerduin" }).check();
  await page.getByRole("checkbox", { name: "Vergelijk Raad voor de Kinderbescherming, regio Westerduin" }).check();
  await page.getByRole("button", { name: "Vergelijk de gekozen organisaties" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rolprofielen vergelijken");
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /Wettelijke grondslagen/ })).toContainText(
    "Burgerlijk Wetboek Boek 1, art. 1:255",
  );
  await expect(table.getByRole("row", { name: /Wat wij kunnen bieden/ })).toContainText(
    "Veiligheidstaxatie binnen 5 werkdagen",
  );
  await expectNoAxeViolations(page);

  // "Afdrukken" opens the browser's print dialog…
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole("button", { name: "Afdrukken" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // …and the print stylesheet leaves the comparison without navigation or buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  await expect(table).toBeVisible();
  const pdf = await page.pdf({ format: "A4", landscape: true });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  expect(pdf.length).toBeGreaterThan(10_000);
});

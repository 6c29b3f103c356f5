import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

test("a BSN in a case description is refused with the reason, the text stays, and the case stays need-to-know", async ({
  page,
  browser,
}) => {
  await login(page, "medewerker@veiligthuis.demo");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Casussen" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Nieuwe casus inbrengen" }).click();
  await expectNoAxeViolations(page);

  const typed = "Gezin, 2 kinderen (4 en 7). Moeder, bsn 111222333, meldt geweld.";
  await page.getByLabel("Korte omschrijving").fill(typed);
  await page.getByLabel("Risico").selectOption("HIGH");
  await page.getByRole("button", { name: "Casus inbrengen" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("lijkt op een burgerservicenummer (111222333)");
  await expect(page.getByLabel("Korte omschrijving")).toHaveValue(typed);
  await expect(page.getByLabel("Korte omschrijving")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Korte omschrijving").fill("Gezin, 2 kinderen (4 en 7). Moeder meldt geweld.");
  await page.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^AO-\d{4}-\d{4}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent()) as string;
  await expect(page.getByRole("status").filter({ hasText: `Casus ${reference} is ingebracht.` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Another organisation, not at any table for it, cannot open it by URL.
  const police = await (await browser.newContext()).newPage();
  await login(police, "medewerker@politie.demo");
  const response = await police.goto(`/casussen/${reference}`);
  expect(response?.status()).toBe(404);
  await police.goto("/casussen");
  await expect(police.getByRole("link", { name: reference })).toHaveCount(0);
});

test("the platform admin's meetings page lists meetings without agenda content and passes axe", async ({ page }) => {
  await login(page, "admin@actie-overleg.demo");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overleggen beheren");
  await expectNoAxeViolations(page);
});

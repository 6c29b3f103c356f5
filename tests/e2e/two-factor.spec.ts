import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { claimStep, codeAt } from "../support/totp";

import { DEMO_PASSWORD, enterSecondFactor, expectNoAxeViolations, login } from "./support";

async function passwordOnly(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

test("a chair cannot get past login without the second factor", async ({ page }) => {
  await passwordOnly(page, "voorzitter@veiligthuis.demo");
  await expect(page).toHaveURL(/\/tweede-stap/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tweede stap");
  await expect(page.getByLabel("Code uit de app of herstelcode")).toBeFocused();
  await expectNoAxeViolations(page);

  // Any other page sends back to the second step; no menu is shown.
  await page.goto("/overleggen");
  await expect(page).toHaveURL(/\/tweede-stap\?redirectTo=%2Foverleggen$/);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toHaveCount(0);

  await page.getByLabel("Code uit de app of herstelcode").fill("000000");
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByText("Deze code klopt niet.")).toBeVisible();
  await expect(page.getByLabel("Code uit de app of herstelcode")).toBeFocused();

  await enterSecondFactor(page, "voorzitter@veiligthuis.demo");
  await expect(page).toHaveURL(/\/overleggen$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overleggen");
});

test("a member enrols with a QR code, keeps recovery codes, logs in with one, and turns it off", async ({ page }) => {
  const email = "tweestap@wijkteam.demo";
  await login(page, email);
  await page.getByRole("link", { name: "Tweestapsverificatie" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Uit.");
  await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
  await expect(page.getByRole("img", { name: "QR-code met de sleutel voor je authenticator-app" })).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replaceAll(" ", "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const codeField = page.getByLabel("Code van zes cijfers uit de app");
  await codeField.fill("000000");
  await page.getByRole("button", { name: "Instellen" }).click();
  await expect(page.getByText("Deze code klopt niet.")).toBeVisible();
  await codeField.fill(await codeAt(claimStep(email), secret));
  await page.getByRole("button", { name: "Instellen" }).click();

  await expect(page.getByRole("heading", { name: "Bewaar je herstelcodes" })).toBeFocused();
  const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  expect(codes).toHaveLength(10);
  await expect(page.getByTestId("two-factor-status")).toContainText("Ongebruikte herstelcodes: 10");
  await expectNoAxeViolations(page);

  // From now on the password alone is not enough; a recovery code works (once).
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await passwordOnly(page, email);
  await expect(page).toHaveURL(/\/tweede-stap/);
  await page.getByLabel("Code uit de app of herstelcode").fill(codes[0] as string);
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welkom");

  await page.goto("/tweestapsverificatie");
  await expect(page.getByTestId("two-factor-status")).toContainText("Ongebruikte herstelcodes: 9");
  await page.locator("#code-disable").fill(await codeAt(claimStep(email), secret));
  await page.getByRole("button", { name: "Tweestapsverificatie uitzetten" }).click();
  await expect(page.getByText("Tweestapsverificatie staat uit.")).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Uit.");
});

import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "~/domain/demo/demo-data";

import { expectNoAxeViolations, login } from "./support";

test.describe("inloggen", () => {
  test("the login page is accessible and starts at the e-mail field", async ({ page }) => {
    await page.goto("/login");
    await expect(page).toHaveTitle(/Inloggen/);
    await expect(page.getByLabel("E-mailadres")).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test("an empty form gets an error summary that takes focus and links to the fields", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Inloggen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: /E-mailadres: Vul je e-mailadres in/ })).toBeVisible();
    await expect(page.getByLabel("Wachtwoord")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await summary.getByRole("link", { name: /Wachtwoord/ }).click();
    await expect(page.getByLabel("Wachtwoord")).toBeFocused();
  });

  test("a wrong password gives one generic message and keeps the typed address", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("medewerker@politie.demo");
    await page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("alert")).toHaveText("De combinatie van e-mailadres en wachtwoord is niet bekend.");
    await expect(page.getByLabel("E-mailadres")).toHaveValue("medewerker@politie.demo");
    await expectNoAxeViolations(page);
  });

  test("a police member logs in and sees the start page with the police organisation", async ({ page }) => {
    await login(page, "medewerker@politie.demo");
    await expect(page.getByTestId("organisation")).toHaveText("Politie basisteam Westerduin (Politie)");
    await expect(page.getByRole("banner")).toContainText("Samira Bouzid (POL)");
    await expectNoAxeViolations(page);

    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Politie basisteam Westerduin" })).toContainText(
      "jouw organisatie",
    );
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Je bent uitgelogd." })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
  });

  test("after logging in, the page that was asked for opens", async ({ page }) => {
    await page.goto("/organisaties");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Forganisaties/);
    await page.getByLabel("E-mailadres").fill("medewerker@om.demo");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/organisaties$/);
    await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
  });

  test("after a navigation focus is on the new page's content", async ({ page }) => {
    await login(page, "medewerker@rvdk.demo");
    await expect(page.locator("main")).toBeFocused();
    await page.getByRole("link", { name: "Organisaties" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisaties" })).toBeVisible();
    await expect(page.locator("main")).toBeFocused();
  });

  test("the skip link is the first stop for the keyboard and moves focus to the content", async ({ page }) => {
    await login(page, "medewerker@rvdk.demo");
    await page.goto("/organisaties");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("an unknown page shows a friendly 404 that passes axe", async ({ page }) => {
    await login(page, "medewerker@wijkteam.demo");
    const response = await page.goto("/bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

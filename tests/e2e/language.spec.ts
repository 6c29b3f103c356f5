import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "~/domain/demo/demo-data";

import { expectNoAxeViolations, login } from "./support";

test("English can be chosen, is remembered, and Dutch can be chosen back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");
  await expect(page).toHaveTitle("Log in · Actie-overleg");
  await expect(page.getByLabel("E-mail address")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in");

  await page.getByLabel("E-mail address").fill("medewerker@veiligthuis.demo");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Ingrid de Boer");
  await expect(page.getByTestId("organisation")).toHaveText(
    "Veilig Thuis Westerduin (Veilig Thuis (advice and reporting centre))",
  );
  await expect(page.getByTestId("connection-indicator")).toContainText("Connected");
  await expectNoAxeViolations(page);

  // The role profile pages in English, including what the table shows.
  await page.goto("/organisaties/vergelijk?o=politie-westerduin&o=om-westerduin");
  await expect(page).toHaveTitle("Compare role profiles · Actie-overleg");
  await expect(page.getByRole("row", { name: /What we can offer/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/");

  await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom, Ingrid de Boer");
});

test("Dutch is the default even for an English-language browser", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await login(page, "medewerker@reclassering.demo");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await context.close();
});

import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

test("a member sees their sessions and logs out everywhere: the other device is out too", async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const first = await laptop.newPage();
  const second = await phone.newPage();
  await login(first, "medewerker@reclassering.demo");
  await login(second, "medewerker@reclassering.demo");
  await expect(second.getByTestId("connection-indicator")).toHaveAttribute("data-state", "connected");

  await first.getByRole("link", { name: "Sessies" }).click();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Je sessies");
  await expect(first.getByTestId("sessions")).toContainText("Deze sessie");
  expect(await first.getByTestId("sessions").locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
  await expectNoAxeViolations(first);

  await first.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(first).toHaveURL(/\/login/);
  // The other device's socket is ended at once, and its next page asks to log in.
  await expect(second.getByTestId("connection-indicator")).toHaveAttribute("data-state", "offline");
  await second.goto("/acties");
  await expect(second).toHaveURL(/\/login/);

  await laptop.close();
  await phone.close();
});

test("the password form refuses a wrong current password and a common new one, with a summary that takes focus", async ({
  page,
}) => {
  await login(page, "medewerker@om.demo");
  await page.getByRole("link", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wachtwoord wijzigen");
  await expectNoAxeViolations(page);
  await page.getByLabel("Huidig wachtwoord").fill("niet-het-goede-wachtwoord");
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("wachtwoord123");
  await page.getByLabel("Nieuw wachtwoord nogmaals").fill("wachtwoord123");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page.getByRole("alert")).toContainText("Dit wachtwoord wordt veel gebruikt");
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een lange zin voor de tafel");
  await page.getByLabel("Nieuw wachtwoord nogmaals").fill("een lange zin voor de tafel");
  await page.getByLabel("Huidig wachtwoord").fill("niet-het-goede-wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(page.getByRole("alert")).toContainText("Je huidige wachtwoord klopt niet.");
  await expectNoAxeViolations(page);
});

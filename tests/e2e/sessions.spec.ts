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

import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

test("a slow answer shows that the page is busy, and the page arrives after it", async ({ page }) => {
  await login(page, "medewerker@om.demo");
  // The server takes 2.5 s for the next page's data, as behind a busy database.
  await page.route("**/acties.data**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Acties" }).click();
  const progress = page.getByRole("status").filter({ hasText: "Bezig met laden…" });
  await expect(progress).toBeVisible();
  await expectNoAxeViolations(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acties");
  await expect(progress).toHaveCount(0);
});

import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

test("the start page says per role what to do next: chair, member and organisation admin", async ({ browser }) => {
  const chair = await (await browser.newContext()).newPage();
  await login(chair, "voorzitter@veiligthuis.demo");
  const chairSection = chair.getByTestId("start-chair");
  await expect(chairSection.getByRole("heading", { name: "Jouw volgende overleggen" })).toBeVisible();
  await expect(chairSection).toContainText("Actie-overleg Westerduin (demo)");
  await expect(chairSection).toContainText(/\d+ agendapunten/);
  await expect(chairSection.getByRole("heading", { name: "Open acties uit jouw overleggen" })).toBeVisible();
  await expectNoAxeViolations(chair);

  // Last month's meeting: every organisation's open actions, read-only, in a view of their own.
  const lastMonth = chairSection.getByTestId("start-meeting-actions").filter({ hasText: "vorige maand" });
  await expect(lastMonth.locator("summary")).toContainText("3 open, 1 te laat");
  await lastMonth.locator("summary").click();
  await lastMonth.getByRole("link", { name: /^Alle acties van/ }).click();
  await expect(chair).toHaveURL(/bereik=mijn-overleggen/);
  await expect(chair.getByRole("link", { name: "Alle organisaties (mijn overleggen)" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const rows = chair.getByTestId("action-item");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "Stopgesprek met de ex-partner voeren" })).toContainText("Te laat");
  await expect(rows.filter({ hasText: "contactverbod" })).toContainText("Eigenaar: RECL");
  await expect(rows.filter({ hasText: "contactverbod" })).toContainText("Eerste twee weken nageleefd.");
  await expect(rows.locator("form")).toHaveCount(0); // read-only: no update or correction forms
  await expectNoAxeViolations(chair);

  // A partner looks the police profile up; the police admin sees it on the start page.
  const rvdk = await (await browser.newContext()).newPage();
  await login(rvdk, "medewerker@rvdk.demo");
  await rvdk.goto("/organisaties/politie-westerduin");
  const member = rvdk.getByTestId("start-member");
  await rvdk.goto("/");
  await expect(member.getByRole("heading", { name: "Wat jouw organisatie nu moet doen" })).toBeVisible();
  await expect(
    member.getByRole("heading", { name: "Overleggen waarvoor jouw organisatie is uitgenodigd" }),
  ).toBeVisible();
  await expect(rvdk.getByTestId("start-chair")).toHaveCount(0);
  await expect(rvdk.getByTestId("start-admin")).toHaveCount(0);
  await expectNoAxeViolations(rvdk);
  // Every organisation's actions are the chair's overview only.
  expect((await rvdk.goto("/acties?bereik=mijn-overleggen"))?.status()).toBe(403);

  const admin = await (await browser.newContext()).newPage();
  await login(admin, "beheer@politie.demo");
  const adminSection = admin.getByTestId("start-admin");
  await expect(adminSection).toContainText("Partners die het profiel bekeken");
  await expect(adminSection).toContainText("Raad voor de Kinderbescherming, regio Westerduin");
  await expectNoAxeViolations(admin);
  for (const page of [chair, rvdk, admin]) await page.context().close();
});

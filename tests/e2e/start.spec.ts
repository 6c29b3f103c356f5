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

  const admin = await (await browser.newContext()).newPage();
  await login(admin, "beheer@politie.demo");
  const adminSection = admin.getByTestId("start-admin");
  await expect(adminSection).toContainText("Partners die het profiel bekeken");
  await expect(adminSection).toContainText("Raad voor de Kinderbescherming, regio Westerduin");
  await expectNoAxeViolations(admin);
  for (const page of [chair, rvdk, admin]) await page.context().close();
});

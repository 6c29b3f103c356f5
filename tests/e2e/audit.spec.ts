import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

test("the platform admin reads the audit log by period; an organisation admin reads its own cases' log; members have no access", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, "admin@actie-overleg.demo");
  await admin.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Logboek" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Logboek");
  await expect(admin.getByTestId("audit-table")).toContainText("Ingelogd");
  await expect(admin.getByRole("link", { name: "Periode exporteren (CSV)" })).toBeVisible();
  await expectNoAxeViolations(admin);

  const orgAdminContext = await browser.newContext();
  const orgAdmin = await orgAdminContext.newPage();
  await login(orgAdmin, "beheer@politie.demo");
  await orgAdmin.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Logboek" }).click();
  await expect(orgAdmin.getByText("Wie heeft de casussen van jouw organisatie bekeken of gewijzigd")).toBeVisible();
  await expectNoAxeViolations(orgAdmin);

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await login(member, "medewerker@om.demo");
  await expect(
    member.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Logboek" }),
  ).toHaveCount(0);
  const response = await member.goto("/logboek");
  expect(response?.status()).toBe(403);

  for (const context of [adminContext, orgAdminContext, memberContext]) await context.close();
});

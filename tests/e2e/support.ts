import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const DEMO_PASSWORD = "demo-demo-demo";

/** WCAG 2.0/2.1 A and AA, plus axe's best practices (landmarks, regions, headings). */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welkom");
}

/** A name as the start of an accessible name ("Reclassering (3RO) …" has regex characters). */
export const startingWith = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** Brings in a case through the form and returns its reference. */
export async function bringInCase(page: Page, description: string): Promise<string> {
  await page.goto("/casussen/nieuw");
  await page.getByLabel("Korte omschrijving").fill(description);
  await page.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^AO-\d{4}-\d{4}$/);
  return (await page.getByRole("heading", { level: 1 }).textContent()) as string;
}

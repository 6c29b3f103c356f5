import AxeBuilder from "@axe-core/playwright";
import type { Cookie, Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "~/domain/demo/demo-data";

import { claimStepAcrossWorkers, codeAt, currentStep, waitUntilAcceptable } from "../support/totp";

export { DEMO_PASSWORD };

/** WCAG 2.0/2.1 A and AA, plus axe's best practices (landmarks, regions, headings). */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
  await expectLayoutHolds(page);
}

/** Controls that overlap another by more than a sliver, as "a ↔ b" (visible ones only). */
function overlappingControls(): string[] {
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""}`;
  const boxes = [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button")]
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    // checkVisibility: not in a closed <details> (laid out, but not shown), not hidden, not transparent.
    .filter(
      ({ el, r }) =>
        r.width > 2 &&
        r.height > 2 &&
        el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true }),
    );
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = (boxes[i] as (typeof boxes)[number]).r;
      const b = (boxes[j] as (typeof boxes)[number]).r;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 2 && y > 2)
        found.push(
          `${describe((boxes[i] as (typeof boxes)[number]).el)} ↔ ${describe((boxes[j] as (typeof boxes)[number]).el)}`,
        );
    }
  }
  return found;
}

/**
 * Every page the suite checks with axe is also looked at on a phone and a laptop: at 390×844
 * nothing scrolls sideways (the document is no wider than the screen), at 1366×768 no form control
 * lies over another. The page's own size is restored afterwards.
 */
export async function expectLayoutHolds(page: Page) {
  const original = page.viewportSize();
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => {
      const screen = document.documentElement.clientWidth;
      // The innermost elements that reach past the screen's edge: what to fix.
      const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > screen + 1)
        .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > screen + 1))
        .slice(0, 5)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`,
        );
      return { document: document.documentElement.scrollWidth, screen, wide };
    });
    expect(width.document, `${page.url()} scrolls sideways at 390 px: ${width.wide.join(", ")}`).toBeLessThanOrEqual(
      width.screen,
    );
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.evaluate(overlappingControls), `${page.url()} at 1366 px`).toEqual([]);
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

const secondFactorCookies = new Map<string, Cookie[]>();

/**
 * Logs in through the form, with the demo second factor where the account has one. A code counts
 * once per 30-second step, so such an account reuses its session from an earlier test of this
 * worker while it is valid (one person, several windows) instead of waiting for a new code.
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  const cached = secondFactorCookies.get(email);
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto("/");
    if (new URL(page.url()).pathname === "/") return;
    await page.context().clearCookies();
  }
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  if (new URL(page.url()).pathname === "/tweede-stap") {
    await enterSecondFactor(page, email);
    secondFactorCookies.set(email, await page.context().cookies());
  }
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welkom");
}

/**
 * Types the demo code on the second step; a code another worker just used is retried with the next
 * (three tries: with meetings built by the builder, the chair signs in on both workers within one step).
 */
export async function enterSecondFactor(page: Page, email: string, secret = DEMO_TOTP_SECRET) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const step = claimStepAcrossWorkers(email);
    if (step > currentStep() + 1) test.info().setTimeout(test.info().timeout + 30_000);
    await waitUntilAcceptable(step);
    await page.getByLabel("Code uit de app of herstelcode").fill(await codeAt(step, secret));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL((url) => url.pathname !== "/tweede-stap", { timeout: 5_000 }).catch(() => undefined);
    if (new URL(page.url()).pathname !== "/tweede-stap") return;
  }
  throw new Error(`second factor for ${email} refused`);
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

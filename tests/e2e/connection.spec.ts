import type { WebSocketRoute } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { login } from "./support";

test("the connection indicator follows each browser's real socket", async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();

  // The member's socket runs through a relay we can cut, as a flaky network or a restarting
  // server would: while cut, every reconnection attempt is closed at once.
  let cut = false;
  const live: WebSocketRoute[] = [];
  await bob.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (cut) return void ws.close({ code: 1006 });
    ws.connectToServer();
    live.push(ws);
  });

  const chair = await alice.newPage();
  const member = await bob.newPage();
  await login(chair, "voorzitter@veiligthuis.demo");
  await login(member, "medewerker@politie.demo");

  const chairIndicator = chair.getByTestId("connection-indicator");
  const memberIndicator = member.getByTestId("connection-indicator");
  await expect(chairIndicator).toHaveText(/Verbonden/);
  await expect(memberIndicator).toHaveText(/Verbonden/);
  await expect(memberIndicator).toHaveAttribute("data-state", "connected");

  // The member's connection drops: only their indicator changes, and it says so.
  cut = true;
  for (const ws of live.splice(0)) await ws.close({ code: 1006 });
  await expect(memberIndicator).toHaveAttribute("data-state", "reconnecting");
  await expect(memberIndicator).toHaveText(/Verbinding verbroken — opnieuw verbinden/);
  await expect(chairIndicator).toHaveAttribute("data-state", "connected");

  // The network is back: the socket reconnects by itself.
  cut = false;
  await expect(memberIndicator).toHaveAttribute("data-state", "connected", { timeout: 15_000 });

  // The member logs out in a second tab: the server ends that session's socket in the first tab.
  const secondTab = await bob.newPage();
  await secondTab.goto("/");
  await secondTab.getByRole("button", { name: "Uitloggen" }).click();
  await expect(memberIndicator).toHaveAttribute("data-state", "offline");
  await expect(memberIndicator).toHaveText(/Offline/);
  await expect(chairIndicator).toHaveAttribute("data-state", "connected");

  await alice.close();
  await bob.close();
});

test("a fresh page load goes from connecting to connected, never through 'connection lost'", async ({ page }) => {
  await login(page, "medewerker@om.demo");
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => {
      const state = document.querySelector("[data-testid=connection-indicator]")?.getAttribute("data-state");
      if (state && seen.at(-1) !== state) seen.push(state);
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  await page.goto("/organisaties");
  await expect(page.getByTestId("connection-indicator")).toHaveAttribute("data-state", "connected");
  const seen = await page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
  expect(seen).not.toContain("reconnecting");
  expect(seen.at(-1)).toBe("connected");
});

import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import { ORG, expectSynced, joinAs, roleCard, startLiveMeeting } from "./live-support";
import { expectNoAxeViolations } from "./support";

/** Every WebSocket frame a page receives, to prove what never reached it. */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", (frame) => frames.push(String(frame.payload))));
  return frames;
}

/** A marker that disappears when the page reloads: changes must arrive without one. */
async function markNoReload(page: Page) {
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
}
async function expectNoReload(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
}

test("three partners at one table see each other's changes live; probation at another table receives nothing", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  const { livePath, cases } = await startLiveMeeting(chair, "Live overleg, week 5");

  // Probation joins first and records every frame its socket receives from now on.
  const recl = await browser.newContext().then(async (context) => {
    const page = await context.newPage();
    const frames = recordFrames(page);
    const { login } = await import("./support");
    await login(page, "medewerker@reclassering.demo");
    await page.goto(livePath);
    await expectSynced(page);
    return { context, page, frames };
  });
  const police = await joinAs(browser, "medewerker@politie.demo", livePath);
  const rvdk = await joinAs(browser, "medewerker@rvdk.demo", livePath);
  for (const page of [chair, police.page, rvdk.page, recl.page]) await markNoReload(page);

  // Presence: everyone sees who is there, per organisation.
  await expect(chair.getByTestId("presence")).toContainText("4 personen aanwezig");
  await expect(police.page.getByTestId("presence")).toContainText("RECL");

  // The police start on their role card of item 1 (the first item is on the table at the start).
  const card = roleCard(police.page, ORG.POL);
  await card.getByLabel("Onze rol in deze casus").fill("Wij handhaven het huisverbod en rijden surveillance.");

  // The chair puts item 2 on the table, then item 1: every screen follows.
  const agenda = chair.getByRole("navigation", { name: "Agendapunten" });
  // The list numbers the items; each button names its case once ("1. AO-…", not "1. 1. AO-…").
  await expect(agenda.getByRole("listitem").first()).not.toContainText("1. 1.");
  await agenda.getByRole("button", { name: cases[1], exact: true }).click();
  await chair.getByRole("button", { name: "Agendapunt 2 aan tafel zetten" }).click();
  await expect(recl.page.getByTestId("item-board")).toContainText("Wie neemt de regie in casus 2?");
  await expect(police.page.getByTestId("item-board")).toContainText("zit bij dit agendapunt niet aan tafel");
  await agenda.getByRole("button", { name: cases[0], exact: true }).click();
  await chair.getByRole("button", { name: "Agendapunt 1 aan tafel zetten" }).click();
  await expect(police.page.getByTestId("item-board")).toContainText("Wie neemt de regie in casus 1?");
  await expect(rvdk.page.getByTestId("item-timer")).toContainText("van 15:00");
  await expect(recl.page.getByTestId("item-board")).toContainText("zit bij dit agendapunt niet aan tafel");
  await expectNoAxeViolations(police.page);

  // What the police were typing survived the chair moving the table on and back.
  await expect(card.getByLabel("Onze rol in deze casus")).toHaveValue(/huisverbod en rijden surveillance/);

  // The police complete their role card, sharing information on a legal basis from their profile.
  await card.getByLabel("Wat wij weten dat relevant en proportioneel is").fill("Twee eerdere incidenten in 2026.");
  await card.getByLabel("Wat wij bijdragen").fill("Extra surveillance rond de woning.");
  await card.getByRole("button", { name: "Rolkaart opslaan" }).click();
  await expect(card.getByText("Kies de grondslag waarop je deze informatie deelt.")).toBeVisible();
  await expect(card.getByLabel("Onze rol in deze casus")).toHaveValue(/huisverbod/); // text kept
  await card.getByLabel("Grondslag voor het delen van deze informatie").selectOption("Politiewet 2012 art. 3");
  await card.getByRole("button", { name: "Rolkaart opslaan" }).click();
  await expect(card.getByText("Opgeslagen.")).toBeVisible();
  for (const page of [chair, rvdk.page]) {
    await expect(roleCard(page, ORG.POL)).toContainText("Twee eerdere incidenten in 2026. (Politiewet 2012 art. 3)");
    await expect(roleCard(page, ORG.POL)).toContainText("Ingevuld");
  }

  // The Board adds an action for the Board and a need.
  const actions = rvdk.page.getByRole("form", { name: "Actie toevoegen" });
  await actions.getByLabel("Wat moet er gebeuren").fill("Raadsonderzoek starten naar de veiligheid van de kinderen.");
  await actions.getByLabel("Eigenaar (organisatie)").selectOption({ label: ORG.RvdK });
  await actions.getByLabel("Uiterlijk").fill("2027-02-18");
  await actions.getByRole("button", { name: "Actie toevoegen" }).click();
  const needs = rvdk.page.getByRole("form", { name: "Behoefte toevoegen" });
  await needs.getByLabel("Wij hebben nodig dat…").fill("de politie de zorgmelding binnen 24 uur deelt.");
  await needs.getByRole("button", { name: "Behoefte toevoegen" }).click();
  for (const page of [chair, police.page]) {
    await expect(page.getByTestId("item-board").getByTestId("action")).toContainText("Raadsonderzoek starten");
    await expect(page.getByTestId("item-board").getByTestId("need")).toContainText("de zorgmelding binnen 24 uur");
    await expect(page.getByTestId("item-board").getByTestId("balance")).toContainText("Raad voor de Kinderbescherming");
  }
  await expect(police.page.getByTestId("live-announcer")).not.toBeEmpty();

  // The chair records a decision with the Board's dissent.
  const decisions = chair.getByRole("form", { name: "Besluit vastleggen" });
  await decisions.getByLabel("Besluit", { exact: true }).fill("Politie neemt de regie; VT volgt de veiligheid.");
  await decisions.getByLabel(`${ORG.RvdK} is het niet eens`).check();
  await decisions.getByLabel(`Reden van ${ORG.RvdK}`).fill("De Raad wil eerst zelf onderzoek doen.");
  await decisions.getByRole("button", { name: "Besluit vastleggen" }).click();
  for (const page of [police.page, rvdk.page]) {
    await expect(page.getByTestId("item-board").getByTestId("decision")).toContainText("Politie neemt de regie");
    await expect(page.getByTestId("item-board").getByTestId("decision")).toContainText(
      `Afwijkend: ${ORG.RvdK} — De Raad wil eerst zelf onderzoek doen.`,
    );
  }
  await expectNoAxeViolations(chair);

  for (const page of [chair, police.page, rvdk.page, recl.page]) await expectNoReload(page);

  // Probation is not at item 1's table: not one frame carried any of it.
  await expect(recl.page.getByTestId("item-board")).toContainText("zit bij dit agendapunt niet aan tafel");
  const received = recl.frames.join("\n");
  expect(received).toContain("live:meeting"); // it did follow the meeting itself…
  for (const secret of [
    "Wie neemt de regie in casus 1?",
    "Twee eerdere incidenten",
    "Raadsonderzoek starten",
    "zorgmelding binnen 24 uur",
    "Politie neemt de regie",
    "live:item",
  ]) {
    expect(received).not.toContain(secret); // …but received nothing of item 1.
  }
  await expect(recl.page.locator("body")).not.toContainText("Twee eerdere incidenten");
  await expectNoAxeViolations(recl.page);

  // The police start typing an action but have not sent it when the chair closes the item.
  const policeActions = police.page.getByRole("form", { name: "Actie toevoegen" });
  await policeActions.getByLabel("Wat moet er gebeuren").fill("Buurtonderzoek afronden.");

  // The chair closes item 1 and moves on: the Board's need is still open, so that needs a
  // deliberate confirmation, which the agenda then shows.
  await chair.getByRole("button", { name: "Sluiten en volgende" }).click();
  await expect(chair.getByText("Er zijn nog open behoeften.")).toBeVisible();
  await chair.getByLabel(/Ik sluit dit agendapunt terwijl er nog 1 open behoefte/).check();
  await chair.getByRole("button", { name: "Sluiten en volgende" }).click();
  await expect(recl.page.getByTestId("item-board")).toContainText("Wie neemt de regie in casus 2?");
  await expect(police.page.getByRole("navigation", { name: "Agendapunten" })).toContainText(
    "Gesloten met open behoeften (bevestigd door de voorzitter)",
  );
  // …and ends the meeting: every screen says so, the boards are read-only.
  await chair.getByRole("button", { name: "Overleg afronden" }).click();
  await chair.getByRole("button", { name: "Overleg afronden" }).click();
  for (const page of [police.page, rvdk.page, recl.page]) {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Afgerond");
  }
  await police.page
    .getByRole("navigation", { name: "Agendapunten" })
    .getByRole("button", { name: cases[0], exact: true })
    .click();
  await expect(roleCard(police.page, ORG.POL).getByRole("button", { name: "Rolkaart opslaan" })).toHaveCount(0);
  // What the police typed is still there, disabled, with the reason.
  await expect(policeActions).toContainText("Dit agendapunt is gesloten");
  await expect(policeActions.getByLabel("Wat moet er gebeuren")).toHaveValue("Buurtonderzoek afronden.");
  await expect(policeActions.getByLabel("Wat moet er gebeuren")).toBeDisabled();

  // The minutes: generated, approved by the chair, then amended — and need-to-know holds.
  await chair.getByRole("link", { name: "Verslag" }).click();
  await expect(chair.getByRole("heading", { level: 1 })).toContainText("Concept");
  await expect(chair.getByTestId("minutes-item")).toHaveCount(2);
  // Approving asks for a confirmation first.
  await chair.getByRole("button", { name: "Verslag vaststellen" }).click();
  await expect(chair.getByText("Bevestig dat je het verslag hebt nagelezen")).toBeVisible();
  await expect(chair.getByRole("heading", { level: 1 })).toContainText("Concept");
  await chair.getByLabel(/Ik heb het verslag nagelezen/).check();
  await chair.getByRole("button", { name: "Verslag vaststellen" }).click();
  await expect(chair.getByRole("heading", { level: 1 })).toContainText("Vastgesteld");
  const amend = chair.getByRole("region", { name: "Wijziging vastleggen" });
  await amend.getByLabel("Over", { exact: true }).selectOption({ index: 1 });
  await amend.getByLabel("Wijziging", { exact: true }).fill("De politie rijdt ook in het weekend surveillance.");
  await amend.getByLabel("Reden").fill("Aanvulling na het overleg.");
  await amend.getByRole("button", { name: "Wijziging toevoegen" }).click();
  await expect(chair.getByTestId("amendment")).toContainText("De politie rijdt ook in het weekend surveillance.");
  // An amendment that corrects the Board's action: the date moves in the product, not only in words.
  const corrections = chair.getByTestId("minutes-corrections");
  await corrections.getByText("Actie corrigeren via een wijziging").click();
  const amendAction = corrections.getByRole("form", { name: /^Actie corrigeren: Raadsonderzoek starten/ });
  await amendAction.getByLabel("Uiterlijk").fill("2027-03-04");
  await amendAction.getByRole("button", { name: "Wijziging vastleggen" }).click();
  // The reason is required; the new date is kept.
  await expect(chair.getByText("Niet alles is goed ingevuld")).toBeVisible();
  const again = chair.getByRole("form", { name: /^Actie corrigeren: Raadsonderzoek starten/ });
  await expect(again.getByLabel("Uiterlijk")).toHaveValue("2027-03-04");
  await again.getByLabel("Reden").fill("De Raad had 4 maart toegezegd.");
  await again.getByRole("button", { name: "Wijziging vastleggen" }).click();
  const amended = chair.getByTestId("amendment").filter({ hasText: "Actie “Raadsonderzoek starten" });
  await expect(amended).toContainText("reden: De Raad had 4 maart toegezegd.");
  await expect(amended).toContainText("werd");
  await expectNoAxeViolations(chair);
  await rvdk.page.goto("/acties");
  const boardAction = rvdk.page.getByTestId("action-item").filter({ hasText: "Raadsonderzoek starten" });
  await expect(boardAction).toContainText("4 maart 2027");
  await expect(boardAction).toContainText("via het verslag");
  await expect(boardAction).toContainText("Reden: De Raad had 4 maart toegezegd.");
  const minutesPath = new URL(chair.url()).pathname;
  await police.page.goto(minutesPath);
  await expect(police.page.getByTestId("minutes-item")).toHaveCount(1);
  await expect(police.page.getByTestId("minutes-item")).toContainText("Politie neemt de regie");
  await expect(police.page.getByTestId("amendment").first()).toContainText("reden: Aanvulling na het overleg.");
  // The police sat at that table: they see the action's correction too.
  await expect(police.page.getByTestId("amendment").nth(1)).toContainText("reden: De Raad had 4 maart toegezegd.");
  await recl.page.goto(minutesPath);
  await expect(recl.page.getByTestId("minutes-item")).toHaveCount(1);
  await expect(recl.page.locator("main")).not.toContainText("Politie neemt de regie");
  await expect(recl.page.getByTestId("amendment")).toHaveCount(0);
  await expectNoAxeViolations(police.page);

  for (const context of [chairContext, police.context, rvdk.context, recl.context]) await context.close();
});

test("two browsers edit the same role card: the second is told and keeps their text", async ({ browser }) => {
  test.setTimeout(90_000);
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  const { livePath } = await startLiveMeeting(chair, "Live overleg, gelijktijdig");
  const member = await joinAs(browser, "medewerker@politie.demo", livePath);
  const admin = await joinAs(browser, "beheer@politie.demo", livePath);

  const first = roleCard(member.page, ORG.POL).getByLabel("Onze rol in deze casus");
  const second = roleCard(admin.page, ORG.POL).getByLabel("Onze rol in deze casus");
  await first.fill("Wij handhaven het huisverbod.");
  await second.fill("Wij starten een strafrechtelijk onderzoek.");
  await roleCard(member.page, ORG.POL).getByRole("button", { name: "Rolkaart opslaan" }).click();
  await expect(roleCard(member.page, ORG.POL).getByText("Opgeslagen.")).toBeVisible();
  // The second browser was typing: its text is not replaced by the colleague's save…
  await expect(
    roleCard(admin.page, ORG.POL).getByText("Een collega heeft deze rolkaart intussen gewijzigd."),
  ).toBeVisible();
  await expect(second).toHaveValue("Wij starten een strafrechtelijk onderzoek.");
  // …and saving it on the old version is refused, with the current version shown next to it.
  await roleCard(admin.page, ORG.POL).getByRole("button", { name: "Rolkaart opslaan" }).click();
  const conflict = roleCard(admin.page, ORG.POL).getByRole("alert");
  await expect(conflict).toContainText("Iemand anders heeft deze rolkaart intussen opgeslagen.");
  await expect(conflict).toContainText("Wij handhaven het huisverbod.");
  await expect(second).toHaveValue("Wij starten een strafrechtelijk onderzoek.");
  await expectNoAxeViolations(admin.page);
  // Keeping their own version is a deliberate second step.
  await conflict.getByRole("button", { name: "Mijn versie opslaan over de huidige" }).click();
  await expect(roleCard(member.page, ORG.POL)).toContainText("Wij starten een strafrechtelijk onderzoek.");
  await expect(first).toHaveValue("Wij starten een strafrechtelijk onderzoek.");

  for (const context of [chairContext, member.context, admin.context]) await context.close();
});

test("a browser that goes offline shows it, keeps its edit, catches up and loses nothing", async ({ browser }) => {
  test.setTimeout(90_000);
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  const { livePath } = await startLiveMeeting(chair, "Live overleg, netwerk weg");
  const police = await joinAs(browser, "medewerker@politie.demo", livePath);
  const rvdk = await joinAs(browser, "medewerker@rvdk.demo", livePath);

  await police.context.setOffline(true);
  await expect(police.page.getByTestId("live-connection")).toContainText("Verbinding verbroken — opnieuw verbinden");
  await expect(police.page.getByTestId("connection-indicator")).toHaveText(/Verbinding verbroken/);

  // While the police are offline, the Board adds an action…
  const actions = rvdk.page.getByRole("form", { name: "Actie toevoegen" });
  await actions.getByLabel("Wat moet er gebeuren").fill("Gesprek met de school plannen.");
  await actions.getByLabel("Uiterlijk").fill("2027-02-11");
  await actions.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(rvdk.page.getByTestId("item-board").getByTestId("action")).toContainText(
    "Gesprek met de school plannen.",
  );

  // …and the police raise a need: it is kept, and the user is told it waits for the connection.
  const needs = police.page.getByRole("form", { name: "Behoefte toevoegen" });
  await needs.getByLabel("Wij hebben nodig dat…").fill("VT de veiligheidstaxatie deelt.");
  await needs.getByRole("button", { name: "Behoefte toevoegen" }).click();
  await expect(needs.getByText("Bewaard — wordt verstuurd zodra de verbinding terug is.")).toBeVisible();
  await expect(police.page.getByTestId("pending")).toContainText("1 wijziging wacht op verbinding");
  await expect(needs.getByLabel("Wij hebben nodig dat…")).toHaveValue("VT de veiligheidstaxatie deelt.");

  // Back online: the board catches up (the Board's action) and the kept edit goes out once.
  await police.context.setOffline(false);
  await expectSynced(police.page);
  await expect(police.page.getByTestId("item-board").getByTestId("action")).toContainText(
    "Gesprek met de school plannen.",
    { timeout: 15_000 },
  );
  await expect(police.page.getByTestId("pending")).toHaveCount(0);
  await expect(rvdk.page.getByTestId("item-board").getByTestId("need")).toContainText(
    "VT de veiligheidstaxatie deelt.",
  );
  await expect(chair.getByTestId("item-board").getByTestId("need")).toHaveCount(1);
  await expect(needs.getByLabel("Wij hebben nodig dat…")).toHaveValue("");
  await expect(police.page.getByTestId("connection-indicator")).toHaveText(/Verbonden/);

  for (const context of [chairContext, police.context, rvdk.context]) await context.close();
});

import { expect, test } from "@playwright/test";

import { expectNoAxeViolations, login } from "./support";

test("a BSN in a case description is refused with the reason, the text stays, and the case stays need-to-know", async ({
  page,
  browser,
}) => {
  await login(page, "medewerker@veiligthuis.demo");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Casussen" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Nieuwe casus inbrengen" }).click();
  await expectNoAxeViolations(page);

  const typed = "Gezin, 2 kinderen (4 en 7). Moeder, bsn 111222333, meldt geweld.";
  await page.getByLabel("Korte omschrijving").fill(typed);
  await page.getByLabel("Risico").selectOption("HIGH");
  await page.getByRole("button", { name: "Casus inbrengen" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("lijkt op een burgerservicenummer (111222333)");
  await expect(page.getByLabel("Korte omschrijving")).toHaveValue(typed);
  await expect(page.getByLabel("Korte omschrijving")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Korte omschrijving").fill("Gezin, 2 kinderen (4 en 7). Moeder meldt geweld.");
  await page.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^AO-\d{4}-\d{4}$/);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent()) as string;
  await expect(page.getByRole("status").filter({ hasText: `Casus ${reference} is ingebracht.` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Another organisation, not at any table for it, cannot open it by URL.
  const police = await (await browser.newContext()).newPage();
  await login(police, "medewerker@politie.demo");
  const response = await police.goto(`/casussen/${reference}`);
  expect(response?.status()).toBe(404);
  await police.goto("/casussen");
  await expect(police.getByRole("link", { name: reference })).toHaveCount(0);
});

test("the platform admin's meetings page lists meetings without agenda content and passes axe", async ({ page }) => {
  await login(page, "admin@actie-overleg.demo");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overleggen beheren");
  await expectNoAxeViolations(page);
});

test("Veilig Thuis corrects its case, erases a name from every version, closes and reopens it; a stale tab is told; the police see none of it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000); // a long story in three browsers
  await login(page, "medewerker@veiligthuis.demo");
  await page.goto("/casussen/nieuw");
  await page.getByLabel("Korte omschrijving").fill("Gezin, moeder Yvonne Bakkerman, 2 kinderen. Melding na incident.");
  await page.getByLabel("Risico").selectOption("ELEVATED");
  await page.getByRole("button", { name: "Casus inbrengen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^AO-\d{4}-\d{4}$/);
  await page.waitForURL(/\/casussen\/AO-/);
  const casePath = new URL(page.url()).pathname;

  // A second tab of the same person, opened on the same version.
  const stale = await page.context().newPage();
  await stale.goto(casePath);

  // Correct: a new version, the earlier one stays in the history.
  await page.getByText("Omschrijving of risico corrigeren").click();
  const edit = page.getByRole("form", { name: /corrigeren$/ });
  await edit.getByLabel("Korte omschrijving").fill("Gezin, moeder Yvonne Bakkerman, 3 kinderen. Melding na incident.");
  await edit.getByLabel("Risico").selectOption("HIGH");
  await edit.getByRole("button", { name: "Correctie opslaan" }).click();
  await expect(page.getByTestId("case-notice")).toContainText("nieuwe versie");
  await expect(page.getByTestId("case-description")).toHaveText(
    "Gezin, moeder Yvonne Bakkerman, 3 kinderen. Melding na incident.",
  );
  await expect(page.getByTestId("case-history")).toContainText("Versie 2");
  await expect(page.getByTestId("case-history")).toContainText("Gezin, moeder Yvonne Bakkerman, 2 kinderen.");
  await expectNoAxeViolations(page);

  // The other tab saves on the old version: told it was "you, in another tab", its text kept.
  await stale.getByText("Omschrijving of risico corrigeren").click();
  const staleEdit = stale.getByRole("form", { name: /corrigeren$/ });
  await staleEdit.getByLabel("Korte omschrijving").fill("Tekst uit het oude tabblad.");
  await staleEdit.getByRole("button", { name: "Correctie opslaan" }).click();
  await expect(stale.getByRole("alert")).toContainText("Je hebt de casus intussen zelf gewijzigd");
  await expect(stale.getByTestId("case-current")).toContainText("3 kinderen");
  await expect(stale.getByRole("form", { name: /corrigeren$/ }).getByLabel("Korte omschrijving")).toHaveValue(
    "Tekst uit het oude tabblad.",
  );
  await expectNoAxeViolations(stale);
  await stale.close();

  // The name slipped through the guard: erased from the case and both versions.
  await page.getByText("Identificerend gegeven wissen").click();
  await page.getByLabel("Te wissen tekst").fill("Pietersen");
  await page.getByRole("button", { name: "Uit alle versies wissen" }).click();
  await expect(page.getByLabel("Te wissen tekst")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Er is een probleem" })).toContainText("komt niet voor");
  await page.getByLabel("Te wissen tekst").fill("yvonne bakkerman");
  await page.getByRole("button", { name: "Uit alle versies wissen" }).click();
  await expect(page.getByTestId("case-notice")).toContainText("Gewist uit de huidige omschrijving en 2 versie(s).");
  await expect(page.getByTestId("case-description")).toHaveText("Gezin, moeder ███, 3 kinderen. Melding na incident.");
  const history = page.getByTestId("case-history");
  await expect(history).not.toContainText("Bakkerman");
  await expect(history).toContainText("Identificerend gegeven gewist door");
  await expect(page.getByLabel("Te wissen tekst")).toHaveValue("");
  await expectNoAxeViolations(page);

  // Closing asks for confirmation and a reason; what was chosen stays when the check is missing.
  await page.getByText("Casus sluiten", { exact: true }).click();
  await page.getByLabel("Reden van sluiten").selectOption("GOALS_MET");
  await page.getByRole("button", { name: "Casus definitief sluiten" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Er is een probleem" })).toContainText(
    "Bevestig dat je de casus wilt sluiten.",
  );
  await expect(page.getByLabel("Reden van sluiten")).toHaveValue("GOALS_MET");
  await expectNoAxeViolations(page);
  await page.getByLabel(/Ik weet dat de bewaartermijn/).check();
  await page.getByRole("button", { name: "Casus definitief sluiten" }).click();
  await expect(page.getByTestId("case-notice")).toContainText(
    "De casus is gesloten. Over 12 maanden wordt de inhoud gewist.",
  );
  await expect(history).toContainText("Doelen bereikt");

  // Reopened within the retention period, with a reason.
  await page.getByText("Casus heropenen", { exact: true }).click();
  await page.getByLabel("Waarom wordt de casus heropend?").fill("Nieuwe melding van school.");
  await page.getByRole("button", { name: "Heropenen" }).click();
  await expect(page.getByTestId("case-notice")).toContainText("De casus is heropend.");
  await expect(history).toContainText("Nieuwe melding van school.");
  await expectNoAxeViolations(page);

  // The police were never at a table for it: the case, its versions and its history are not there.
  const police = await (await browser.newContext()).newPage();
  await login(police, "medewerker@politie.demo");
  expect((await police.goto(casePath))?.status()).toBe(404);
  const post = await police.request.post(casePath, {
    form: { intent: "reopen", note: "Poging" },
    headers: { Origin: new URL(police.url()).origin },
  });
  expect(post.status()).toBe(404);
  await police.context().close();
});

test("the case page carries the case across meetings: the police see last month's table, who leads and their action; the local team gets 404", async ({
  page,
  browser,
}) => {
  await login(page, "medewerker@politie.demo");
  await page.goto("/acties");
  const action = page.getByTestId("action-item").filter({ hasText: "Stopgesprek met de ex-partner voeren" });
  await action.getByRole("link", { name: /^AO-\d{4}-\d{4}$/ }).click();
  await page.waitForURL(/\/casussen\/AO-/);
  const casePath = new URL(page.url()).pathname;
  // Casusregie was handed to probation after that table, and accepted.
  await expect(page.getByTestId("regie-CONTENT")).toContainText("Reclassering (3RO) regio Westerduin, sinds");
  await expect(page.getByTestId("regie-history")).toContainText("Afgesproken aan tafel");
  const items = page.getByTestId("case-timeline").getByTestId("case-timeline-item");
  await expect(items).toHaveCount(2); // last month's table, and the coming one
  await expect(items.first()).toContainText("Actie-overleg Westerduin, vorige maand (demo)");
  await expect(items.first()).toContainText("RECL (Heeft de regie)");
  await expect(items.first()).toContainText("Het OM vordert een contactverbod");
  const overdue = items.first().getByTestId("case-timeline-action").filter({ hasText: "Stopgesprek" });
  await expect(overdue).toContainText("Te laat");
  await expect(items.nth(1)).toContainText("Actie-overleg Westerduin (demo)");
  await expectNoAxeViolations(page);

  // The local team never sat at a table of this case: the same 404 as for a case that does not exist.
  const localTeam = await (await browser.newContext()).newPage();
  await login(localTeam, "medewerker@wijkteam.demo");
  expect((await localTeam.goto(casePath))?.status()).toBe(404);
  await expect(localTeam.locator("body")).not.toContainText("contactverbod");
  await localTeam.context().close();
});

test("Veilig Thuis hands procesregie of its case to probation, which takes it over; the history keeps both steps", async ({
  page,
  browser,
}) => {
  await login(page, "medewerker@reclassering.demo");
  await page.goto("/acties");
  await page
    .getByTestId("action-item")
    .filter({ hasText: "contactverbod" })
    .getByRole("link", { name: /^AO-\d{4}-\d{4}$/ })
    .click();
  await page.waitForURL(/\/casussen\/AO-/);
  const casePath = new URL(page.url()).pathname;
  // Probation neither brought the case in nor holds its regie: no handover form.
  await expect(page.getByRole("form", { name: "Regie overdragen" })).toHaveCount(0);

  const vt = await (await browser.newContext()).newPage();
  await login(vt, "medewerker@veiligthuis.demo");
  await vt.goto(casePath);
  await vt.getByText("Regie overdragen", { exact: true }).click();
  const handOver = vt.getByRole("form", { name: "Regie overdragen" });
  await handOver.getByRole("button", { name: "Overdracht voorstellen" }).click();
  await expect(handOver.getByRole("alert").first()).toContainText("Er is een probleem");
  await handOver.getByLabel("Soort regie").selectOption("PROCESS");
  await handOver.getByLabel("Aan organisatie").selectOption({ label: "Reclassering (3RO) regio Westerduin" });
  await handOver.getByLabel("Waarom").fill("De reclassering bewaakt het contactverbod.");
  await handOver.getByRole("button", { name: "Overdracht voorstellen" }).click();
  await expect(vt.getByTestId("case-notice")).toContainText("De overdracht is voorgesteld");
  await expect(vt.getByTestId("regie-waiting-PROCESS")).toContainText("De reclassering bewaakt het contactverbod.");
  await expectNoAxeViolations(vt);

  await page.reload();
  const waiting = page.getByTestId("regie-waiting-PROCESS");
  await waiting.getByRole("button", { name: "Regie overnemen" }).click();
  await expect(page.getByTestId("case-notice")).toContainText("Jouw organisatie heeft de regie overgenomen.");
  await expect(page.getByTestId("regie-PROCESS")).toContainText("Reclassering (3RO) regio Westerduin, sinds");
  await expect(page.getByTestId("regie-history")).toContainText("overgenomen");
  await expectNoAxeViolations(page);
  await vt.context().close();
});

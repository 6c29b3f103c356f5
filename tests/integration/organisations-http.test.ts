import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "~/db.server";

import { Browserish } from "../support/http-client";
import type { TestServer } from "../support/test-server";
import { startDemoServer } from "../support/test-server";

let server: TestServer;
const as: Record<string, Browserish> = {};

beforeAll(async () => {
  server = await startDemoServer();
  for (const email of [
    "beheer@politie.demo",
    "medewerker@politie.demo",
    "medewerker@om.demo",
    "admin@actie-overleg.demo",
  ]) {
    as[email] = new Browserish(server.url);
    await as[email].login(email);
  }
});
afterAll(async () => {
  await server?.stop();
});

const versions = (slug: string) => prisma.roleProfileVersion.count({ where: { organisation: { slug } } });

describe("role profile routes", () => {
  it.each([
    ["beheer@politie.demo", "politie-westerduin", 200],
    ["beheer@politie.demo", "om-westerduin", 403],
    ["medewerker@politie.demo", "politie-westerduin", 403],
    ["admin@actie-overleg.demo", "om-westerduin", 200],
    ["medewerker@om.demo", "bestaat-niet", 404],
  ])("GET the edit page as %s for %s → %i", async (email, slug, status) => {
    expect((await as[email]!.get(`/organisaties/${slug}/bewerken`)).status).toBe(status);
  });

  it("refuses a POST to another organisation's profile and writes nothing", async () => {
    const before = await versions("om-westerduin");
    const response = await as["beheer@politie.demo"]!.post("/organisaties/om-westerduin/bewerken", {
      intent: "save",
      baseVersion: String(before),
      changeSummary: "overname",
      "profile.mission": "Overgenomen door een ander",
    });
    expect(response.status).toBe(403);
    expect(await versions("om-westerduin")).toBe(before);
    const restore = await as["medewerker@politie.demo"]!.post("/organisaties/politie-westerduin/versies", {
      intent: "restore",
      number: "1",
      baseVersion: String(await versions("politie-westerduin")),
    });
    expect(restore.status).toBe(403);
  });

  it("saves through the form as the organisation's admin and shows the new version", async () => {
    const client = as["beheer@politie.demo"]!;
    const html = await (await client.get("/organisaties/politie-westerduin/bewerken")).text();
    const base = /name="baseVersion" value="(\d+)"/.exec(html)?.[1];
    expect(base).toBeTruthy();
    const mission = /<textarea[^>]*name="profile.mission"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1];
    const response = await client.post("/organisaties/politie-westerduin/bewerken", {
      intent: "save",
      baseVersion: base as string,
      changeSummary: "Missie ingekort",
      "profile.mission": `${mission?.slice(0, 40)}.`,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/organisaties/politie-westerduin?opgeslagen=${Number(base) + 1}`);
  });

  it("stores no Dutch for a restore: the history says it in each reader's language", async () => {
    const admin = as["beheer@politie.demo"]!;
    const latest = await versions("politie-westerduin");
    const restored = await admin.post("/organisaties/politie-westerduin/versies", {
      intent: "restore",
      number: "1",
      baseVersion: String(latest),
    });
    expect(restored.status).toBe(302);
    const row = await prisma.roleProfileVersion.findFirstOrThrow({
      where: { organisation: { slug: "politie-westerduin" }, number: latest + 1 },
      select: { changeSummary: true, restoredFrom: true },
    });
    expect(row).toEqual({ changeSummary: "", restoredFrom: 1 });
    const dutch = await (await admin.get("/organisaties/politie-westerduin/versies")).text();
    expect(dutch).toContain("Versie 1 teruggezet");
    expect(dutch).toContain("Eerste versie");
    const reader = new Browserish(server.url);
    await reader.login("medewerker@om.demo");
    await reader.post("/taal", { lng: "en", redirectTo: "/" });
    const english = await (await reader.get("/organisaties/politie-westerduin/versies")).text();
    expect(english).toContain("Version 1 restored");
    expect(english).toContain("First version");
    expect(english).not.toContain("teruggezet");
  });

  it("lets every signed-in professional read profiles, and nobody else", async () => {
    expect((await as["medewerker@om.demo"]!.get("/organisaties/politie-westerduin")).status).toBe(200);
    expect((await as["medewerker@om.demo"]!.get("/organisaties/politie-westerduin/versies")).status).toBe(200);
    expect((await new Browserish(server.url).get("/organisaties/politie-westerduin")).status).toBe(302);
    expect((await new Browserish(server.url).get("/organisaties/politie-westerduin.data")).status).toBe(401);
  });

  it("compares two to four organisations and refuses other counts with 400", async () => {
    const client = as["medewerker@om.demo"]!;
    const ok = await client.get(
      "/organisaties/vergelijk?o=politie-westerduin&o=veilig-thuis-westerduin&o=rvdk-westerduin",
    );
    expect(ok.status).toBe(200);
    const html = await ok.text();
    for (const name of ["Politie basisteam Westerduin", "Veilig Thuis Westerduin", "Raad voor de Kinderbescherming"])
      expect(html).toContain(name);
    expect((await client.get("/organisaties/vergelijk?o=politie-westerduin")).status).toBe(400);
    expect((await client.get("/organisaties/vergelijk?o=a&o=b&o=c&o=d&o=e")).status).toBe(400);
    expect((await client.get("/organisaties/vergelijk?o=politie-westerduin&o=politie-westerduin")).status).toBe(400);
    expect((await client.get("/organisaties/vergelijk?o=politie-westerduin&o=bestaat-niet")).status).toBe(404);
  });

  it("searches through the query string and survives hostile input", async () => {
    const client = as["medewerker@om.demo"]!;
    const html = await (await client.get("/organisaties?q=veiligheidstaxatie")).text();
    expect(html.match(/class="result-count">([^<]*)</)?.[1]).toBe("1 organisatie gevonden");
    expect(html).toContain("Veilig Thuis Westerduin");
    for (const query of ["?soort=NIETS", "?pagina=-3", "?pagina=abc", `?q=${"x".repeat(5000)}`, "?q=%25%27%3B--"]) {
      expect((await client.get(`/organisaties${query}`)).status).toBe(200);
    }
  });

  it("answers a request no form sends with a 400 in the reader's language, not a stored Dutch text", async () => {
    const dutch = as["medewerker@politie.demo"]!;
    const refused = await dutch.post("/sessies", { intent: "alles-wissen" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Deze opdracht kent dit formulier niet.");
    const data = await dutch.post("/sessies?_data=routes%2Fsessies", { intent: "alles-wissen" });
    expect(data.status).toBe(400);
    expect(await data.text()).not.toMatch(/Onbekende|Ongeldig/);

    const versions = await as["beheer@politie.demo"]!.post("/organisaties/politie-westerduin/versies", { intent: "x" });
    expect(versions.status).toBe(400);
    expect(await versions.text()).toContain("Dit verzoek klopt niet");

    const reader = new Browserish(server.url);
    await reader.login("medewerker@om.demo");
    await reader.post("/taal", { lng: "en", redirectTo: "/" });
    const english = await reader.post("/sessies", { intent: "x" });
    expect(english.status).toBe(400);
    const html = await english.text();
    expect(html).toContain("This form does not know that command.");
    expect(html).not.toContain("Onbekende actie");
  });
});

import { createConnection } from "node:net";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { DEMO_PASSWORD } from "~/domain/demo/demo-data";
import { localeCookie } from "~/i18n/locale.server";

import { createTestDatabase, dropDatabase } from "../support/database";
import { Browserish } from "../support/http-client";
import type { TestServer } from "../support/test-server";
import { spawnServer, startDemoServer, startServer } from "../support/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("pages and guards", () => {
  it("sends an anonymous page request to /login with the page as redirectTo", async () => {
    const response = await new Browserish(server.url).get("/organisaties?q=1");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Forganisaties%3Fq%3D1");
  });

  it("answers an anonymous data request with 401", async () => {
    const response = await new Browserish(server.url).get("/organisaties.data");
    expect(response.status).toBe(401);
  });

  it("serves the login page in Dutch with a labelled form", async () => {
    const html = await (await new Browserish(server.url).get("/login")).text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toMatch(/<label for="email"[^>]*>E-mailadres<\/label>/);
    expect(html).toMatch(/<label for="password"[^>]*>Wachtwoord<\/label>/);
  });

  it("answers /healthz with 200 and the database status", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("serves fingerprinted assets with a year of immutable caching", async () => {
    const html = await (await new Browserish(server.url).get("/login")).text();
    const asset = /src="(\/build\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const response = await fetch(server.url + asset);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toMatch(/max-age=31536000.*immutable/);
  });

  it("lets no browser or proxy keep a signed-in page or its data, and asks for no device features", async () => {
    const client = new Browserish(server.url);
    await client.login("medewerker@rvdk.demo");
    for (const path of ["/", "/casussen", "/acties", "/?_data=routes%2F_index", "/casussen.data"]) {
      const response = await client.get(path);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
      expect(response.headers.get("Permissions-Policy"), path).toMatch(/camera=\(\).*geolocation=\(\)/);
    }
    // A download keeps its own (private, no-store); assets keep a year (the test above).
    expect((await client.get("/acties.csv")).headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("sends a CSP with a per-request nonce that the page's scripts carry", async () => {
    const first = await new Browserish(server.url).get("/login");
    const second = await new Browserish(server.url).get("/login");
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("Content-Security-Policy") ?? "")?.[1];
    const nonce = nonceOf(first);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonce);
    const csp = first.headers.get("Content-Security-Policy");
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });
});

describe("login over HTTP", () => {
  it("logs in, sets an httpOnly SameSite=Lax cookie and shows the start page with the organisation", async () => {
    const client = new Browserish(server.url);
    const response = await client.post("/login", { email: "medewerker@politie.demo", password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("ao_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const html = await (await client.get("/")).text();
    expect(html).toContain("Politie basisteam Westerduin");
  });

  it("refuses a wrong password with one generic message and keeps the typed address", async () => {
    const response = await new Browserish(server.url).post("/login", {
      email: "medewerker@om.demo",
      password: "verkeerd",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("De combinatie van e-mailadres en wachtwoord is niet bekend.");
    expect(html).toContain('value="medewerker@om.demo"');
  });

  it("shows field errors next to the fields and in a summary", async () => {
    const response = await new Browserish(server.url).post("/login", { email: "geen-adres", password: "" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Er is een probleem");
    expect(html).toContain('href="#email"');
    expect(html).toMatch(/id="password-error"[^>]*>Vul je wachtwoord in\./);
    expect(html).toContain('value="geen-adres"');
  });

  it.each([
    ["/organisaties", "/organisaties"],
    ["//evil.example/phish", "/"],
    ["https://evil.example/", "/"],
    ["/..//evil.example/phish", "/"],
    ["/%2e%2e//evil.example/phish", "/"],
  ])("after login goes to redirectTo %s only when it is a same-site path", async (redirectTo, expected) => {
    const response = await new Browserish(server.url).post("/login", {
      email: "medewerker@rvdk.demo",
      password: DEMO_PASSWORD,
      redirectTo,
    });
    expect(response.headers.get("Location")).toBe(expected);
  });

  it("sends no redirect target of /taal or a signed-in /login to another host, however it is written", async () => {
    const client = new Browserish(server.url);
    await client.login("medewerker@rvdk.demo");
    for (const target of ["/..//evil.example/", "/a/../..//evil.example/", "/.%2e//evil.example/", "//evil.example/"]) {
      const language = await client.post("/taal", { lng: "nl", redirectTo: target });
      const again = await client.get(`/login?redirectTo=${encodeURIComponent(target)}`);
      for (const response of [language, again]) {
        const location = response.headers.get("Location") ?? "";
        expect(new URL(location, server.url).host, `${target} → ${location}`).toBe(new URL(server.url).host);
      }
    }
  });

  it("answers a body that is too large once the upload is done, so the client reads the 413 instead of a broken pipe", async () => {
    const { port } = new URL(server.url);
    const socket = createConnection({ host: "127.0.0.1", port: Number(port) });
    await new Promise((resolve) => socket.once("connect", resolve));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    const size = 3 * 1024 * 1024;
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\n\r\n`,
    );
    const half = "x".repeat(size / 2);
    socket.write(half);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Half the body is still to come: the connection is open and nothing has been answered yet.
    expect(socket.destroyed || socket.readableEnded).toBe(false);
    expect(answer).toBe("");
    socket.write(half);
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain("te groot");
  });

  it("answers a large form to a page the user may not change with its refusal, not a reset connection", async () => {
    // The route refuses before it reads the form; the client is still sending the rest.
    const police = new Browserish(server.url);
    await police.login("medewerker@politie.demo");
    const outcomes: (number | string)[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        const response = await fetch(`${server.url}/organisaties/politie-westerduin/bewerken`, {
          method: "POST",
          headers: {
            Cookie: police.cookieHeader,
            Origin: server.url,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: `a=${"x".repeat(100_000 + i * 15_000)}`,
          redirect: "manual",
        });
        await response.arrayBuffer();
        outcomes.push(response.status);
      } catch (error) {
        outcomes.push(String((error as Error).cause ?? error));
      }
    }
    expect(new Set(outcomes)).toEqual(new Set([403]));
  });

  it("refuses a body that is not a form, too large or without a length before parsing it: 415, 413, 411, never a 500", async () => {
    const post = (headers: Record<string, string>, body: BodyInit, init: RequestInit = {}) =>
      fetch(`${server.url}/login`, {
        method: "POST",
        headers: { Origin: server.url, ...headers },
        body,
        redirect: "manual",
        ...init,
      });
    const json = await post({ "Content-Type": "application/json" }, JSON.stringify({ email: "a@b.nl", password: "x" }));
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("verwacht een formulier");
    expect((await post({ "Content-Type": "text/plain" }, "email=a@b.nl")).status).toBe(415);
    expect((await post({}, "email=a@b.nl")).status).toBe(415);
    const large = `email=a%40b.nl&password=${"x".repeat(300 * 1024)}`;
    const tooLarge = await post({ "Content-Type": "application/x-www-form-urlencoded" }, large);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain("te groot");
    const english = await post(
      { "Content-Type": "application/x-www-form-urlencoded", Cookie: await localeCookie.serialize("en") },
      large,
    );
    expect(await english.text()).toContain("too large");
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("email=a%40b.nl&password=x"));
        controller.close();
      },
    });
    const chunked = await post({ "Content-Type": "application/x-www-form-urlencoded" }, stream, {
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
    // No body and no type at all: answered as an empty form, not a 500.
    const bare = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.url },
      redirect: "manual",
    });
    expect(bare.status).toBeLessThan(500);
    // Multipart (no form of ours uploads; a bogus boundary made the parser throw): 415.
    expect((await post({ "Content-Type": "multipart/form-data; boundary=----x" }, "<script>")).status).toBe(415);
    // A form of ordinary size still arrives.
    expect(
      (await post({ "Content-Type": "application/x-www-form-urlencoded" }, "email=a%40b.nl&password=x")).status,
    ).toBeLessThan(500);
  });

  it("answers no ?_data= request with a 500, whatever it names", async () => {
    const client = new Browserish(server.url);
    await client.login("medewerker@rvdk.demo");
    for (const data of [
      "",
      "x",
      "root",
      "routes%2Fbestaat-niet",
      "routes%2F_index%00",
      "routes%2Fcasussen.%24reference",
      "%E0%A4%A",
    ]) {
      for (const path of ["/", "/casussen/AO-2099-0001", "/bestaat-niet"]) {
        const response = await client.get(`${path}?_data=${data}`);
        expect(response.status, `${path}?_data=${data}`).toBeLessThan(500);
      }
    }
  });

  it("refuses form posts from another site", async () => {
    const client = new Browserish(server.url);
    const crossOrigin = await client.post(
      "/login",
      { email: "a@b.nl", password: "x" },
      { Origin: "https://evil.example" },
    );
    expect(crossOrigin.status).toBe(403);
    const crossSite = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "a@b.nl", password: "x" }),
      headers: { "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(crossSite.status).toBe(403);
  });

  it("logs out only on POST, ends the session and clears the cookie", async () => {
    const client = new Browserish(server.url);
    await client.login("medewerker@veiligthuis.demo");
    expect((await client.get("/logout")).headers.get("Location")).toBe("/");
    expect((await client.get("/")).status).toBe(200);
    const response = await client.post("/logout", {});
    expect(response.headers.get("Location")).toBe("/login?uitgelogd=1");
    expect(client.cookies.has("ao_session")).toBe(false);
    expect((await client.get("/")).status).toBe(302);
  });
});

describe("language", () => {
  it("switches to English on request and remembers it in a cookie", async () => {
    const client = new Browserish(server.url);
    const switched = await client.post("/taal", { lng: "en", redirectTo: "/login" });
    expect(switched.headers.get("Location")).toBe("/login");
    expect(client.cookies.get("ao_lng")).toBeTruthy();
    const html = await (await client.get("/login")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<label for="email"[^>]*>E-mail address<\/label>/);
  });

  it("keeps each reader's language when Dutch and English pages are rendered at the same time", async () => {
    const english = new Browserish(server.url);
    await english.post("/taal", { lng: "en", redirectTo: "/login" });
    const dutch = new Browserish(server.url);
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? english : dutch).get("/login").then((r) => r.text())),
    );
    pages.forEach((html, i) => {
      expect(html).toContain(i % 2 ? '<html lang="en">' : '<html lang="nl">');
      expect(html).toMatch(i % 2 ? />E-mail address<\/label>/ : />E-mailadres<\/label>/);
    });
  });

  it("does not follow the browser's Accept-Language", async () => {
    const html = await (await new Browserish(server.url).get("/login", { "Accept-Language": "en-GB,en" })).text();
    expect(html).toContain('<html lang="nl">');
  });

  it("refuses an unknown language", async () => {
    expect((await new Browserish(server.url).post("/taal", { lng: "xx" })).status).toBe(400);
  });
});

describe("a production server", () => {
  let prod: TestServer;
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase(inject("baseDatabaseUrl"), inject("templateDatabase"), inject("databasePrefix"));
    prod = await startServer({
      DATABASE_URL: url,
      DEMO_MODE: "true",
      NODE_ENV: "production",
      SESSION_SECRET: "production-like-session-secret-0123456789",
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "3",
    });
  });
  afterAll(async () => {
    await prod?.stop();
  });

  it("names the session cookie __Host- and marks it Secure, Path=/, without Domain", async () => {
    const response = await new Browserish(prod.url).login("medewerker@om.demo");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__Host-ao_session=")) ?? "";
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("ao_session="))).toBe(false);
  });

  it("rate-limits failed logins per address, keeping the typed address", async () => {
    const client = new Browserish(prod.url);
    for (const email of ["a@politie.demo", "b@politie.demo", "c@politie.demo"]) {
      expect((await client.post("/login", { email, password: "fout" })).status).toBe(400);
    }
    const limited = await client.post("/login", { email: "medewerker@politie.demo", password: DEMO_PASSWORD });
    expect(limited.status).toBe(429);
    const html = await limited.text();
    expect(html).toContain("Te veel inlogpogingen vanaf dit adres");
    expect(html).toContain('value="medewerker@politie.demo"');
    // also through single fetch's /login.data
    const viaData = await client.post("/login.data", { email: "medewerker@politie.demo", password: DEMO_PASSWORD });
    expect(viaData.headers.getSetCookie().some((c) => c.startsWith("__Host-ao_session="))).toBe(false);
  });

  it("answers /healthz with 503 when the database is gone, without hanging", async () => {
    await dropDatabase(inject("baseDatabaseUrl"), url);
    const started = Date.now();
    const response = await fetch(`${prod.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("login throttles, whichever way the path is written, shared by every process", () => {
  let url: string;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    url = await createTestDatabase(inject("baseDatabaseUrl"), inject("templateDatabase"), inject("databasePrefix"));
    for (let i = 0; i < 2; i++)
      servers.push(
        await startServer({
          DATABASE_URL: url,
          DEMO_MODE: "true",
          NODE_ENV: "production",
          SESSION_SECRET: "production-like-session-secret-0123456789",
          LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "3",
        }),
      );
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("counts failures through /%6Cogin, /Login and ?_data= on two processes against one limit", async () => {
    const [one, two] = servers as [TestServer, TestServer];
    const wrong = { email: "medewerker@politie.demo", password: "fout" };
    expect((await new Browserish(one.url).post("/%6Cogin", wrong)).status).toBe(400);
    expect((await new Browserish(one.url).post("/%6C%6Fgin/", wrong)).status).toBe(400);
    expect((await new Browserish(two.url).post("/Login?_data=routes%2Flogin", wrong)).status).toBeLessThan(500);
    // The right password, from the same address, on the other process: throttled.
    const right = await new Browserish(two.url).post("/login", {
      email: "beheer@politie.demo",
      password: DEMO_PASSWORD,
    });
    expect(right.status).toBe(429);
    expect(await right.text()).toContain("Te veel inlogpogingen vanaf dit adres");
  });

  it("writes the refusals of a throttled address to the audit trail aggregated, not one row each", async () => {
    // Continues from the test above: this address is throttled. 63 more refusals, both processes.
    const wrong = { email: "medewerker@politie.demo", password: "fout" };
    for (let i = 0; i < 63; i++) {
      const server = servers[i % 2] as TestServer;
      expect((await new Browserish(server.url).post("/login", wrong)).status).toBe(429);
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ action: string; subjectType: string | null; refused: number | null }>(
      `SELECT action, "subjectType", (details->>'refusedInWindow')::int AS refused FROM "AuditEvent"
       WHERE action IN ('auth.login.failed', 'auth.login.throttled') ORDER BY id`,
    );
    await db.end();
    // 64 refusals in all: rows at the 1st, 2nd, 4th … 64th, each with the count so far.
    const throttled = rows.filter((r) => r.action === "auth.login.throttled" && r.subjectType === "ClientAddress");
    expect(throttled.map((r) => r.refused)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(rows.filter((r) => r.action === "auth.login.failed")).toHaveLength(3);
  });
});

describe("the current-password check on /wachtwoord", () => {
  it("is throttled per account and address", async () => {
    const client = new Browserish(server.url);
    await client.login("medewerker@wijkteam.demo");
    const attempt = (current: string) =>
      client.post("/wachtwoord", {
        current,
        next: "een-heel-nieuw-wachtwoord-2026",
        confirm: "een-heel-nieuw-wachtwoord-2026",
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`fout-${i}`)).status).toBe(400);
    const right = await attempt(DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(await right.text()).toContain("Te vaak een verkeerd huidig wachtwoord");
  });
});

describe("configuration at boot", () => {
  it("stops with a message naming the malformed variable", async () => {
    const child = spawnServer({ PORT: "drieduizend", DATABASE_URL: process.env.DATABASE_URL });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT: moet een poortnummer zijn/);
  });
});

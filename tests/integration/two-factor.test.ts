import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { login } from "~/auth/login.server";
import { completeSecondFactor, lookupSession, validateSessions, userSelect } from "~/auth/session.server";
import type { SessionUser } from "~/auth/session.server";
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  verifySecondFactor,
} from "~/auth/two-factor.server";
import { prisma } from "~/db.server";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "~/domain/demo/demo-data";
import { seedDemoData } from "~/domain/demo/seed.server";

import { Browserish } from "../support/http-client";
import type { TestServer } from "../support/test-server";
import { startDemoServer } from "../support/test-server";
import { codeAt } from "../support/totp";

// A controlled clock: every test works in time steps of its own, far from the real time.
let step = Math.floor(new Date("2026-06-01T08:00:00Z").getTime() / 30_000);
const at = (s: number) => new Date(s * 30_000 + 5_000);
const meta = (s: number) => ({ clientAddress: "192.0.2.20", now: at(s) });
/** Jumps an hour ahead: earlier failures are outside every window. */
const nextHour = () => (step += 120);

const base = { clientAddress: "192.0.2.20", userAgent: "vitest", previousSessionId: null, password: DEMO_PASSWORD };

async function userByEmail(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: userSelect });
}

async function newUser(email: string, roles: ("CHAIR" | "MEMBER" | "ORG_ADMIN")[]) {
  const template = await prisma.user.findUniqueOrThrow({
    where: { email: "medewerker@wijkteam.demo" },
    select: { organisationId: true, password: { select: { hash: true } } },
  });
  await prisma.user.create({
    data: {
      email,
      name: "Test",
      functionTitle: "Test",
      roles,
      organisationId: template.organisationId,
      password: { create: { hash: template.password!.hash } },
    },
  });
  return userByEmail(email);
}

beforeAll(async () => {
  await seedDemoData();
});

describe("who needs a second factor", () => {
  it("chairs and admins get a half-open session that opens nothing; a member without one logs straight in", async () => {
    nextHour();
    for (const email of ["voorzitter@veiligthuis.demo", "beheer@politie.demo", "admin@actie-overleg.demo"]) {
      const result = await login({ ...base, email, now: at(step) });
      expect(result).toMatchObject({ ok: true, secondFactor: "verify" });
      if (!result.ok) continue;
      expect((await lookupSession(result.session.id, at(step))).status).toBe("pending");
      // Nor does a socket's session re-validation accept it.
      expect((await validateSessions([result.session.id], new Set(), at(step))).size).toBe(0);
    }
    const member = await login({ ...base, email: "medewerker@politie.demo", now: at(step) });
    expect(member).toMatchObject({ ok: true, secondFactor: "none" });
    if (member.ok) expect((await lookupSession(member.session.id, at(step))).status).toBe("active");
  });

  it("a chair without an app must enrol first; the half-open session ends after 10 minutes", async () => {
    nextHour();
    await newUser("nieuwe-voorzitter@wijkteam.demo", ["CHAIR", "MEMBER"]);
    const result = await login({ ...base, email: "nieuwe-voorzitter@wijkteam.demo", now: at(step) });
    expect(result).toMatchObject({ ok: true, secondFactor: "enrol" });
    if (!result.ok) return;
    expect((await lookupSession(result.session.id, new Date(at(step).getTime() + 9 * 60_000))).status).toBe("pending");
    expect((await lookupSession(result.session.id, new Date(at(step).getTime() + 11 * 60_000))).status).toBe("none");
    expect(await prisma.session.count({ where: { id: result.session.id } })).toBe(0);
  });

  it("completing the second factor replaces the session id: the half-open token never grants more", async () => {
    nextHour();
    const result = await login({ ...base, email: "voorzitter@veiligthuis.demo", now: at(step) });
    if (!result.ok) throw new Error("login failed");
    const user = await userByEmail("voorzitter@veiligthuis.demo");
    expect(await verifySecondFactor(user, await codeAt(step), meta(step))).toEqual({ ok: true, via: "totp" });
    const full = await completeSecondFactor(result.session.id, at(step));
    expect(full.id).not.toBe(result.session.id);
    expect(full.expiresAt).toEqual(result.session.expiresAt);
    expect((await lookupSession(result.session.id, at(step))).status).toBe("none");
    expect((await lookupSession(full.id, at(step))).status).toBe("active");
  });
});

describe("codes", () => {
  it("a code counts once; the step before and after are accepted, older codes not", async () => {
    nextHour();
    const user = await userByEmail("voorzitter@veiligthuis.demo");
    expect(await verifySecondFactor(user, await codeAt(step), meta(step))).toMatchObject({ ok: true });
    // The same code again, within its step: refused as used, not counted as a wrong code.
    expect(await verifySecondFactor(user, await codeAt(step), meta(step))).toEqual({ ok: false, reason: "replayed" });
    // A phone running 30 s ahead: accepted once.
    expect(await verifySecondFactor(user, await codeAt(step + 1), meta(step))).toMatchObject({ ok: true });
    // Two steps old: wrong.
    expect(await verifySecondFactor(user, await codeAt(step - 2), meta(step + 3))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("malformed codes are simply wrong codes", async () => {
    const user = await userByEmail("voorzitter@veiligthuis.demo");
    for (const junk of ["", "12345", "1234567", "abcdef", "１２３４５６", "' OR 1=1 --", "0".repeat(10_000)]) {
      nextHour(); // apart, so that the lock does not answer instead
      expect(await verifySecondFactor(user, junk, meta(step))).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("five wrong codes lock the second step for 15 minutes, then a right code works again", async () => {
    nextHour();
    const user = await userByEmail("beheer@politie.demo");
    for (let i = 0; i < 5; i++) {
      expect(await verifySecondFactor(user, "000000", meta(step))).toEqual({ ok: false, reason: "invalid" });
    }
    // Even the right code is refused while locked.
    expect(await verifySecondFactor(user, await codeAt(step + 1), meta(step + 1))).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterMinutes: 15,
    });
    const later = step + 31; // 15.5 minutes on
    expect(await verifySecondFactor(user, await codeAt(later), meta(later))).toEqual({ ok: true, via: "totp" });
    const throttled = await prisma.auditEvent.count({ where: { action: "auth.totp.throttled", subjectId: user.id } });
    expect(throttled).toBe(1);
  });

  it("a recovery code works once, typed any way; new codes make the old ones useless", async () => {
    nextHour();
    const user = await newUser("herstel@wijkteam.demo", ["MEMBER"]);
    const enrolment = await beginEnrolment(user);
    if (!enrolment) throw new Error("no enrolment");
    expect(enrolment.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.uri).toContain("otpauth://totp/Actie-overleg:herstel%40wijkteam.demo");
    // Reloading the page shows the same key (a half-scanned QR code stays valid).
    expect((await beginEnrolment(user))?.secret).toBe(enrolment.secret);
    expect(await confirmEnrolment(user, "000000", meta(step))).toEqual({ ok: false, reason: "invalid" });
    const enrolled = await confirmEnrolment(user, await codeAt(step, enrolment.secret), meta(step));
    if (!enrolled.ok) throw new Error("enrolment refused");
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(new Set(enrolled.recoveryCodes).size).toBe(10);
    // Stored as hashes only.
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((c) => c.hash)).not.toContain(enrolled.recoveryCodes[0]);

    const [first, second] = enrolled.recoveryCodes as [string, string];
    const typed = ` ${first.toUpperCase().replaceAll("-", " ")} `;
    expect(await verifySecondFactor(user, typed, meta(step))).toEqual({ ok: true, via: "recovery-code" });
    expect(await verifySecondFactor(user, first, meta(step))).toEqual({ ok: false, reason: "invalid" });

    const renewed = await regenerateRecoveryCodes(user, await codeAt(step + 1, enrolment.secret), meta(step + 1));
    if (!renewed.ok) throw new Error("renewal refused");
    expect(await verifySecondFactor(user, second, meta(step + 1))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySecondFactor(user, renewed.recoveryCodes[0] as string, meta(step + 1))).toMatchObject({
      ok: true,
    });
  });

  it("a member can turn it off with a code; a chair cannot", async () => {
    nextHour();
    const member = await newUser("uitzetten@wijkteam.demo", ["MEMBER"]);
    const enrolment = await beginEnrolment(member);
    await confirmEnrolment(member, await codeAt(step, enrolment!.secret), meta(step));
    expect(await disableSecondFactor(member, "000000", meta(step + 1))).toEqual({ ok: false, reason: "invalid" });
    expect(await disableSecondFactor(member, await codeAt(step + 1, enrolment!.secret), meta(step + 1))).toEqual({
      ok: true,
    });
    expect(await prisma.twoFactor.count({ where: { userId: member.id } })).toBe(0);
    expect((await login({ ...base, email: member.email, now: at(step + 2) })) as unknown).toMatchObject({
      secondFactor: "none",
    });

    const chair = await userByEmail("voorzitter@veiligthuis.demo");
    expect(await disableSecondFactor(chair, await codeAt(step + 2, DEMO_TOTP_SECRET), meta(step + 2))).toEqual({
      ok: false,
      reason: "required",
    });
    expect(await prisma.twoFactor.count({ where: { userId: chair.id, enabledAt: { not: null } } })).toBe(1);
  });
});

function socketOutcome(cookie: string): Promise<string> {
  const socket = io(server.url, { transports: ["websocket"], reconnection: false, extraHeaders: { Cookie: cookie } });
  return new Promise<string>((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  }).finally(() => socket.disconnect());
}

let server: TestServer;

describe("over HTTP and socket.io", () => {
  beforeAll(async () => {
    // A server on this file's database (real clock), with a chair who has no app yet.
    server = await startDemoServer();
    await newUser("eerste-keer@wijkteam.demo", ["CHAIR", "MEMBER"]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a new chair is held at enrolment until a first code works; then recovery codes, then in", async () => {
    const client = new Browserish(server.url);
    const loggedIn = await client.post("/login", { email: "eerste-keer@wijkteam.demo", password: DEMO_PASSWORD });
    expect(loggedIn.headers.get("Location")).toBe("/tweede-stap?redirectTo=%2F");
    // Nothing else opens: pages send back to the second step, data requests get 401, sockets are refused.
    const page = await client.get("/overleggen");
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/tweede-stap?redirectTo=%2Foverleggen");
    expect((await client.get("/overleggen.data")).status).toBe(401);
    expect(await socketOutcome(client.cookieHeader)).toBe("unauthenticated");

    const enrol = await client.get("/tweede-stap");
    expect(enrol.status).toBe(200);
    const html = await enrol.text();
    expect(html).toContain("data:image/png;base64,");
    const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1]?.replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await client.post("/tweede-stap", { intent: "enrol", code: "123456" });
    expect(wrong.status).toBe(400);
    const now = Math.floor(Date.now() / 30_000);
    const right = await client.post("/tweede-stap", { intent: "enrol", code: await codeAt(now, secret) });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
    // Still half-open while the codes are on screen; "continue" completes the login.
    expect((await client.get("/overleggen")).status).toBe(302);
    const onwards = await client.post("/tweede-stap", { intent: "continue", redirectTo: "/overleggen" });
    expect(onwards.headers.get("Location")).toBe("/overleggen");
    expect((await client.get("/overleggen")).status).toBe(200);
    expect(await socketOutcome(client.cookieHeader)).toBe("connected");

    // The next login asks for a code, not for enrolment.
    const again = new Browserish(server.url);
    await again.post("/login", { email: "eerste-keer@wijkteam.demo", password: DEMO_PASSWORD });
    const verify = await (await again.get("/tweede-stap")).text();
    expect(verify).not.toContain("data:image/png");
    expect(verify).toContain('name="intent" value="verify"');
    // The full session sees the half-open one among its sessions, marked as such.
    expect(await (await client.get("/sessies")).text()).toContain("Wachtwoord gegeven, tweede stap niet");
    // "continue" is only for a session in which the enrolment itself was completed.
    expect((await again.post("/tweede-stap", { intent: "continue" })).status).toBe(400);
    expect((await again.get("/overleggen")).status).toBe(302);
  });
});

import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { requireOrgMember, requireRole, requireUser } from "~/auth/guards.server";
import { login } from "~/auth/login.server";
import { commitSessionCookie, lookupSession, readSessionId } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { DEMO_PASSWORD } from "~/domain/demo/demo-data";
import { seedDemoData } from "~/domain/demo/seed.server";
import { DATA_REQUEST_HEADER } from "~/utils/http.server";

import { fullSession } from "../support/users";

const PASSWORD = DEMO_PASSWORD;
const base = { clientAddress: "192.0.2.10", userAgent: "vitest", previousSessionId: null };
let clock = new Date("2026-03-02T09:00:00Z").getTime();
const tick = (minutes: number) => new Date((clock += minutes * 60_000));

beforeAll(async () => {
  await seedDemoData();
});

beforeEach(() => {
  clock += 24 * 3_600_000; // each test starts a day later: earlier failures are outside the window
});

async function auditRows(action: string, subjectId?: string) {
  return prisma.auditEvent.findMany({ where: { action, subjectId }, orderBy: { id: "asc" } });
}

describe("login", () => {
  it("signs in with the right password, creates a session and audits it", async () => {
    const now = tick(0);
    const result = await login({ ...base, email: " Medewerker@Politie.demo ", password: PASSWORD, now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await prisma.session.findUniqueOrThrow({ where: { id: result.session.id } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "medewerker@politie.demo" } });
    expect(session.userId).toBe(user.id);
    expect(session.expiresAt.getTime()).toBe(now.getTime() + 12 * 3_600_000);
    const [row] = (await auditRows("auth.login.succeeded", "medewerker@politie.demo")).slice(-1);
    expect(row).toMatchObject({
      actorUserId: user.id,
      actorOrganisationId: user.organisationId,
      clientAddress: "192.0.2.10",
    });
  });

  it("gives the same generic refusal for a wrong password and an unknown account, and audits both", async () => {
    const wrong = await login({ ...base, email: "medewerker@om.demo", password: "fout", now: tick(0) });
    const unknown = await login({ ...base, email: "niemand@om.demo", password: "fout", now: tick(0) });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect((await auditRows("auth.login.failed", "medewerker@om.demo")).at(-1)?.details).toEqual({
      reason: "wrong-password",
    });
    expect((await auditRows("auth.login.failed", "niemand@om.demo")).at(-1)?.details).toEqual({
      reason: "unknown-account",
    });
  });

  it("throttles an account after 5 failures, even with the right password, until the window has passed", async () => {
    const email = "medewerker@reclassering.demo";
    for (let i = 0; i < 5; i++) {
      expect(await login({ ...base, email, password: `fout-${i}`, now: tick(1) })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const blocked = await login({ ...base, email, password: PASSWORD, now: tick(1) });
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 10 });
    expect(await auditRows("auth.login.throttled", email)).toHaveLength(1);
    // 15 minutes after the first failure the oldest one leaves the window
    const later = await login({ ...base, email, password: PASSWORD, now: tick(10) });
    expect(later.ok).toBe(true);
  });

  it("backs off: each further round of failures doubles the lock (30, then 60 minutes)", async () => {
    const email = "medewerker@om.demo";
    const fail = async (n: number) => {
      for (let i = 0; i < n; i++) await login({ ...base, email, password: "fout", now: tick(1) });
    };
    await fail(5); // round 1: locked until the first failure leaves the 15-minute window
    tick(16); // the window has passed (no successful login in between)
    await fail(5); // round 2: 30 minutes from the 10th failure
    const locked = await login({ ...base, email, password: PASSWORD, now: tick(20) });
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 10 });
    tick(11);
    await fail(5); // round 3: 60 minutes
    expect(await login({ ...base, email, password: PASSWORD, now: tick(45) })).toMatchObject({
      reason: "throttled",
      retryAfterMinutes: 15,
    });
    expect((await login({ ...base, email, password: PASSWORD, now: tick(15) })).ok).toBe(true);
  });

  it("locks an account per address: failures from elsewhere do not lock its owner out", async () => {
    const email = "voorzitter@veiligthuis.demo";
    const attacker = { ...base, clientAddress: "198.51.100.66" };
    for (let i = 0; i < 15; i++) await login({ ...attacker, email, password: "fout", now: tick(0) });
    expect(await login({ ...attacker, email, password: PASSWORD, now: tick(1) })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // The chair, from her own address, with the right password: in (her second factor follows).
    const own = await login({ ...base, clientAddress: "192.0.2.44", email, password: PASSWORD, now: tick(0) });
    expect(own).toMatchObject({ ok: true, secondFactor: "verify" });
  });

  it("throttles unknown accounts the same way (no hint whether an account exists)", async () => {
    const email = "bestaat-niet@politie.demo";
    for (let i = 0; i < 5; i++) await login({ ...base, email, password: "x", now: tick(0) });
    expect(await login({ ...base, email, password: "x", now: tick(0) })).toMatchObject({ reason: "throttled" });
  });

  it("starts counting again after a successful login", async () => {
    const email = "medewerker@rvdk.demo";
    for (let i = 0; i < 4; i++) await login({ ...base, email, password: "fout", now: tick(1) });
    expect((await login({ ...base, email, password: PASSWORD, now: tick(1) })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login({ ...base, email, password: "fout", now: tick(1) });
    expect((await login({ ...base, email, password: PASSWORD, now: tick(1) })).ok).toBe(true);
  });

  it("rotates the session id: the session from before the login ends", async () => {
    const first = await login({ ...base, email: "medewerker@wijkteam.demo", password: PASSWORD, now: tick(0) });
    if (!first.ok) throw new Error("login failed");
    const second = await login({
      ...base,
      previousSessionId: first.session.id,
      email: "medewerker@wijkteam.demo",
      password: PASSWORD,
      now: tick(1),
    });
    if (!second.ok) throw new Error("login failed");
    expect(second.session.id).not.toBe(first.session.id);
    expect(await prisma.session.findUnique({ where: { id: first.session.id } })).toBeNull();
  });
});

describe("sessions", () => {
  async function freshSession(email = "medewerker@veiligthuis.demo") {
    const now = tick(0);
    const result = await login({ ...base, email, password: PASSWORD, now });
    if (!result.ok) throw new Error("login failed");
    return { id: result.session.id, start: now.getTime() };
  }

  it("stays active while used and expires after 30 idle minutes", async () => {
    const { id, start } = await freshSession();
    expect((await lookupSession(id, new Date(start + 29 * 60_000))).status).toBe("active");
    // that lookup counted as activity
    expect((await lookupSession(id, new Date(start + 58 * 60_000))).status).toBe("active");
    expect((await lookupSession(id, new Date(start + 89 * 60_000))).status).toBe("expired");
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
    expect((await lookupSession(id, new Date(start + 90 * 60_000))).status).toBe("none");
  });

  it("ends at the absolute lifetime even when used all along", async () => {
    const { id, start } = await freshSession();
    let t = start;
    while (t < start + 12 * 3_600_000 - 20 * 60_000) {
      t += 20 * 60_000;
      expect((await lookupSession(id, new Date(t))).status).toBe("active");
    }
    expect((await lookupSession(id, new Date(start + 12 * 3_600_000 + 1))).status).toBe("expired");
  });

  it("ignores an unknown or tampered cookie", async () => {
    expect((await lookupSession("verzonnen-id")).status).toBe("none");
  });
});

describe("guards", () => {
  async function requestAs(email: string | null, opts: { data?: boolean; path?: string } = {}) {
    const headers = new Headers();
    if (email) {
      const session = await fullSession(email, PASSWORD);
      headers.set("Cookie", (await commitSessionCookie(session)).split(";")[0] as string);
    }
    if (opts.data) headers.set(DATA_REQUEST_HEADER, "1");
    return new Request(`http://localhost${opts.path ?? "/organisaties?x=1"}`, { headers });
  }

  async function thrown(promise: Promise<unknown>): Promise<Response> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof Response) return error;
      throw error;
    }
    throw new Error("expected a thrown Response");
  }

  it("requireUser: a page request without a session is sent to /login with a same-site redirectTo", async () => {
    const response = await thrown(requireUser(await requestAs(null)));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Forganisaties%3Fx%3D1");
  });

  it("requireUser: a data request without a session gets 401", async () => {
    const response = await thrown(requireUser(await requestAs(null, { data: true })));
    expect(response.status).toBe(401);
  });

  it("requireUser: returns the user with their organisation", async () => {
    const user = await requireUser(await requestAs("medewerker@politie.demo"));
    expect(user.organisation.shortCode).toBe("POL");
  });

  it("requireRole: 403 without the role, the user with it", async () => {
    expect((await thrown(requireRole(await requestAs("medewerker@politie.demo"), "CHAIR"))).status).toBe(403);
    const chair = await requireRole(await requestAs("voorzitter@veiligthuis.demo"), "CHAIR");
    expect(chair.email).toBe("voorzitter@veiligthuis.demo");
    const admin = await requireRole(await requestAs("admin@actie-overleg.demo"), "PLATFORM_ADMIN", "ORG_ADMIN");
    expect(admin.roles).toContain("PLATFORM_ADMIN");
  });

  it("requireOrgMember: 403 for another organisation, also for a platform admin", async () => {
    const police = await prisma.organisation.findUniqueOrThrow({ where: { shortCode: "POL" } });
    expect((await requireOrgMember(await requestAs("beheer@politie.demo"), police.id)).email).toBe(
      "beheer@politie.demo",
    );
    expect((await thrown(requireOrgMember(await requestAs("medewerker@om.demo"), police.id))).status).toBe(403);
    expect((await thrown(requireOrgMember(await requestAs("admin@actie-overleg.demo"), police.id))).status).toBe(403);
  });

  it("an expired session is cleared, audited and announced on the login page", async () => {
    const request = await requestAs("medewerker@om.demo");
    const id = (await readSessionId(request.headers.get("Cookie"))) as string;
    // Back-date the last activity by an hour.
    await prisma.session.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 3_600_000) } });
    const response = await thrown(requireUser(request));
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=.*&verlopen=1$/);
    expect(response.headers.get("Set-Cookie")).toMatch(/ao_session=;.*Max-Age=0/);
    expect((await auditRows("auth.session.expired")).length).toBeGreaterThan(0);
  });
});

describe("sessions: list and log out everywhere", () => {
  it("lists the user's sessions without their ids, and ends all of them at once (audited)", async () => {
    const { listSessions, logoutEverywhere } = await import("~/auth/login.server");
    const { lookupSession } = await import("~/auth/session.server");
    const { sessionUser } = await import("../support/users");
    const email = "medewerker@wijkteam.demo";
    // Other tests in this file log in with a clock in the past: start without their sessions.
    await prisma.session.deleteMany({ where: { user: { email } } });
    const first = await sessionUser(email); // logs in: one session
    await sessionUser(email); // a second device
    const sessions = await prisma.session.findMany({ where: { userId: first.id } });
    expect(sessions).toHaveLength(2);
    const listed = await listSessions(first, sessions[0]?.id as string);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(sessions[0]?.id as string);
    const ended = await logoutEverywhere(first, "192.0.2.60");
    expect(ended.sort()).toEqual(sessions.map((s) => s.id).sort());
    for (const s of sessions) expect((await lookupSession(s.id)).status).toBe("none");
    expect(await prisma.auditEvent.count({ where: { action: "auth.logout.everywhere", actorUserId: first.id } })).toBe(
      1,
    );
  });
});

describe("changing the password", () => {
  it("needs the current password; the new one works, other sessions end, this one stays; audited", async () => {
    const { changePassword } = await import("~/auth/login.server");
    const { sessionUser } = await import("../support/users");
    const email = "medewerker@veiligthuis.demo";
    const here = await sessionUser(email);
    await sessionUser(email);
    const sessions = await prisma.session.findMany({
      where: { userId: here.id, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "asc" },
    });
    const current = sessions.at(-1)?.id as string;
    expect(await changePassword(here, current, { current: "fout-fout-fout", next: "x" }, null)).toEqual({ ok: false });
    const changed = await changePassword(
      here,
      current,
      { current: PASSWORD, next: "een lange zin voor de tafel" },
      null,
    );
    expect(changed.ok).toBe(true);
    expect(await prisma.session.findMany({ where: { userId: here.id }, select: { id: true } })).toEqual([
      { id: current },
    ]);
    const relogin = await login({ ...base, email, password: "een lange zin voor de tafel" });
    expect(relogin.ok).toBe(true);
    expect((await login({ ...base, email, password: PASSWORD })).ok).toBe(false);
    expect(await auditRows("auth.password.changed", here.id)).toHaveLength(1);
    expect(await auditRows("auth.password.change-failed", here.id)).toHaveLength(1);
  });
});

import { createHash } from "node:crypto";

import { actorOf, recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";

import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import type { SessionUser } from "./session.server";
import { createSession, deleteSession } from "./session.server";
import { countRefusal } from "./throttle.server";
import type { SecondFactorStep } from "./two-factor.server";
import { secondFactorStep } from "./two-factor.server";

export type LoginAttempt = {
  email: string;
  password: string;
  clientAddress: string | null;
  userAgent: string | null;
  /** Session id from before the login, if any: it is ended, never reused. */
  previousSessionId: string | null;
  now?: Date;
};

export type LoginResult =
  | {
      ok: true;
      session: { id: string; expiresAt: Date };
      user: Pick<SessionUser, "id" | "email">;
      /** What comes after the password: nothing, a code from the app, or enrolling an app first. */
      secondFactor: SecondFactorStep;
    }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const BACKOFF_LOOKBACK_MS = 24 * 3_600_000;

/**
 * Until when an account is locked for this address, or null. Failed attempts are counted from the
 * audit trail (so the limit holds across processes and restarts, and applies the same to addresses
 * without an account) per account and client address — an outsider failing a chair's password from
 * anywhere locks only their own address out, never the chair at hers — since the last successful
 * login and at most a day back. (The address itself is throttled over all accounts as well:
 * throttle.server.ts.) LOGIN_MAX_FAILURES_PER_ACCOUNT
 * failures within LOGIN_WINDOW_MINUTES lock until the oldest of them leaves the window; every
 * further round of that many failures doubles the lock (30, 60, 120 … minutes, at most a day),
 * counted from the failure that completed the round.
 */
async function lockedUntil(email: string, clientAddress: string | null, now: Date): Promise<Date | null> {
  const { LOGIN_WINDOW_MINUTES, LOGIN_MAX_FAILURES_PER_ACCOUNT: max } = getEnv();
  const window = LOGIN_WINDOW_MINUTES * 60_000;
  const dayAgo = new Date(now.getTime() - BACKOFF_LOOKBACK_MS);
  const lastSuccess = await prisma.auditEvent.findFirst({
    where: { action: "auth.login.succeeded", subjectType: "Account", subjectId: email, occurredAt: { gte: dayAgo } },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  const since = lastSuccess?.occurredAt ?? dayAgo;
  const failures = (
    await prisma.auditEvent.findMany({
      where: {
        action: "auth.login.failed",
        subjectType: "Account",
        subjectId: email,
        clientAddress,
        occurredAt: { gt: since },
      },
      orderBy: { occurredAt: "asc" },
      select: { occurredAt: true },
    })
  ).map((f) => f.occurredAt.getTime());
  const rounds = Math.floor(failures.length / max);
  if (rounds >= 2) {
    const completed = failures[rounds * max - 1] as number;
    const until = completed + Math.min(window * 2 ** (rounds - 1), BACKOFF_LOOKBACK_MS);
    if (now.getTime() < until) return new Date(until);
  }
  const inWindow = failures.filter((at) => at > now.getTime() - window);
  if (inWindow.length >= max) return new Date((inWindow[0] as number) + window);
  return null;
}

/**
 * A sign-in refused because its address is throttled (throttle.server.ts): audited aggregated —
 * the 1st, 2nd, 4th … refusal of the address in a window, each row with the count so far.
 */
export async function recordThrottledAddress(clientAddress: string | null, now = new Date()): Promise<void> {
  const refused = await countRefusal("signIn", `address:${clientAddress ?? ""}`);
  if (!refused) return;
  await recordAudit({
    actor: null,
    action: "auth.login.throttled",
    subjectType: "ClientAddress",
    subjectId: clientAddress ?? "",
    clientAddress,
    details: { refusedInWindow: refused },
    at: now,
  });
}

export async function login(attempt: LoginAttempt): Promise<LoginResult> {
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const audit = { subjectType: "Account", subjectId: email, clientAddress: attempt.clientAddress, at: now };

  const locked = await lockedUntil(email, attempt.clientAddress, now);
  if (locked) {
    // Aggregated: the 1st, 2nd, 4th … refusal in a window, with the count (throttle.server.ts).
    const refused = await countRefusal("signIn", `account:${email}|${attempt.clientAddress ?? ""}`);
    if (refused) {
      await recordAudit({
        ...audit,
        actor: null,
        action: "auth.login.throttled",
        details: { refusedInWindow: refused },
      });
    }
    return {
      ok: false,
      reason: "throttled",
      retryAfterMinutes: Math.max(1, Math.ceil((locked.getTime() - now.getTime()) / 60_000)),
    };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, organisationId: true, roles: true, password: { select: { hash: true } } },
  });
  const valid = user?.password
    ? await verifyPassword(attempt.password, user.password.hash)
    : await verifyAgainstDummy(attempt.password);

  if (!user || !valid) {
    await recordAudit({
      ...audit,
      actor: null,
      action: "auth.login.failed",
      details: { reason: user ? "wrong-password" : "unknown-account" },
    });
    return { ok: false, reason: "invalid" };
  }

  if (attempt.previousSessionId) await deleteSession(attempt.previousSessionId);
  const secondFactor = await secondFactorStep(user);
  const session = await createSession(
    user.id,
    {
      clientAddress: attempt.clientAddress,
      userAgent: attempt.userAgent,
      pendingSecondFactor: secondFactor !== "none",
    },
    now,
  );
  await recordAudit({
    ...audit,
    actor: { userId: user.id, organisationId: user.organisationId },
    action: "auth.login.succeeded",
    details: { secondFactor },
  });
  return { ok: true, session, user: { id: user.id, email: user.email }, secondFactor };
}

export async function logout(session: { id: string; user: SessionUser }, clientAddress: string | null): Promise<void> {
  await deleteSession(session.id);
  await recordAudit({
    actor: actorOf(session.user),
    action: "auth.logout",
    subjectType: "User",
    subjectId: session.user.id,
    clientAddress,
  });
}

/** The user's active sessions (this device and others), newest activity first. */
export async function listSessions(user: SessionUser, currentId: string, now = new Date()) {
  const sessions = await prisma.session.findMany({
    where: { userId: user.id, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      clientAddress: true,
      userAgent: true,
      pendingSecondFactor: true,
    },
  });
  return sessions.map((s) => ({
    // The session id is a secret: the page gets a short fingerprint, never the id.
    key: createHash("sha256").update(s.id).digest("hex").slice(0, 12),
    current: s.id === currentId,
    /** Password given somewhere, second factor not (yet): worth a look if it was not you. */
    halfOpen: s.pendingSecondFactor,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    clientAddress: s.clientAddress,
    userAgent: s.userAgent,
  }));
}

/**
 * "Log out everywhere": every session of this user ends (a lost laptop, a shared computer); the
 * caller disconnects their sockets. Returns the ended session ids.
 */
export async function logoutEverywhere(user: SessionUser, clientAddress: string | null): Promise<string[]> {
  const sessions = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
  await prisma.session.deleteMany({ where: { userId: user.id } });
  await recordAudit({
    actor: actorOf(user),
    action: "auth.logout.everywhere",
    subjectType: "User",
    subjectId: user.id,
    clientAddress,
    details: { sessions: sessions.length },
  });
  return sessions.map((s) => s.id);
}

/**
 * A signed-in user changes their password: the current one must be right; the new one follows the
 * password policy (checked by the caller's schema). Every other session of the user ends (the
 * caller disconnects their sockets); this one stays. Audited.
 */
export async function changePassword(
  user: SessionUser,
  currentSessionId: string,
  input: { current: string; next: string },
  clientAddress: string | null,
): Promise<{ ok: true; endedSessions: string[] } | { ok: false }> {
  const row = await prisma.password.findUnique({ where: { userId: user.id }, select: { hash: true } });
  if (!row || !(await verifyPassword(input.current, row.hash))) {
    await recordAudit({
      actor: actorOf(user),
      action: "auth.password.change-failed",
      subjectType: "User",
      subjectId: user.id,
      clientAddress,
    });
    return { ok: false };
  }
  const others = await prisma.session.findMany({
    where: { userId: user.id, id: { not: currentSessionId } },
    select: { id: true },
  });
  const newHash = await hashPassword(input.next);
  await prisma.$transaction([
    prisma.password.update({ where: { userId: user.id }, data: { hash: newHash } }),
    prisma.session.deleteMany({ where: { userId: user.id, id: { not: currentSessionId } } }),
  ]);
  await recordAudit({
    actor: actorOf(user),
    action: "auth.password.changed",
    subjectType: "User",
    subjectId: user.id,
    clientAddress,
    details: { otherSessionsEnded: others.length },
  });
  return { ok: true, endedSessions: others.map((s) => s.id) };
}

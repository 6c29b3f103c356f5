import { createHash } from "node:crypto";

import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";

import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import type { SessionUser } from "./session.server";
import { createSession, deleteSession } from "./session.server";

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
  | { ok: true; session: { id: string; expiresAt: Date }; user: Pick<SessionUser, "id" | "email"> }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Failed attempts on one account since the start of the window or since its last successful
 * login, whichever is later. Counted from the audit trail, so the limit holds across processes
 * and restarts and applies the same to addresses without an account.
 */
async function recentFailures(email: string, now: Date) {
  const { LOGIN_WINDOW_MINUTES } = getEnv();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const lastSuccess = await prisma.auditEvent.findFirst({
    where: {
      action: "auth.login.succeeded",
      subjectType: "Account",
      subjectId: email,
      occurredAt: { gte: windowStart },
    },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true },
  });
  const since = lastSuccess?.occurredAt ?? windowStart;
  const failures = await prisma.auditEvent.findMany({
    where: { action: "auth.login.failed", subjectType: "Account", subjectId: email, occurredAt: { gt: since } },
    orderBy: { occurredAt: "asc" },
    select: { occurredAt: true },
  });
  return { count: failures.length, oldest: failures[0]?.occurredAt ?? null };
}

export async function login(attempt: LoginAttempt): Promise<LoginResult> {
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const { LOGIN_MAX_FAILURES_PER_ACCOUNT, LOGIN_WINDOW_MINUTES } = getEnv();
  const audit = { subjectType: "Account", subjectId: email, clientAddress: attempt.clientAddress, at: now };

  const failures = await recentFailures(email, now);
  if (failures.count >= LOGIN_MAX_FAILURES_PER_ACCOUNT) {
    await recordAudit({ ...audit, actor: null, action: "auth.login.throttled" });
    const unlocksAt = (failures.oldest?.getTime() ?? now.getTime()) + LOGIN_WINDOW_MINUTES * 60_000;
    return {
      ok: false,
      reason: "throttled",
      retryAfterMinutes: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 60_000)),
    };
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, organisationId: true, password: { select: { hash: true } } },
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
  const session = await createSession(
    user.id,
    { clientAddress: attempt.clientAddress, userAgent: attempt.userAgent },
    now,
  );
  await recordAudit({
    ...audit,
    actor: { userId: user.id, organisationId: user.organisationId },
    action: "auth.login.succeeded",
  });
  return { ok: true, session, user: { id: user.id, email: user.email } };
}

export async function logout(session: { id: string; user: SessionUser }, clientAddress: string | null): Promise<void> {
  await deleteSession(session.id);
  await recordAudit({
    actor: { userId: session.user.id, organisationId: session.user.organisation.id },
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
    select: { id: true, createdAt: true, lastSeenAt: true, clientAddress: true, userAgent: true },
  });
  return sessions.map((s) => ({
    // The session id is a secret: the page gets a short fingerprint, never the id.
    key: createHash("sha256").update(s.id).digest("hex").slice(0, 12),
    current: s.id === currentId,
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
    actor: { userId: user.id, organisationId: user.organisation.id },
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
      actor: { userId: user.id, organisationId: user.organisation.id },
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
    actor: { userId: user.id, organisationId: user.organisation.id },
    action: "auth.password.changed",
    subjectType: "User",
    subjectId: user.id,
    clientAddress,
    details: { otherSessionsEnded: others.length },
  });
  return { ok: true, endedSessions: others.map((s) => s.id) };
}

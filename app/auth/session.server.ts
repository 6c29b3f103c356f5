import { randomBytes } from "node:crypto";

import { createCookie } from "@remix-run/node";

import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import type { Role } from "~/generated/prisma/client";
import { singleton } from "~/utils/singleton.server";

export const SESSION_TOUCH_INTERVAL_MS = 60_000;

function createSessionCookie() {
  const env = getEnv();
  if (!env.SESSION_SECRET)
    throw new Error("SESSION_SECRET is not set: the server entry resolves it before the app loads");
  // In production the `__Host-` prefix: the browser only accepts the cookie when it is Secure,
  // has Path=/ and no Domain, so a sibling subdomain cannot set or shadow it.
  const name = env.NODE_ENV === "production" ? "__Host-ao_session" : "ao_session";
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production",
    path: "/",
    secrets: [env.SESSION_SECRET],
  });
}

export const sessionCookie = () => singleton("session-cookie", createSessionCookie);

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  functionTitle: string;
  roles: Role[];
  organisation: { id: string; name: string; shortCode: string; slug: string; kind: string; region: string };
};

export type ActiveSession = { id: string; createdAt: Date; expiresAt: Date; user: SessionUser };

export type SessionLookup =
  | { status: "active"; session: ActiveSession }
  /** Password given, second factor not yet: opens only the second step. */
  | { status: "pending"; session: ActiveSession }
  | { status: "expired"; sessionId: string; user: SessionUser }
  | { status: "none" };

/** What a SessionUser is made of (also for tests that need one without logging in). */
export const userSelect = {
  id: true,
  email: true,
  name: true,
  functionTitle: true,
  roles: true,
  organisation: { select: { id: true, name: true, shortCode: true, slug: true, kind: true, region: true } },
} as const;

export async function readSessionId(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const value: unknown = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * Looks the session up and enforces both limits: idle (no request for SESSION_IDLE_MINUTES) and
 * absolute (SESSION_MAX_HOURS since login). An expired session is deleted on sight.
 */
export async function lookupSession(sessionId: string | null, now = new Date()): Promise<SessionLookup> {
  if (!sessionId) return { status: "none" };
  const row = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      lastSeenAt: true,
      pendingSecondFactor: true,
      user: { select: userSelect },
    },
  });
  if (!row) return { status: "none" };
  if (row.pendingSecondFactor) {
    if (now.getTime() - row.createdAt.getTime() > getEnv().SECOND_FACTOR_MINUTES * 60_000) {
      await prisma.session.deleteMany({ where: { id: row.id } });
      return { status: "none" };
    }
    return {
      status: "pending",
      session: { id: row.id, createdAt: row.createdAt, expiresAt: row.expiresAt, user: row.user },
    };
  }
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() > idleLimit) {
    await prisma.session.deleteMany({ where: { id: row.id } });
    return { status: "expired", sessionId: row.id, user: row.user };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return {
    status: "active",
    session: { id: row.id, createdAt: row.createdAt, expiresAt: row.expiresAt, user: row.user },
  };
}

/**
 * The same rules as lookupSession for many sessions in three statements: the sockets of one app
 * process are re-validated together (see realtime.server.ts). Sessions in `active` had socket
 * activity since the last round and count as seen (idle timeout), like an HTTP request.
 */
export async function validateSessions(
  ids: string[],
  active: ReadonlySet<string>,
  now = new Date(),
): Promise<Map<string, SessionUser>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.session.findMany({
    where: { id: { in: ids }, pendingSecondFactor: false },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: userSelect } },
  });
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000;
  const ended = rows.filter((r) => r.expiresAt <= now || now.getTime() - r.lastSeenAt.getTime() > idleLimit);
  if (ended.length) await prisma.session.deleteMany({ where: { id: { in: ended.map((r) => r.id) } } });
  const valid = rows.filter((r) => !ended.includes(r));
  const touch = valid.filter(
    (r) => active.has(r.id) && now.getTime() - r.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS,
  );
  if (touch.length) {
    await prisma.session.updateMany({ where: { id: { in: touch.map((r) => r.id) } }, data: { lastSeenAt: now } });
  }
  return new Map(valid.map((r) => [r.id, r.user]));
}

/** A new session with a fresh random id: the id is never carried over from before login. */
export async function createSession(
  userId: string,
  meta: { clientAddress?: string | null; userAgent?: string | null; pendingSecondFactor?: boolean },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + getEnv().SESSION_MAX_HOURS * 3_600_000);
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      clientAddress: meta.clientAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      pendingSecondFactor: meta.pendingSecondFactor ?? false,
    },
  });
  return { id, expiresAt };
}

/**
 * After the second factor: the half-open session is replaced by a full one with a new id (a token
 * seen before the second factor never grants more). The absolute lifetime counts from the login.
 */
export async function completeSecondFactor(
  pendingId: string,
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const pending = await prisma.session.findUniqueOrThrow({ where: { id: pendingId } });
  await prisma.$transaction([
    prisma.session.create({
      data: { ...pending, id, lastSeenAt: now, pendingSecondFactor: false },
    }),
    prisma.session.delete({ where: { id: pendingId } }),
  ]);
  return { id, expiresAt: pending.expiresAt };
}

export async function deleteSession(sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

export function commitSessionCookie(session: { id: string; expiresAt: Date }): Promise<string> {
  return sessionCookie().serialize(session.id, { expires: session.expiresAt });
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

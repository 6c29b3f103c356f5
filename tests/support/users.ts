import { login } from "~/auth/login.server";
import type { SessionUser } from "~/auth/session.server";
import { completeSecondFactor, lookupSession } from "~/auth/session.server";
import { beginEnrolment, confirmEnrolment, verifySecondFactor } from "~/auth/two-factor.server";
import { DEMO_PASSWORD } from "~/domain/demo/demo-data";

import { claimStep, codeAt, timeOf } from "./totp";

const secondFactorUsers = new Map<string, SessionUser>();

/**
 * Logs in for real and returns a full session: with the demo second factor where the account has
 * one (a code at a time step of its own, passed as the clock), enrolling a fresh key where the
 * account must have one but has none yet.
 */
export async function fullSession(
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ id: string; expiresAt: Date; secondFactor: boolean }> {
  const result = await login({ email, password, clientAddress: null, userAgent: "vitest", previousSessionId: null });
  if (!result.ok) throw new Error(`login as ${email} failed`);
  if (result.secondFactor === "none") return { ...result.session, secondFactor: false };
  const pending = await lookupSession(result.session.id);
  if (pending.status !== "pending") throw new Error("no pending session");
  const user = pending.session.user;
  const step = claimStep(email);
  const meta = { clientAddress: null, now: timeOf(step) };
  const enrolment = result.secondFactor === "enrol" ? await beginEnrolment(user) : null;
  const verified = enrolment
    ? await confirmEnrolment(user, await codeAt(step, enrolment.secret), meta)
    : await verifySecondFactor(user, await codeAt(step), meta);
  if (!verified.ok) throw new Error(`second factor for ${email} refused: ${verified.reason}`);
  return { ...(await completeSecondFactor(result.session.id)), secondFactor: true };
}

/**
 * The SessionUser the guards would produce for a demo account (see fullSession). A code counts
 * once per 30 s: an account with a second factor logs in once per test file (its later codes
 * would run ahead of the clock that a spawned server's logins use).
 */
export async function sessionUser(email: string, password = DEMO_PASSWORD): Promise<SessionUser> {
  const cached = secondFactorUsers.get(email);
  if (cached) return cached;
  const session = await fullSession(email, password);
  const state = await lookupSession(session.id);
  if (state.status !== "active") throw new Error("no active session");
  if (session.secondFactor) secondFactorUsers.set(email, state.session.user);
  return state.session.user;
}

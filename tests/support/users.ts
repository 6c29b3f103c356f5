import { login } from "~/auth/login.server";
import type { SessionUser } from "~/auth/session.server";
import { completeSecondFactor, lookupSession } from "~/auth/session.server";
import { beginEnrolment, confirmEnrolment, verifySecondFactor } from "~/auth/two-factor.server";

import { claimStep, codeAt, timeOf } from "./totp";

const secondFactorUsers = new Map<string, SessionUser>();

/**
 * The SessionUser the guards would produce for a demo account: logs in for real, with the demo
 * second factor where the account has one (a code at a time step of its own, passed as the clock).
 */
export async function sessionUser(email: string, password = "demo-demo-demo"): Promise<SessionUser> {
  // A code counts once per 30 s: an account with a second factor logs in once per test file
  // (its later codes would run ahead of the clock that a spawned server's logins use).
  const cached = secondFactorUsers.get(email);
  if (cached) return cached;
  const result = await login({ email, password, clientAddress: null, userAgent: "vitest", previousSessionId: null });
  if (!result.ok) throw new Error(`login as ${email} failed`);
  let sessionId = result.session.id;
  if (result.secondFactor !== "none") {
    const pending = await lookupSession(sessionId);
    if (pending.status !== "pending") throw new Error("no pending session");
    const user = pending.session.user;
    const step = claimStep(email);
    const meta = { clientAddress: null, now: timeOf(step) };
    // An account that must have a second factor but has none yet enrols with a fresh key.
    const enrolment = result.secondFactor === "enrol" ? await beginEnrolment(user) : null;
    const verified = enrolment
      ? await confirmEnrolment(user, await codeAt(step, enrolment.secret), meta)
      : await verifySecondFactor(user, await codeAt(step), meta);
    if (!verified.ok) throw new Error(`second factor for ${email} refused: ${verified.reason}`);
    sessionId = (await completeSecondFactor(sessionId)).id;
  }
  const state = await lookupSession(sessionId);
  if (state.status !== "active") throw new Error("no active session");
  if (result.secondFactor !== "none") secondFactorUsers.set(email, state.session.user);
  return state.session.user;
}

import { login } from "~/auth/login.server";
import type { SessionUser } from "~/auth/session.server";
import { lookupSession } from "~/auth/session.server";

/** The SessionUser the guards would produce for a demo account (logs in for real). */
export async function sessionUser(email: string, password = "demo-demo-demo"): Promise<SessionUser> {
  const result = await login({ email, password, clientAddress: null, userAgent: "vitest", previousSessionId: null });
  if (!result.ok) throw new Error(`login as ${email} failed`);
  const state = await lookupSession(result.session.id);
  if (state.status !== "active") throw new Error("no active session");
  return state.session.user;
}

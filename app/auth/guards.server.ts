import { redirect } from "@remix-run/node";

import { actorOf, recordAudit } from "~/audit/audit.server";
import type { Role } from "~/generated/prisma/client";
import { invariantResponse, isDataRequest } from "~/utils/http.server";
import { safeRedirect } from "~/utils/redirect";

import type { SessionLookup, SessionUser } from "./session.server";
import { clearSessionCookie, lookupSession, readSessionId } from "./session.server";

// Root and route loaders of one request share the lookup (one query, one audit row on expiry).
const lookups = new WeakMap<Request, Promise<SessionLookup>>();

export function getSessionState(request: Request): Promise<SessionLookup> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = readSessionId(request.headers.get("Cookie")).then(async (id) => {
      const state = await lookupSession(id);
      if (state.status === "expired") {
        await recordAudit({
          actor: actorOf(state.user),
          action: "auth.session.expired",
          subjectType: "Session",
          subjectId: state.sessionId.slice(0, 12),
        });
      }
      return state;
    });
    lookups.set(request, lookup);
  }
  return lookup;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const state = await getSessionState(request);
  return state.status === "active" ? state.session.user : null;
}

export async function requireSession(request: Request) {
  const state = await getSessionState(request);
  if (state.status === "active") return state.session;
  const url = new URL(request.url);
  if (state.status === "pending") {
    if (isDataRequest(request)) throw new Response("errors.secondFactorMissing", { status: 401 });
    const params = new URLSearchParams({ redirectTo: safeRedirect(url.pathname + url.search) });
    throw redirect(`/tweede-stap?${params.toString()}`);
  }
  const headers = new Headers();
  if (state.status === "expired") headers.append("Set-Cookie", await clearSessionCookie());
  if (isDataRequest(request)) {
    throw new Response("errors.sessionEnded", { status: 401, headers });
  }
  const params = new URLSearchParams({ redirectTo: safeRedirect(url.pathname + url.search) });
  if (state.status === "expired") params.set("verlopen", "1");
  throw redirect(`/login?${params.toString()}`, { headers });
}

/**
 * A session between password and second factor, for the second step only. A full session goes on
 * to where it was headed; none goes to the login.
 */
export async function requirePendingSession(request: Request) {
  const state = await getSessionState(request);
  if (state.status === "pending") return state.session;
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (state.status === "active") throw redirect(redirectTo);
  throw redirect(`/login?${new URLSearchParams({ redirectTo }).toString()}`);
}

/** The signed-in user; a page request without a session goes to /login, a data request gets 401. */
export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}

/** The signed-in user holding at least one of the roles; 403 otherwise. */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  invariantResponse(
    roles.some((role) => user.roles.includes(role)),
    "Geen toegang",
    { status: 403 },
  );
  return user;
}

/** The signed-in user, who must work for the given organisation; 403 otherwise. */
export async function requireOrgMember(request: Request, organisationId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  invariantResponse(user.organisation.id === organisationId, "Geen toegang", { status: 403 });
  return user;
}

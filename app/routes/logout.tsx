import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { getSessionState } from "~/auth/guards.server";
import { logout } from "~/auth/login.server";
import { clearSessionCookie } from "~/auth/session.server";
import { endSessionSockets } from "~/realtime/realtime.server";

// Logging out changes state, so only a POST does it (a GET from a link or image must not).
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const state = await getSessionState(request);
  const headers = { "Set-Cookie": await clearSessionCookie() };
  if (state.status !== "active" && state.status !== "pending") throw redirect("/login", { headers });
  await logout(state.session, context.clientAddress);
  endSessionSockets(state.session.id, "logout");
  throw redirect("/login?uitgelogd=1", { headers });
}

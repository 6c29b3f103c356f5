import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

import { isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { invariantResponse } from "~/utils/http.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader() {
  throw redirect("/");
}

/** Remembers the chosen language in a cookie and returns to the page the user was on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  invariantResponse(isLocale(lng), "Onbekende taal", { status: 400 });
  throw redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(lng) },
  });
}

import { createCookie } from "@remix-run/node";

import type { Locale } from "./config";
import { defaultLocale, isLocale } from "./config";

/** The chosen language, remembered for a year. Not signed: it carries a preference, nothing else. */
export const localeCookie = createCookie("ao_lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * `?lng=` first, then the cookie, then Dutch. Accept-Language is deliberately not read: a Dutch
 * professional with an English browser still gets the Dutch product unless they choose otherwise.
 */
export async function detectLocale(request: Request): Promise<Locale> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isLocale(fromQuery)) return fromQuery;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

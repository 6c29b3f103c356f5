const DEFAULT_REDIRECT = "/";

/**
 * Only a path on this site: "/overleggen?x=1" is kept; "//evil.example", "https://…",
 * "/\\evil.example" and anything with control characters fall back to the start page.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, "http://same-site.invalid");
    if (url.origin !== "http://same-site.invalid") return fallback;
    const target = url.pathname + url.search + url.hash;
    // Checked again after normalising: "/..//evil.example" resolves to "//evil.example", which a
    // browser reads as another host.
    if (target.startsWith("//") || target.startsWith("/\\")) return fallback;
    return target;
  } catch {
    return fallback;
  }
}

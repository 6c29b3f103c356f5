/** Header set by the Express server for single-fetch (`*.data`) requests; see server.ts. */
export const DATA_REQUEST_HEADER = "x-ao-data-request";

export function isDataRequest(request: Request): boolean {
  return request.headers.get(DATA_REQUEST_HEADER) === "1";
}

/**
 * Throws a Response when the condition fails: a missing or forbidden record becomes a clean
 * 404/403, never a 500.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8", ...init.headers } });
  }
}

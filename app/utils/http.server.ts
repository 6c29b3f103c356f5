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

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
  pdf: "application/pdf",
} as const;

/** A download (export): the right type, saved under `filename`, never cached by a shared cache. */
export function downloadResponse(file: { filename: string; body: string | Buffer }, kind: keyof typeof CONTENT_TYPES) {
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "Content-Type": CONTENT_TYPES[kind],
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

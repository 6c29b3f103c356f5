/**
 * The one error the domain throws when something cannot be done: a code (what kind of refusal),
 * a translation key (what to tell the user), values for that key, and on a conflict the current
 * state, so an editor sees it next to their own text. Mapped once to HTTP
 * (`app/server/domain-errors.server.ts`: 404/403/409/400) and once to socket acknowledgements
 * (`app/realtime/handle.server.ts`).
 *
 * "Not yours" is answered like "does not exist" (`not_found`): need-to-know also means not
 * confirming what is there.
 */
import type { TranslationKey } from "~/i18n/keys";
import type { FormErrors } from "~/utils/form-errors";

/** `invalid`: a request no form of ours sends (a missing intent, a tampered version): 400. */
export type DomainErrorCode = "not_found" | "forbidden" | "conflict" | "rule" | "invalid";

// The app build and the server entry each hold a copy of this module (the server imports the
// build at run time), so `instanceof` cannot tell across them: a registered symbol can.
const BRAND = Symbol.for("actie-overleg.DomainError");

export class DomainError extends Error {
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: DomainErrorCode,
    readonly key: TranslationKey,
    readonly extra: { values?: Record<string, string | number>; current?: unknown; fields?: FormErrors } = {},
  ) {
    super(key);
    this.name = "DomainError";
  }

  get current(): unknown {
    return this.extra.current;
  }

  get values(): Record<string, string | number> | undefined {
    return this.extra.values;
  }
}

export const notFound = (key: TranslationKey = "errors.notFound") => new DomainError("not_found", key);
export const forbidden = (key: TranslationKey = "errors.forbidden") => new DomainError("forbidden", key);
export const ruleError = (key: TranslationKey, values?: Record<string, string | number>) =>
  new DomainError("rule", key, values ? { values } : {});
/** A rule about one field: shown next to that field, with the typed text kept. */
export const fieldRule = (field: string, key: TranslationKey) =>
  new DomainError("rule", key, { fields: { [field]: { key } } });
export const badRequest = (key: TranslationKey = "errors.badRequest") => new DomainError("invalid", key);
export const conflict = (key: TranslationKey, current?: unknown) => new DomainError("conflict", key, { current });

/**
 * A row that was there when the request began and is gone when it is read again (removed by a
 * colleague in between: Prisma's "record not found", P2025) is a plain not-found, never a 500.
 * Every other error is returned as it is.
 */
export function vanishedAsNotFound(error: unknown): unknown {
  const known = error as { name?: unknown; code?: unknown } | null;
  return typeof known === "object" && known?.name === "PrismaClientKnownRequestError" && known.code === "P2025"
    ? notFound()
    : error;
}

/** Throws `error` unless the condition holds (narrows like an assertion). */
export function ensure(condition: unknown, error: () => DomainError): asserts condition {
  if (!condition) throw error();
}

/** A refusal a form shows next to itself (a rule or a conflict), not a missing page. */
export function isFormRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && (error.code === "rule" || error.code === "conflict");
}

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  rule: 400,
  invalid: 400,
};

export function httpStatusOf(error: DomainError): number {
  return HTTP_STATUS[error.code];
}

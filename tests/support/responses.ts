import { DomainError, httpStatusOf } from "~/domain/errors.server";

/**
 * The HTTP status a guard (a thrown Response) or a domain function (a DomainError, mapped as every
 * route maps it) answers with; 200 when it does not throw.
 */
export async function thrownStatus(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error.status;
    if (error instanceof DomainError) return httpStatusOf(error);
    throw error;
  }
  return 200;
}

/** "ok", or a domain refusal as "code:key" (how the live tests compare outcomes). */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.key}`;
    throw error;
  }
}

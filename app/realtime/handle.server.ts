import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Socket } from "socket.io";
import type { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import { lookupSession } from "~/auth/session.server";
import { DatabaseUnavailableError, InvalidTextError } from "~/db.server";
import { DomainError, vanishedAsNotFound } from "~/domain/errors.server";
import { getEnv } from "~/env.server";
import type { TranslationKey } from "~/i18n/keys";
import { fieldErrorsFrom } from "~/utils/form-errors";
import { logger } from "~/utils/logger.server";
import { malformedTextPaths } from "~/utils/well-formed";

import type { Ack, AckError, ClientToServerEvents, ServerToClientEvents } from "./events";
import type { SocketData } from "./io.server";

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function failure(code: AckError["code"], key: TranslationKey, extra: Partial<AckError> = {}): Ack<never> {
  // The key says it; the browser translates it into the reader's language (no Dutch on the wire).
  return { ok: false, error: { code, key, ...extra } };
}

/**
 * Every socket's session is re-validated in one batched round per app process (every
 * REALTIME_SESSION_RECHECK_SECONDS, see
 * realtime.server.ts), so an event does not pay a query for it. Logout does not wait for the
 * round: it disconnects the session's sockets at once, across processes through the adapter.
 */
export const sessionRecheckMs = () => getEnv().REALTIME_SESSION_RECHECK_SECONDS * 1000;

/** Sessions with socket activity since the last round: they count as seen (idle timeout). */
export const activeSessions = new Set<string>();

async function currentUser(socket: AppSocket): Promise<SessionUser | null> {
  if (Date.now() - socket.data.checkedAt < 2 * sessionRecheckMs()) {
    activeSessions.add(socket.data.sessionId);
    return socket.data.user;
  }
  // Not confirmed lately (the round failed or is late): check this one now.
  const state = await lookupSession(socket.data.sessionId);
  if (state.status !== "active") return null;
  socket.data.user = state.session.user;
  socket.data.checkedAt = Date.now();
  return state.session.user;
}

/** Events per socket per 10 s (REALTIME_EVENTS_PER_10S), in this process's memory: a socket lives in one. */
let limiter: RateLimiterMemory | null = null;
const eventLimiter = () =>
  (limiter ??= new RateLimiterMemory({ points: getEnv().REALTIME_EVENTS_PER_10S, duration: 10 }));

/**
 * Counts one event of this socket; null when it may go on, else the refusal to acknowledge (a
 * flood is answered, not queued, so it costs neither the database nor memory).
 */
export async function overLimit(socket: AppSocket): Promise<Ack<never> | null> {
  try {
    await eventLimiter().consume(socket.id);
    return null;
  } catch (result) {
    if (!(result instanceof RateLimiterRes)) throw result;
    return failure("rate_limited", "errors.tooManyEvents", {
      values: { seconds: Math.ceil(result.msBeforeNext / 1000) },
    });
  }
}

/**
 * Wraps a handler: finds the ack callback wherever the client put it, re-checks the session (idle
 * timeout and logout apply to sockets too), parses the payload with zod and turns a domain error
 * into its acknowledgement and anything else into an "internal" one. A handler never crashes the
 * process and never answers without saying why.
 */
export function handle<S extends z.ZodType, T>(
  socket: AppSocket,
  schema: S,
  run: (payload: z.infer<S>, user: SessionUser) => Promise<Ack<T>>,
) {
  return async (...args: unknown[]) => {
    const ack = typeof args.at(-1) === "function" ? (args.pop() as (r: Ack<T>) => void) : () => undefined;
    try {
      const refused = await overLimit(socket);
      if (refused) {
        ack(refused);
        return;
      }
      const user = await currentUser(socket);
      if (!user) {
        ack(failure("unauthenticated", "errors.sessionEnded"));
        socket.emit("session:ended", { reason: "expired" });
        socket.disconnect(true);
        return;
      }
      const malformed = malformedTextPaths(args[0]);
      if (malformed.length > 0) {
        const fields = Object.fromEntries(
          malformed.map((p) => [p.join("."), { key: "validation.malformedText" as const }]),
        );
        ack(failure("invalid_payload", "live.errors.invalid", { fields }));
        return;
      }
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        ack(failure("invalid_payload", "live.errors.invalid", { fields: fieldErrorsFrom(parsed.error.issues) }));
        return;
      }
      ack(await run(parsed.data, user));
    } catch (thrown) {
      const error = vanishedAsNotFound(thrown);
      if (error instanceof DatabaseUnavailableError) {
        ack(failure("unavailable", "errors.databaseUnavailable"));
        return;
      }
      if (error instanceof InvalidTextError) {
        ack(failure("invalid_payload", "live.errors.invalid"));
        return;
      }
      if (error instanceof DomainError) {
        ack(failure(error.code === "invalid" ? "invalid_payload" : error.code, error.key, { ...error.extra }));
        return;
      }
      logger.error({ err: error, user: socket.data.user?.id }, "realtime handler failed");
      ack(failure("internal", "errors.unexpected"));
    }
  };
}

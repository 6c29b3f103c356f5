import type { Socket } from "socket.io";
import type { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import { lookupSession } from "~/auth/session.server";
import { LiveError } from "~/domain/live/live.server";
import { fieldErrorsFrom } from "~/utils/form-errors";
import { logger } from "~/utils/logger.server";

import type { Ack, AckError, ClientToServerEvents, ServerToClientEvents } from "./events";
import type { SocketData } from "./io.server";

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const MESSAGES: Record<AckError["code"], string> = {
  invalid_payload: "Ongeldige gegevens",
  forbidden: "Geen toegang",
  unauthenticated: "Sessie verlopen",
  not_found: "Niet gevonden",
  conflict: "Intussen gewijzigd",
  rule: "Niet toegestaan",
  internal: "Er ging iets mis",
};

export function failure(code: AckError["code"], key: string, extra: Partial<AckError> = {}): Ack<never> {
  return { ok: false, error: { code, key, message: MESSAGES[code], ...extra } };
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
      const state = await lookupSession(socket.data.sessionId);
      if (state.status !== "active") {
        ack(failure("unauthenticated", "errors.sessionEnded"));
        socket.emit("session:ended", { reason: "expired" });
        socket.disconnect(true);
        return;
      }
      socket.data.user = state.session.user;
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        ack(failure("invalid_payload", "live.errors.invalid", { fields: fieldErrorsFrom(parsed.error.issues) }));
        return;
      }
      ack(await run(parsed.data, state.session.user));
    } catch (error) {
      if (error instanceof LiveError) {
        ack(failure(error.code, error.key, error.current === undefined ? {} : { current: error.current }));
        return;
      }
      logger.error({ err: error, user: socket.data.user?.id }, "realtime handler failed");
      ack(failure("internal", "errors.unexpected"));
    }
  };
}

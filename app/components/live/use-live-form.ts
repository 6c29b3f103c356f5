import { useCallback, useState } from "react";

import type { TranslationKey } from "~/i18n/keys";
import type { LiveCommandPayload, LiveWriteEvent } from "~/realtime/events";
import type { Send } from "~/realtime/use-live-board";
import type { FormErrors } from "~/utils/form-errors";

export type LiveFormState = {
  status: "idle" | "sending" | "done" | "error";
  errors: FormErrors;
  formError?: TranslationKey;
  current?: unknown;
};

/** An idempotency key: the same write sent twice (a retry) carries the same key. */
export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes); // randomUUID needs a secure context; a LAN address over http is not one
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export type { Send };

/** A command's payload as a form builds it: the idempotency key is added when it is sent. */
export type Unkeyed<P> = Omit<P, "key">;

function withKey<P>(payload: Unkeyed<P>): P {
  // Every write command's schema takes a `key`; the form never chooses it itself.
  return { ...payload, key: newKey() } as P;
}

/**
 * One live form: sends its payload with a fresh idempotency key and keeps what the server said.
 * The form's own fields are not touched: on an error the typed text stays where it is.
 */
export function useLiveForm(send: Send) {
  const [state, setState] = useState<LiveFormState>({ status: "idle", errors: {} });
  const submit = useCallback(
    async <E extends LiveWriteEvent>(event: E, payload: Unkeyed<LiveCommandPayload<E>>) => {
      setState({ status: "sending", errors: {} });
      const ack = await send(event, withKey(payload));
      if (ack.ok) setState({ status: "done", errors: {} });
      else
        setState({
          status: "error",
          errors: ack.error.fields ?? {},
          // A refusal about fields is said at each field; the form's status points there.
          formError: ack.error.code === "invalid_payload" || ack.error.fields ? "live.errors.invalid" : ack.error.key,
          current: ack.error.current,
        });
      return ack;
    },
    [send],
  );
  const reset = useCallback(() => setState({ status: "idle", errors: {} }), []);
  return { state, submit, reset };
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === "string") values[name] = value;
  return values;
}

/**
 * An edit form saves on the version the user started from (when the form was opened), not the
 * one on screen at the moment of saving: a colleague's change meanwhile is then refused as stale
 * and shown, never silently overwritten. After a save, or once the refusal showed the current
 * state, the next save starts from there.
 */
export function useStartedVersion(version: number) {
  const [started, setStarted] = useState<number | null>(null);
  const onToggle = useCallback(
    (event: { currentTarget: HTMLDetailsElement }) => {
      if (event.currentTarget.open && started === null) setStarted(version);
    },
    [started, version],
  );
  const settle = useCallback((ack: { ok: true } | { ok: false; error: { code: string; current?: unknown } }) => {
    if (ack.ok) setStarted(null);
    else if (ack.error.code === "conflict") {
      const current = ack.error.current as { version?: number } | undefined;
      setStarted(typeof current?.version === "number" ? current.version : null);
    }
  }, []);
  return { version: started ?? version, onToggle, settle };
}

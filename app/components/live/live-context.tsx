import { createContext, useContext, useMemo } from "react";
import type { ReactNode } from "react";

import { useLocale } from "~/i18n/use-locale";
import type { LiveBoard } from "~/realtime/events";
import type { SyncState } from "~/realtime/use-live-board";
import type { FormErrors } from "~/utils/form-errors";

import type { LiveFormState, Send } from "./use-live-form";

type LiveContextValue = {
  board: LiveBoard;
  send: Send;
  sync: SyncState;
  highlighted: ReadonlySet<string>;
};

function derived(value: LiveContextValue) {
  const organisations = new Map(value.board.organisations.map((o) => [o.id, o]));
  const organisation = (id: string | null) => (id === null ? undefined : organisations.get(id));
  return {
    ...value,
    orgName: (id: string | null) => organisation(id)?.name ?? "",
    orgShort: (id: string | null) => organisation(id)?.shortCode ?? "",
    editable: value.board.state.status === "LIVE",
    flash: (id: string) => (value.highlighted.has(id) ? " live-flash" : ""),
  };
}

const LiveContext = createContext<ReturnType<typeof derived> | null>(null);

/** What every part of the board reads, derived once per change of the board (not per component). */
export function LiveProvider({ value, children }: { value: LiveContextValue; children: ReactNode }) {
  const { board, send, sync, highlighted } = value;
  const shared = useMemo(() => derived({ board, send, sync, highlighted }), [board, send, sync, highlighted]);
  return <LiveContext.Provider value={shared}>{children}</LiveContext.Provider>;
}

export function useLive() {
  const value = useContext(LiveContext);
  if (!value) throw new Error("useLive outside LiveProvider");
  return value;
}

/** Translates one field's error (a key with values), if any. */
export function useFieldError(errors: FormErrors) {
  const { t } = useLocale();
  return (field: string) => {
    const error = errors[field];
    return error ? t(error.key, error.values) : undefined;
  };
}

/** What happened to the last submit of a form, said in a polite live region. */
export function FormStatus({ state, id }: { state: LiveFormState; id?: string }) {
  const { t } = useLocale();
  const { sync } = useLive();
  let text = "";
  let className = "live-form__status";
  if (state.status === "sending") text = sync === "synced" ? t("live.sending") : t("live.waitingToSend");
  if (state.status === "done") text = t("live.saved");
  if (state.status === "error" && state.formError) {
    text = t(state.formError);
    className += " live-form__status--error";
  }
  return (
    <p id={id} className={className} role="status" aria-live="polite">
      {text}
    </p>
  );
}

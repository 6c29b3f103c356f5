import { useState } from "react";
import type { FormEvent, ReactNode } from "react";

import { useLocale } from "~/i18n/use-locale";
import type { LiveCommandPayload } from "~/realtime/events";

import { FormStatus, useFieldError, useLive } from "../live-context";
import type { Unkeyed } from "../use-live-form";
import { formValues, useLiveForm } from "../use-live-form";

/**
 * A form that adds something to the board. When the item closes (or the meeting ends) while
 * someone is typing, the form stays, disabled, with their text and a notice: nothing typed
 * disappears without telling.
 */
export function AddForm<E extends "live:need:add" | "live:decision:add" | "live:action:add">({
  event,
  title,
  build,
  children,
  submitLabel,
  open,
}: {
  open: boolean;
  event: E;
  title: string;
  build: (values: Record<string, string>, form: HTMLFormElement) => Unkeyed<LiveCommandPayload<E>>;
  children: (fieldError: (field: string) => string | undefined) => ReactNode;
  submitLabel: string;
}) {
  const { t } = useLocale();
  const { send } = useLive();
  const { state, submit } = useLiveForm(send);
  const fieldError = useFieldError(state.errors);
  const [dirty, setDirty] = useState(false);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const ack = await submit(event, build(formValues(form), form));
    if (ack.ok) {
      form.reset();
      setDirty(false);
    }
  };
  if (!open && !dirty) return null;
  return (
    <form
      className="live-form"
      onSubmit={(e) => void onSubmit(e)}
      onInput={() => setDirty(true)}
      aria-label={title}
      noValidate
    >
      {open ? null : <p className="notice notice--warning">{t("live.closedWhileTyping")}</p>}
      <fieldset className="live-form__fields" disabled={!open}>
        {children(fieldError)}
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </fieldset>
      <FormStatus state={state} />
    </form>
  );
}

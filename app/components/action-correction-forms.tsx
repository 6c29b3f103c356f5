import { Form } from "@remix-run/react";

import type { ActionFormData } from "~/domain/actions/action-forms.server";
import { useLocale } from "~/i18n/use-locale";

import { TextAreaField, TextField } from "./forms";

type Correctable = { id: string; description: string; dueDate: string; version: number };

/**
 * The owning organisation corrects what was agreed on /acties: the text and the due date, with a
 * reason for the history. Sent on the version the page showed; a colleague's change meanwhile
 * comes back as a refusal with the typed text kept.
 */
export function CorrectActionForm({
  action,
  mine,
  FormComponent,
}: {
  action: Correctable;
  mine: ActionFormData | undefined;
  FormComponent: typeof Form;
}) {
  const { t } = useLocale();
  const values = mine?.values ?? {};
  const error = (field: string) => {
    const e = mine?.errors?.[field];
    return e ? t(e.key, e.values) : undefined;
  };
  const id = (field: string) => `action-${action.id}-correct-${field}`;
  return (
    <details className="action-update" open={Boolean(mine && !mine.done)}>
      <summary>{t("actions.correct")}</summary>
      <FormComponent
        method="post"
        action="/acties"
        className="form"
        noValidate
        aria-label={t("actions.correctTitle", { description: action.description })}
        key={mine?.done ? action.version : "form"}
      >
        {mine?.formError && !mine.errors ? (
          <p className="notice notice--error" role="alert">
            {t(mine.formError)}
          </p>
        ) : null}
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="actionId" value={action.id} />
        <input type="hidden" name="version" value={mine?.current?.version ?? action.version} />
        <TextAreaField
          id={id("description")}
          name="description"
          label={t("live.action.description")}
          defaultValue={values.description ?? action.description}
          error={error("description")}
          rows={2}
        />
        <TextField
          id={id("dueDate")}
          name="dueDate"
          type="date"
          label={t("live.action.dueDate")}
          defaultValue={values.dueDate ?? action.dueDate}
          error={error("dueDate")}
        />
        <TextAreaField
          id={id("reason")}
          name="reason"
          label={t("actions.reason")}
          hint={t("actions.reasonHint")}
          defaultValue={values.reason ?? ""}
          error={error("reason")}
          rows={2}
        />
        <button type="submit" className="button">
          {t("actions.saveCorrection")}
        </button>
      </FormComponent>
    </details>
  );
}

/** The organisation an action was offered to takes it over, or declines. */
export function AnswerOfferForm({ action, mine }: { action: Correctable; mine: ActionFormData | undefined }) {
  const { t } = useLocale();
  return (
    <Form method="post" action="/acties" className="form form--inline" aria-label={t("actions.offeredTitle")}>
      {mine?.formError ? (
        <p className="notice notice--error" role="alert">
          {t(mine.formError)}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="transfer" />
      <input type="hidden" name="actionId" value={action.id} />
      <input type="hidden" name="version" value={action.version} />
      <button type="submit" name="answer" value="accept" className="button">
        {t("actions.accept")}
      </button>
      <button type="submit" name="answer" value="decline" className="button button--secondary">
        {t("actions.decline")}
      </button>
    </Form>
  );
}

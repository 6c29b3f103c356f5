import { useState } from "react";
import type { FormEvent } from "react";

import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { isLiveActionStatus, LIVE_ACTION_STATUSES } from "~/domain/live/live-enums";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import type { ActionView } from "~/realtime/events";

import { FormStatus, useFieldError, useLive } from "../live-context";
import { formValues, useLiveForm, useStartedVersion } from "../use-live-form";

import { AddForm } from "./add-form";
import type { ItemProps } from "./item-props";

function ActionStatusForm({ action }: { action: ActionView }) {
  const { t } = useLocale();
  const { send } = useLive();
  const { state, submit } = useLiveForm(send);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const status = formValues(event.currentTarget).status;
    // The select offers only the table's statuses.
    if (isLiveActionStatus(status))
      void submit("live:action:status", { actionId: action.id, version: action.version, status });
  };
  return (
    <form className="live-form live-form--inline" onSubmit={onSubmit}>
      <SelectField
        key={action.version}
        id={`action-${action.id}-status`}
        name="status"
        label={t("live.action.status")}
        defaultValue={action.status}
        options={LIVE_ACTION_STATUSES.map((s) => ({ value: s, label: t(`live.action.statuses.${s}`) }))}
      />
      <button type="submit" className="button button--secondary">
        {t("live.action.setStatus")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** The owning organisation (another one at the table: an offer) and, within it, the colleague. */
function OwnerFields({
  action,
  tables,
  fieldError,
}: {
  action: ActionView;
  tables: string[];
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useLocale();
  const { board, orgName } = useLive();
  const [owner, setOwner] = useState(action.transferToOrganisationId ?? action.ownerOrganisationId);
  const people = board.people.filter((p) => p.organisationId === action.ownerOrganisationId);
  const id = (field: string) => `action-${action.id}-correct-${field}`;
  return (
    <>
      <SelectField
        id={id("owner")}
        name="ownerOrganisationId"
        label={t("live.action.owner")}
        hint={t("live.action.correctHint")}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        error={fieldError("ownerOrganisationId")}
        options={tables.map((o) => ({ value: o, label: orgName(o) }))}
      />
      {owner === action.ownerOrganisationId ? (
        <SelectField
          id={id("person")}
          name="ownerUserId"
          label={t("live.action.ownerPerson")}
          defaultValue={action.ownerUserId ?? ""}
          error={fieldError("ownerUserId")}
          options={[
            { value: "", label: t("live.action.nobody") },
            ...people.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      ) : null}
    </>
  );
}

/**
 * The owning organisation (or the chair) corrects an action: text, due date, owner. Saved on the
 * version the user started from, so a colleague's change meanwhile is shown, not overwritten.
 */
function CorrectActionForm({ action, tables }: { action: ActionView; tables: string[] }) {
  const { t, locale } = useLocale();
  const { send, orgName } = useLive();
  const { state, submit } = useLiveForm(send);
  const fieldError = useFieldError(state.errors);
  const started = useStartedVersion(action.version);
  const current = state.status === "error" ? (state.current as ActionView | undefined) : undefined;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const ack = await submit("live:action:correct", {
      actionId: action.id,
      version: started.version,
      description: values.description ?? "",
      ownerOrganisationId: values.ownerOrganisationId ?? "",
      ownerUserId: values.ownerUserId ?? "",
      dueDate: values.dueDate ?? "",
    });
    started.settle(ack);
  };
  const id = (field: string) => `action-${action.id}-correct-${field}`;
  return (
    <details className="live-details" onToggle={started.onToggle}>
      <summary>{t("live.action.correct")}</summary>
      <form className="live-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextAreaField
          id={id("description")}
          name="description"
          label={t("live.action.description")}
          defaultValue={action.description}
          error={fieldError("description")}
          rows={2}
        />
        <OwnerFields action={action} tables={tables} fieldError={fieldError} />
        <TextField
          id={id("due")}
          name="dueDate"
          type="date"
          label={t("live.action.dueDate")}
          defaultValue={action.dueDate}
          error={fieldError("dueDate")}
        />
        <button type="submit" className="button button--secondary">
          {t("live.action.saveCorrection")}
        </button>
        <FormStatus state={state} />
        {current ? (
          <p className="hint">
            {t("live.action.currentIs", {
              description: current.description,
              owner: orgName(current.ownerOrganisationId),
              date: formatDate(`${current.dueDate}T12:00:00Z`, locale),
            })}
          </p>
        ) : null}
      </form>
    </details>
  );
}

/** The organisation an action was offered to takes it over, or declines. */
function AnswerOffer({ action }: { action: ActionView }) {
  const { t } = useLocale();
  const { send } = useLive();
  const { state, submit } = useLiveForm(send);
  const answer = (accept: boolean) =>
    void submit("live:action:transfer", { actionId: action.id, version: action.version, accept });
  return (
    <div className="live-form live-form--inline" role="group" aria-label={t("live.action.offeredToUs")}>
      <p>{t("live.action.offeredToUs")}</p>
      <button type="button" className="button button--secondary" onClick={() => answer(true)}>
        {t("live.action.accept")}
      </button>
      <button type="button" className="button button--plain" onClick={() => answer(false)}>
        {t("live.action.decline")}
      </button>
      <FormStatus state={state} />
    </div>
  );
}

function NewActionFields({
  itemId,
  tables,
  fieldError,
}: {
  itemId: string;
  tables: string[];
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useLocale();
  const { board, orgName } = useLive();
  const [owner, setOwner] = useState(
    tables.includes(board.viewer.organisationId) ? board.viewer.organisationId : (tables[0] ?? ""),
  );
  const people = board.people.filter((p) => p.organisationId === owner);
  return (
    <>
      <TextAreaField
        id={`action-new-${itemId}`}
        name="description"
        label={t("live.action.description")}
        error={fieldError("description")}
        rows={2}
      />
      <SelectField
        id={`action-new-${itemId}-owner`}
        name="ownerOrganisationId"
        label={t("live.action.owner")}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        error={fieldError("ownerOrganisationId")}
        options={tables.map((id) => ({ value: id, label: orgName(id) }))}
      />
      <SelectField
        key={owner}
        id={`action-new-${itemId}-person`}
        name="ownerUserId"
        label={t("live.action.ownerPerson")}
        error={fieldError("ownerUserId")}
        options={[
          { value: "", label: t("live.action.nobody") },
          ...people.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <TextField
        id={`action-new-${itemId}-due`}
        name="dueDate"
        type="date"
        label={t("live.action.dueDate")}
        error={fieldError("dueDate")}
      />
    </>
  );
}

export function Actions({ itemId, board, tables, can, open }: ItemProps) {
  const { t, locale } = useLocale();
  const { orgName, editable, flash } = useLive();
  return (
    <section aria-labelledby={`actions-title-${itemId}`} className="live-section">
      <h3 id={`actions-title-${itemId}`}>{t("live.sections.actions")}</h3>
      {board.actions.length === 0 ? <p className="hint">{t("live.action.none")}</p> : null}
      <ul className="live-list">
        {board.actions.map((action) => {
          const mayMove = can.updateActionsOf.includes(action.ownerOrganisationId);
          return (
            <li key={action.id} className={`live-list__item${flash(action.id)}`} data-testid="action">
              <p>
                <strong>{action.description}</strong>
                <br />
                {orgName(action.ownerOrganisationId)}
                {action.ownerName ? ` (${action.ownerName})` : ""} · {t("live.action.dueDate")}{" "}
                {formatDate(`${action.dueDate}T12:00:00Z`, locale)} ·{" "}
                <span className="badge">{t(`live.action.statuses.${action.status}`)}</span>
              </p>
              {action.corrected ? (
                <p className="hint">
                  {t("live.action.corrected", {
                    name: action.corrected.byName,
                    date: formatDateTime(action.corrected.at, locale),
                    via: t(`live.action.via.${action.corrected.via}`),
                  })}
                </p>
              ) : null}
              {action.transferToOrganisationId ? (
                <p className="hint">
                  {t("live.action.offeredTo", { organisation: orgName(action.transferToOrganisationId) })}
                </p>
              ) : null}
              {editable && open && action.status !== "DONE" ? (
                <>
                  {mayMove ? <ActionStatusForm action={action} /> : null}
                  {mayMove ? <CorrectActionForm action={action} tables={tables} /> : null}
                  {action.transferToOrganisationId && can.answerOffersFor.includes(action.transferToOrganisationId) ? (
                    <AnswerOffer action={action} />
                  ) : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {
        <AddForm
          open={editable && open}
          event="live:action:add"
          title={t("live.action.add")}
          submitLabel={t("live.action.add")}
          build={(values) => ({
            itemId,
            description: values.description ?? "",
            ownerOrganisationId: values.ownerOrganisationId ?? "",
            ownerUserId: values.ownerUserId ?? "",
            dueDate: values.dueDate ?? "",
          })}
        >
          {(fieldError) => <NewActionFields itemId={itemId} tables={tables} fieldError={fieldError} />}
        </AddForm>
      }
    </section>
  );
}

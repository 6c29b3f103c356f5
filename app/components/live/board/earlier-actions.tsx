import type { FormEvent } from "react";

import { ActionHistory } from "~/components/action-history";
import { SelectField, TextField } from "~/components/forms";
import { ACTION_STATUSES, CLOSE_REASONS, isActionStatus, isCloseReason } from "~/domain/live/live-enums";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import type { EarlierActionView } from "~/realtime/events";

import { FormStatus, useFieldError, useLive } from "../live-context";
import { formValues, useLiveForm } from "../use-live-form";

import type { ItemProps } from "./item-props";

function EarlierActionForm({ itemId, action }: { itemId: string; action: EarlierActionView }) {
  const { t } = useLocale();
  const { send } = useLive();
  const { state, submit } = useLiveForm(send);
  const fieldError = useFieldError(state.errors);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formValues(form);
    const ack = await submit("live:earlierAction:update", {
      itemId,
      actionId: action.id,
      version: action.version,
      status: isActionStatus(values.status) ? values.status : action.status,
      closeReason: isCloseReason(values.closeReason) ? values.closeReason : "",
      ownerUserId: action.ownerUserId ?? "",
      note: values.note ?? "",
    });
    if (ack.ok) form.reset();
  };
  const id = (field: string) => `earlier-${itemId}-${action.id}-${field}`;
  return (
    <form
      className="live-form live-form--inline"
      onSubmit={(e) => void onSubmit(e)}
      aria-label={t("live.earlier.update", { description: action.description })}
      noValidate
    >
      <SelectField
        key={action.version}
        id={id("status")}
        name="status"
        label={t("actions.status")}
        defaultValue={action.status}
        error={fieldError("status")}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`live.action.statuses.${s}`) }))}
      />
      <SelectField
        id={id("closeReason")}
        name="closeReason"
        label={t("actions.closeReason")}
        error={fieldError("closeReason")}
        options={[
          { value: "", label: t("actions.noReason") },
          ...CLOSE_REASONS.map((r) => ({ value: r, label: t(`actions.reasons.${r}`) })),
        ]}
      />
      <TextField id={id("note")} name="note" label={t("actions.note")} error={fieldError("note")} />
      <button type="submit" className="button button--secondary">
        {t("live.earlier.save")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** What the table agreed earlier about this case: reviewed first, updated here by the owners. */
export function EarlierActions({ itemId, board, can, open }: ItemProps) {
  const { t, locale } = useLocale();
  const { orgName, editable, flash } = useLive();
  return (
    <section aria-labelledby={`earlier-title-${itemId}`} className="live-section" data-testid="earlier-actions">
      <h3 id={`earlier-title-${itemId}`}>{t("live.sections.earlierActions")}</h3>
      {board.earlierActions.length === 0 ? <p className="hint">{t("live.earlier.none")}</p> : null}
      <ul className="live-list">
        {board.earlierActions.map((action) => (
          <li key={action.id} className={`live-list__item${flash(action.id)}`} data-testid="earlier-action">
            <p>
              <strong>{action.description}</strong>
              <br />
              {orgName(action.ownerOrganisationId)}
              {action.ownerName ? ` (${action.ownerName})` : ""} ·{" "}
              {t("actions.due", { date: formatDate(`${action.dueDate}T12:00:00Z`, locale) })} ·{" "}
              <span className="badge">{t(`live.action.statuses.${action.status}`)}</span>
              {action.closeReason ? <> · {t(`actions.reasons.${action.closeReason}`)}</> : null}
              <br />
              <span className="hint">{t("actions.fromMeeting", { meeting: action.meeting.title })}</span>
            </p>
            {action.updates.length ? <ActionHistory lines={action.updates} /> : null}
            {editable &&
            open &&
            action.status !== "DONE" &&
            can.updateEarlierActionsOf.includes(action.ownerOrganisationId) ? (
              <EarlierActionForm itemId={itemId} action={action} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { FormEvent } from "react";

import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { ScrollingTable } from "~/components/scrolling-table";
import { needStatusText } from "~/domain/live/need-status";
import { useLocale } from "~/i18n/use-locale";
import type { NeedView } from "~/realtime/events";
import { balanceOf } from "~/realtime/live-board-state";

import { FormStatus, useFieldError, useLive } from "../live-context";
import { formValues, useLiveForm, useStartedVersion } from "../use-live-form";

import { AddForm } from "./add-form";
import type { ItemProps } from "./item-props";

/**
 * Taking a need up: an organisation says it does so itself; the chair may record it for any
 * organisation at the table (the board then says it was recorded on its behalf).
 */
function AddressNeedForm({ need, organisations }: { need: NeedView; organisations: string[] }) {
  const { t } = useLocale();
  const { send, orgName } = useLive();
  const { state, submit } = useLiveForm(send);
  const fieldError = useFieldError(state.errors);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    void submit("live:need:address", {
      needId: need.id,
      version: need.version,
      addressedByOrganisationId: values.addressedByOrganisationId ?? "",
      note: values.note ?? "",
    });
  };
  const onlyOwn = organisations.length === 1;
  return (
    <form className="live-form live-form--inline" onSubmit={onSubmit} noValidate>
      {onlyOwn ? (
        <input type="hidden" name="addressedByOrganisationId" value={organisations[0]} />
      ) : (
        <SelectField
          id={`need-${need.id}-by`}
          name="addressedByOrganisationId"
          label={t("live.need.addressedBy")}
          defaultValue={organisations[0] ?? ""}
          error={fieldError("addressedByOrganisationId")}
          options={organisations.map((id) => ({ value: id, label: orgName(id) }))}
        />
      )}
      <TextField id={`need-${need.id}-note`} name="note" label={t("live.need.note")} error={fieldError("note")} />
      <button type="submit" className="button button--secondary">
        {onlyOwn ? t("live.need.markAddressedByUs") : t("live.need.markAddressed")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** The organisation that raised an open need rewords it, or takes it back. */
function OwnNeedForms({ need }: { need: NeedView }) {
  const { t } = useLocale();
  const { send } = useLive();
  const edit = useLiveForm(send);
  const withdraw = useLiveForm(send);
  const started = useStartedVersion(need.version);
  const fieldError = useFieldError(edit.state.errors);
  const onEdit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    started.settle(
      await edit.submit("live:need:edit", { needId: need.id, version: started.version, text: values.text ?? "" }),
    );
  };
  return (
    <details className="live-details" onToggle={started.onToggle}>
      <summary>{t("live.need.edit")}</summary>
      <form className="live-form" onSubmit={(e) => void onEdit(e)} noValidate>
        <TextAreaField
          id={`need-${need.id}-text`}
          name="text"
          label={t("live.need.text")}
          defaultValue={need.text}
          error={fieldError("text")}
          rows={2}
        />
        <button type="submit" className="button button--secondary">
          {t("live.need.save")}
        </button>
        <FormStatus state={edit.state} />
      </form>
      <button
        type="button"
        className="button button--plain"
        onClick={() => void withdraw.submit("live:need:withdraw", { needId: need.id, version: need.version })}
      >
        {t("live.need.withdraw")}
      </button>
      <FormStatus state={withdraw.state} />
    </details>
  );
}

function NeedStatus({ need }: { need: NeedView }) {
  const { t } = useLocale();
  const { orgName } = useLive();
  return (
    <span className={need.status === "OPEN" ? "badge badge--outdated" : "badge"}>
      {needStatusText(t, need, orgName)}
    </span>
  );
}

export function Needs({ itemId, board, can, open }: ItemProps) {
  const { t } = useLocale();
  const { orgName, editable, flash } = useLive();
  const openCount = board.needs.filter((n) => n.status === "OPEN").length;
  const writable = editable && open;
  return (
    <section aria-labelledby={`needs-title-${itemId}`} className="live-section">
      <h3 id={`needs-title-${itemId}`}>
        {t("live.sections.needs")} <span className="badge">{t("live.need.openCount", { count: openCount })}</span>
      </h3>
      {board.needs.length === 0 ? <p className="hint">{t("live.need.none")}</p> : null}
      <ul className="live-list">
        {board.needs.map((need) => (
          <li key={need.id} className={`live-list__item${flash(need.id)}`} data-testid="need">
            <p>
              <strong>{orgName(need.organisationId)}:</strong>{" "}
              {need.status === "WITHDRAWN" ? <del>{need.text}</del> : need.text} <NeedStatus need={need} />
            </p>
            {need.addressedNote ? <p className="hint">{need.addressedNote}</p> : null}
            {need.status === "OPEN" && writable && can.editNeedsOf.includes(need.organisationId) ? (
              <OwnNeedForms need={need} />
            ) : null}
            {need.status === "OPEN" && writable && can.addressNeedFor.length > 0 ? (
              <AddressNeedForm need={need} organisations={can.addressNeedFor} />
            ) : null}
          </li>
        ))}
      </ul>
      {can.raiseNeed ? (
        <AddForm
          open={writable}
          event="live:need:add"
          title={t("live.need.add")}
          submitLabel={t("live.need.add")}
          build={(values) => ({ itemId, text: values.text ?? "" })}
        >
          {(fieldError) => (
            <TextAreaField
              id={`need-new-${itemId}`}
              name="text"
              label={t("live.need.text")}
              error={fieldError("text")}
              rows={2}
            />
          )}
        </AddForm>
      ) : null}
    </section>
  );
}

export function Balance({ itemId, board, tables }: ItemProps) {
  const { t } = useLocale();
  const { orgName } = useLive();
  return (
    <section aria-labelledby={`balance-title-${itemId}`} className="live-section">
      <h3 id={`balance-title-${itemId}`}>{t("live.sections.balance")}</h3>
      <ScrollingTable captionId={`balance-caption-${itemId}`}>
        <table className="balance" data-testid="balance">
          <caption id={`balance-caption-${itemId}`}>{t("live.balance.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("live.balance.organisation")}</th>
              <th scope="col">{t("live.balance.needsRaised")}</th>
              <th scope="col">{t("live.balance.needsOpen")}</th>
              <th scope="col">{t("live.balance.needsAddressed")}</th>
              <th scope="col">{t("live.balance.actionsOwned")}</th>
              <th scope="col">{t("live.balance.cardCompleted")}</th>
            </tr>
          </thead>
          <tbody>
            {balanceOf(board, tables).map((row) => (
              <tr key={row.organisationId}>
                <th scope="row">{orgName(row.organisationId)}</th>
                <td>{row.needsRaised}</td>
                <td>{row.needsOpen}</td>
                <td>{row.needsAddressed}</td>
                <td>{row.actionsOwned}</td>
                <td>{row.cardCompleted ? t("live.balance.yes") : t("live.balance.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}

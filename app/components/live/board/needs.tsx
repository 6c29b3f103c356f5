import type { FormEvent } from "react";

import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { useLocale } from "~/i18n/use-locale";
import type { NeedView } from "~/realtime/events";
import { balanceOf } from "~/realtime/live-board-state";

import { FormStatus, useFieldError, useLive } from "../live-context";
import { formValues, useLiveForm } from "../use-live-form";

import { AddForm } from "./add-form";
import type { ItemProps } from "./item-props";

function AddressNeedForm({ need, tables }: { need: NeedView; tables: string[] }) {
  const { t } = useLocale();
  const { board, send, orgName } = useLive();
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
  const defaultOrg = tables.includes(board.viewer.organisationId) ? board.viewer.organisationId : (tables[0] ?? "");
  return (
    <form className="live-form live-form--inline" onSubmit={onSubmit} noValidate>
      <SelectField
        id={`need-${need.id}-by`}
        name="addressedByOrganisationId"
        label={t("live.need.addressedBy")}
        defaultValue={defaultOrg}
        error={fieldError("addressedByOrganisationId")}
        options={tables.map((id) => ({ value: id, label: orgName(id) }))}
      />
      <TextField id={`need-${need.id}-note`} name="note" label={t("live.need.note")} error={fieldError("note")} />
      <button type="submit" className="button button--secondary">
        {t("live.need.markAddressed")}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function Needs({ itemId, board, tables, can, open }: ItemProps) {
  const { t } = useLocale();
  const { orgName, editable, flash } = useLive();
  const mayRaise = can.raiseNeed;
  const openCount = board.needs.filter((n) => n.status === "OPEN").length;
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
              <strong>{orgName(need.organisationId)}:</strong> {need.text}{" "}
              <span className={need.status === "OPEN" ? "badge badge--outdated" : "badge"}>
                {need.status === "OPEN"
                  ? t("live.need.open")
                  : t("live.need.addressed", { organisation: orgName(need.addressedByOrganisationId) })}
              </span>
            </p>
            {need.addressedNote ? <p className="hint">{need.addressedNote}</p> : null}
            {need.status === "OPEN" && editable && open ? <AddressNeedForm need={need} tables={tables} /> : null}
          </li>
        ))}
      </ul>
      {mayRaise ? (
        <AddForm
          open={editable && open}
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
      <table className="balance" data-testid="balance">
        <caption>{t("live.balance.caption")}</caption>
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
    </section>
  );
}

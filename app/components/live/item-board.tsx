import { useState } from "react";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { SelectField, TextAreaField, TextField } from "~/components/forms";
import type { ItemCapabilities } from "~/domain/access/access.server";
import {
  ACTION_STATUSES,
  CLOSE_REASONS,
  INVOLVEMENTS,
  isActionStatus,
  isCloseReason,
  isInvolvement,
  isLiveActionStatus,
  LIVE_ACTION_STATUSES,
} from "~/domain/live/live-enums";
import { isLocale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import type {
  ActionView,
  LiveCommandPayload,
  EarlierActionView,
  Involvement,
  ItemBoard as Board,
  NeedView,
} from "~/realtime/events";
import { balanceOf } from "~/realtime/live-board-state";

import { FormStatus, useFieldError, useLive } from "./live-context";
import { RoleCard } from "./role-card";
import type { Unkeyed } from "./use-live-form";
import { formValues, useLiveForm } from "./use-live-form";

type ItemProps = { itemId: string; board: Board; tables: string[]; can: ItemCapabilities; open: boolean };

function ResponsibilityRow({
  itemId,
  can,
  organisationId,
  involvement,
  version,
}: {
  itemId: string;
  can: ItemCapabilities;
  organisationId: string;
  involvement: Involvement | null;
  version: number;
}) {
  const { t } = useTranslation();
  const { send, orgName, flash } = useLive();
  const { state, submit } = useLiveForm(send);
  const options = INVOLVEMENTS.filter((i) => can.setLead || i !== "LEADS");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = formValues(event.currentTarget).involvement ?? "";
    void submit("live:responsibility:set", {
      itemId,
      organisationId,
      involvement: isInvolvement(value) ? value : null,
      version,
    });
  };
  const label = involvement ? t(`live.involvement.${involvement}`) : t("live.involvement.none");
  // Whoever may not name the lead may not unseat it either: the current lead's row stays as it is.
  const mayEdit = can.setInvolvementOf.includes(organisationId) && (can.setLead || involvement !== "LEADS");
  return (
    <li className={`responsibility${flash("responsibilities")}`}>
      <span className="responsibility__org">{orgName(organisationId)}</span>
      {mayEdit ? (
        <form className="live-form live-form--inline" onSubmit={onSubmit}>
          <SelectField
            key={`${version}`}
            id={`resp-${itemId}-${organisationId}`}
            name="involvement"
            label={t("live.involvement.label", { organisation: orgName(organisationId) })}
            defaultValue={involvement ?? ""}
            options={[
              { value: "", label: t("live.involvement.none") },
              ...options.map((i) => ({ value: i, label: t(`live.involvement.${i}`) })),
            ]}
          />
          <button type="submit" className="button button--secondary">
            {t("live.involvement.save")}
          </button>
          <FormStatus state={state} />
        </form>
      ) : (
        <span className="badge">{label}</span>
      )}
    </li>
  );
}

function Responsibilities({ itemId, board, can, open }: ItemProps) {
  const { t } = useTranslation();
  const { orgName, editable } = useLive();
  const lead = board.responsibilities.find((r) => r.involvement === "LEADS");
  return (
    <section aria-labelledby={`resp-title-${itemId}`} className="live-section">
      <h3 id={`resp-title-${itemId}`}>{t("live.sections.responsibilities")}</h3>
      <p>
        <strong>{t("live.involvement.lead")}:</strong>{" "}
        {lead ? orgName(lead.organisationId) : t("live.involvement.noLead")}
      </p>
      {editable && open ? (
        <>
          {!can.setLead ? <p className="hint">{t("live.involvement.memberHint")}</p> : null}
          <ul className="responsibilities">
            {board.responsibilities.map((r) => (
              <ResponsibilityRow key={r.organisationId} itemId={itemId} can={can} {...r} />
            ))}
          </ul>
        </>
      ) : (
        <ul className="responsibilities">
          {board.responsibilities.map((r) => (
            <li key={r.organisationId}>
              {orgName(r.organisationId)}:{" "}
              {r.involvement ? t(`live.involvement.${r.involvement}`) : t("live.involvement.none")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddressNeedForm({ need, tables }: { need: NeedView; tables: string[] }) {
  const { t } = useTranslation();
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

/**
 * A form that adds something to the board. When the item closes (or the meeting ends) while
 * someone is typing, the form stays, disabled, with their text and a notice: nothing typed
 * disappears without telling.
 */
function AddForm<E extends "live:need:add" | "live:decision:add" | "live:action:add">({
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
  const { t } = useTranslation();
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

function Needs({ itemId, board, tables, can, open }: ItemProps) {
  const { t } = useTranslation();
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

function Balance({ itemId, board, tables }: ItemProps) {
  const { t } = useTranslation();
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

function DissentFields({
  itemId,
  tables,
  fieldError,
}: {
  itemId: string;
  tables: string[];
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { orgName } = useLive();
  const [checked, setChecked] = useState<string[]>([]);
  return (
    <fieldset className="field">
      <legend className="field__label">{t("live.decision.dissent")}</legend>
      <p className="field__hint">{t("live.decision.dissentHint")}</p>
      {tables.map((organisationId) => {
        const on = checked.includes(organisationId);
        const id = `dissent-${itemId}-${organisationId}`;
        return (
          <div key={organisationId} className="dissent">
            <label className="checkbox" htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                name="dissent"
                value={organisationId}
                checked={on}
                onChange={(e) =>
                  setChecked((current) =>
                    e.target.checked ? [...current, organisationId] : current.filter((c) => c !== organisationId),
                  )
                }
              />{" "}
              {t("live.decision.dissentOf", { organisation: orgName(organisationId) })}
            </label>
            {on ? (
              <TextField
                id={`${id}-reason`}
                name={`reason-${organisationId}`}
                label={t("live.decision.reason", { organisation: orgName(organisationId) })}
                error={fieldError(
                  `dissents.${tables.filter((o) => checked.includes(o)).indexOf(organisationId)}.reason`,
                )}
              />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

function Decisions({ itemId, board, tables, can, open }: ItemProps) {
  const { t } = useTranslation();
  const { orgName, editable, flash } = useLive();
  return (
    <section aria-labelledby={`decisions-title-${itemId}`} className="live-section">
      <h3 id={`decisions-title-${itemId}`}>{t("live.sections.decisions")}</h3>
      {board.decisions.length === 0 ? <p className="hint">{t("live.decision.none")}</p> : null}
      <ul className="live-list">
        {board.decisions.map((decision) => (
          <li key={decision.id} className={`live-list__item${flash(decision.id)}`} data-testid="decision">
            <p>{decision.text}</p>
            {decision.dissents.length === 0 ? (
              <p className="hint">{t("live.decision.noDissent")}</p>
            ) : (
              <ul>
                {decision.dissents.map((d) => (
                  <li key={d.organisationId}>
                    {t("live.decision.dissentBy", { organisation: orgName(d.organisationId), reason: d.reason })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {can.addDecision ? (
        <AddForm
          open={editable && open}
          event="live:decision:add"
          title={t("live.decision.add")}
          submitLabel={t("live.decision.add")}
          build={(values, form) => {
            const data = new FormData(form);
            const dissenting = data.getAll("dissent").map(String);
            return {
              itemId,
              text: values.text ?? "",
              dissents: dissenting.map((organisationId) => ({
                organisationId,
                reason: String(data.get(`reason-${organisationId}`) ?? ""),
              })),
            };
          }}
        >
          {(fieldError) => (
            <>
              <TextAreaField
                id={`decision-new-${itemId}`}
                name="text"
                label={t("live.decision.text")}
                error={fieldError("text")}
                rows={2}
              />
              <DissentFields itemId={itemId} tables={tables} fieldError={fieldError} />
            </>
          )}
        </AddForm>
      ) : null}
    </section>
  );
}

function ActionStatusForm({ action }: { action: ActionView }) {
  const { t } = useTranslation();
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

function NewActionFields({
  itemId,
  tables,
  fieldError,
}: {
  itemId: string;
  tables: string[];
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
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

function Actions({ itemId, board, tables, can, open }: ItemProps) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "nl";
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
              {editable && open && mayMove && action.status !== "DONE" ? <ActionStatusForm action={action} /> : null}
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

function EarlierActionForm({ itemId, action }: { itemId: string; action: EarlierActionView }) {
  const { t } = useTranslation();
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
function EarlierActions({ itemId, board, can, open }: ItemProps) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : "nl";
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
            {action.updates.length ? (
              <ul className="action-history">
                {action.updates.map((u) => (
                  <li key={u.id}>
                    {u.byName}: {t(`live.action.statuses.${u.status}`)}
                    {u.closeReason ? ` (${t(`actions.reasons.${u.closeReason}`)})` : ""}
                    {u.note ? ` — ${u.note}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
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

/** One agenda item's board, for the chair and the organisations at its table. */
export function ItemBoard(props: ItemProps) {
  const { t } = useTranslation();
  return (
    <>
      <EarlierActions {...props} />
      <section aria-labelledby={`cards-title-${props.itemId}`} className="live-section">
        <h3 id={`cards-title-${props.itemId}`}>{t("live.sections.roleCards")}</h3>
        <div className="role-cards">
          {props.board.roleCards.map((card) => (
            <RoleCard
              key={card.id}
              card={card}
              mayEdit={props.can.editRoleCardOf.includes(card.organisationId)}
              open={props.open}
            />
          ))}
        </div>
      </section>
      <Responsibilities {...props} />
      <Needs {...props} />
      <Balance {...props} />
      <Decisions {...props} />
      <Actions {...props} />
    </>
  );
}

import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { DragEvent } from "react";

import type { AgendaActionData } from "~/domain/meetings/meeting-forms.server";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import type { loader } from "~/routes/overleggen.$id._index";

import { errorsOf, OrganisationChecks } from "./agenda-form-parts";
import { SelectField, TextAreaField, TextField } from "./forms";
export { Proposals } from "./meeting-proposals";

type Data = Awaited<ReturnType<typeof loader>>;
type Meeting = Data["meeting"];

export function MeetingHeader({ meeting }: { meeting: Meeting }) {
  const { t, locale } = useLocale();
  const over = meeting.plannedMinutes - meeting.durationMinutes;
  return (
    <>
      <h1 id="meeting-title">
        {meeting.title} <span className="badge">{t(`meetings.status.${meeting.status}`)}</span>
      </h1>
      <dl className="facts">
        <dt>{t("meetings.when")}</dt>
        <dd>
          {formatDateTime(meeting.startsAt, locale)} ({t("meetings.minutes", { count: meeting.durationMinutes })})
        </dd>
        <dt>{t("meetings.where")}</dt>
        <dd>{meeting.location}</dd>
        <dt>{t("meetings.chair")}</dt>
        <dd>
          {meeting.chair.name} ({meeting.chair.organisation.shortCode})
        </dd>
        <dt>{t("meetings.invitees")}</dt>
        <dd>{meeting.invitations.map((i) => i.organisation.shortCode).join(", ")}</dd>
      </dl>
      {meeting.changedAfterPublishAt ? (
        <p className="badge badge--outdated">{t("meetings.changedAfterPublish")}</p>
      ) : null}
      <div className="actions">
        {meeting.isChair && (meeting.status === "DRAFT" || meeting.status === "PUBLISHED") ? (
          <Link to={`/overleggen/${meeting.id}/bewerken`} className="button">
            {t("meetings.edit")}
          </Link>
        ) : null}
        {meeting.status === "LIVE" ? (
          <Link to={`/overleggen/${meeting.id}/live`} className="button">
            {t("live.join")}
          </Link>
        ) : null}
        {meeting.status === "FINISHED" ? (
          <>
            <Link to={`/overleggen/${meeting.id}/verslag`} className="button">
              {t("minutes.link")}
            </Link>
            <Link to={`/overleggen/${meeting.id}/live`}>{t("live.viewFinished")}</Link>
          </>
        ) : null}
        <a href={`/overleggen/${meeting.id}.ics`}>{t("meetings.calendar")}</a>
      </div>
      <p className={over > 0 ? "notice notice--warning" : "hint"} data-testid="planned-time">
        {t("meetings.planned", { planned: meeting.plannedMinutes, duration: meeting.durationMinutes })}
        {over > 0 ? <> {t("meetings.overfull", { over })}</> : null}
      </p>
    </>
  );
}

/**
 * Drag and drop for the chair (the up/down buttons are the keyboard way to do the same). A drop
 * sends the whole new order; the server refuses it if the agenda changed meanwhile.
 */
function useDragToReorder(ids: string[]) {
  const submit = useSubmit();
  const [dragged, setDragged] = useState<string | null>(null);
  const itemProps = (id: string) => ({
    draggable: true,
    onDragStart: (event: DragEvent<HTMLLIElement>) => {
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", id);
      setDragged(id);
    },
    onDragOver: (event: DragEvent<HTMLLIElement>) => {
      if (dragged && dragged !== id) event.preventDefault();
    },
    onDragEnd: () => setDragged(null),
    onDrop: (event: DragEvent<HTMLLIElement>) => {
      event.preventDefault();
      const from = ids.indexOf(dragged ?? event.dataTransfer.getData("text/plain"));
      const to = ids.indexOf(id);
      setDragged(null);
      if (from < 0 || to < 0 || from === to) return;
      const order = [...ids];
      const [moved] = order.splice(from, 1);
      order.splice(to, 0, moved as string);
      const form = new FormData();
      form.set("intent", "reorder");
      for (const itemId of order) form.append("order", itemId);
      submit(form, { method: "post" });
    },
  });
  return { dragged, itemProps };
}

/** What an agenda item asks, for the chair and the organisations at its table; for others, that it exists. */
function ItemContent({ item }: { item: Meeting["items"][number] }) {
  const { t } = useLocale();
  return item.content ? (
    <dl className="facts facts--compact">
      <div className="facts__row">
        <dt>{t("meetings.fields.question")}</dt>
        <dd>{item.content.question}</dd>
      </div>
      <div className="facts__row">
        <dt>{t("meetings.askedBy")}</dt>
        <dd>{item.content.askingOrganisation}</dd>
      </div>
      <div className="facts__row">
        <dt>{t("meetings.atTable")}</dt>
        <dd>{item.content.tables.join(", ")}</dd>
      </div>
      <div className="facts__row">
        <dt>{t("meetings.risk")}</dt>
        <dd>{t(`cases.risk.${item.content.riskLevel}`)}</dd>
      </div>
    </dl>
  ) : (
    <p className="hint">{t("meetings.notAtTable")}</p>
  );
}

/**
 * After a move by keyboard the page is new, and the focus would be lost: it goes back to the moved
 * item's button (or its other one, at the top or bottom of the agenda).
 */
function useFocusAfterMove(moved: AgendaActionData["moved"]) {
  useEffect(() => {
    if (!moved) return;
    const other = moved.direction === "up" ? "down" : "up";
    const button = (direction: string) =>
      document.getElementById(`move-${direction}-${moved.itemId}`) as HTMLButtonElement | null;
    const target = button(moved.direction);
    (target && !target.disabled ? target : button(other))?.focus();
  }, [moved]);
}

export function AgendaList({ meeting, result }: { meeting: Meeting; result?: AgendaActionData }) {
  const { t } = useLocale();
  const busy = useNavigation().state === "submitting";
  const drag = useDragToReorder(meeting.items.map((i) => i.id));
  useFocusAfterMove(result?.moved);
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t("meetings.agenda")}</h2>
      {meeting.items.length === 0 ? <p>{t("meetings.emptyAgenda")}</p> : null}
      {meeting.isChair && meeting.items.length > 1 ? <p className="hint">{t("meetings.dragHint")}</p> : null}
      <ol className="agenda">
        {meeting.items.map((item, index) => {
          const n = index + 1;
          return (
            <li
              key={item.id}
              className={drag.dragged === item.id ? "agenda__item agenda__item--dragging" : "agenda__item"}
              data-testid={`agenda-item-${n}`}
              {...(meeting.isChair ? drag.itemProps(item.id) : {})}
            >
              <h3 className="agenda__title">
                {t("meetings.itemHeading", { n, reference: item.reference })}{" "}
                <span className="agenda__time">{t("meetings.minutes", { count: item.timeboxMinutes })}</span>
                {item.changedAfterPublish ? (
                  <span className="badge badge--outdated">{t("meetings.changedAfterPublish")}</span>
                ) : null}
              </h3>
              <ItemContent item={item} />
              {meeting.isChair && !item.closed && meeting.status !== "FINISHED" ? (
                <p>
                  {/* Not dragged itself: a drag that starts here moves the item. */}
                  <Link to={`/overleggen/${meeting.id}/punten/${item.id}`} draggable={false}>
                    {t("meetings.editItem", { n, reference: item.reference })}
                  </Link>
                </p>
              ) : null}
              {meeting.isChair ? (
                <Form method="post" className="agenda__move">
                  <input type="hidden" name="itemId" value={item.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="move-up"
                    id={`move-up-${item.id}`}
                    className="button button--plain"
                    disabled={busy || n === 1}
                  >
                    {t("meetings.moveUp", { n })}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="move-down"
                    id={`move-down-${item.id}`}
                    className="button button--plain"
                    disabled={busy || n === meeting.items.length}
                  >
                    {t("meetings.moveDown", { n })}
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ol>
      <RemovedItems items={meeting.removedItems} />
    </section>
  );
}

/** Items taken off the published agenda: that they went, and (for their table) why. */
function RemovedItems({ items }: { items: Meeting["removedItems"] }) {
  const { t } = useLocale();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="removed-items-title" data-testid="removed-items">
      <h3 id="removed-items-title">{t("meetings.removedItems")}</h3>
      <ul className="agenda">
        {items.map((item) => (
          <li key={item.id} className="agenda__item agenda__item--removed">
            <p className="agenda__title">
              {item.reference} <span className="badge badge--outdated">{t("meetings.removed")}</span>
            </p>
            {item.reason ? (
              <p>
                {t("meetings.removedReason")}: {item.reason}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type StepProps = { hint: string; formError: AgendaActionData["formError"]; intent: string; label: string };

/** One step of the meeting's life (publish, start): a hint, what went wrong, and the button. */
function StepForm({ hint, formError, intent, label }: StepProps) {
  const { t } = useLocale();
  return (
    <Form method="post" className="form-section">
      <p className="hint">{hint}</p>
      {formError ? <p className="notice notice--error">{t(formError)}</p> : null}
      <button type="submit" name="intent" value={intent} className="button">
        {label}
      </button>
    </Form>
  );
}

function AddItemForm({
  meeting,
  cases,
  result,
}: {
  meeting: Meeting;
  cases: Data["chairCases"];
  result: AgendaActionData | undefined;
}) {
  const { t } = useLocale();
  const add = errorsOf(result, "add-item", t);
  const organisations = meeting.invitations.map((i) => i.organisation);
  const v = (k: string) => (typeof add.values[k] === "string" ? (add.values[k] as string) : "");
  return (
    <Form method="post" noValidate className="form" key={JSON.stringify(result ?? {})}>
      {add.formError ? (
        <p className="notice notice--error" role="alert">
          {t(add.formError)}
        </p>
      ) : null}
      <SelectField
        name="caseReference"
        label={t("meetings.fields.caseReference")}
        defaultValue={v("caseReference")}
        error={add.errors.caseReference}
        options={cases.map((c) => ({
          value: c.reference,
          label: `${c.reference} (${t(`cases.risk.${c.riskLevel}`)})`,
        }))}
      />
      <TextAreaField
        name="question"
        label={t("meetings.fields.question")}
        hint={t("meetings.fields.questionHint")}
        defaultValue={v("question")}
        error={add.errors.question}
        rows={2}
        maxLength={500}
      />
      <SelectField
        name="askingOrganisationId"
        label={t("meetings.fields.askingOrganisation")}
        defaultValue={v("askingOrganisationId")}
        error={add.errors.askingOrganisationId}
        options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.shortCode})` }))}
      />
      <TextField
        name="timeboxMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={120}
        label={t("meetings.fields.timeboxMinutes")}
        defaultValue={v("timeboxMinutes") || "15"}
        error={add.errors.timeboxMinutes}
      />
      <OrganisationChecks
        name="tables"
        legend={t("meetings.fields.tables")}
        hint={t("meetings.fields.tablesHint")}
        organisations={organisations}
        checked={new Set(Array.isArray(add.values.tables) ? add.values.tables : [])}
        error={add.errors.tableOrganisationIds}
      />
      <button type="submit" name="intent" value="add-item" className="button">
        {t("meetings.addItem")}
      </button>
    </Form>
  );
}

export function ChairTools({
  meeting,
  cases,
  result,
}: {
  meeting: Meeting;
  cases: Data["chairCases"];
  result: AgendaActionData | undefined;
}) {
  const { t } = useLocale();
  const publish = errorsOf(result, "publish", t);
  const start = errorsOf(result, "start", t);
  return (
    <>
      {meeting.status === "DRAFT" ? (
        <StepForm
          hint={t("meetings.publishHint")}
          formError={publish.formError}
          intent="publish"
          label={t("meetings.publish")}
        />
      ) : null}
      {meeting.status === "PUBLISHED" ? (
        <StepForm hint={t("live.startHint")} formError={start.formError} intent="start" label={t("live.start")} />
      ) : null}
      {meeting.status === "LIVE" || meeting.status === "FINISHED" ? null : (
        <section aria-labelledby="add-item-title" className="form-section">
          <h2 id="add-item-title">{t("meetings.addItem")}</h2>
          {cases.length === 0 ? (
            <p>{t("meetings.noCases")}</p>
          ) : (
            <AddItemForm meeting={meeting} cases={cases} result={result} />
          )}
        </section>
      )}
    </>
  );
}

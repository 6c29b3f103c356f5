import { Form, Link, useFetcher } from "@remix-run/react";

import type { ActionFormData } from "~/domain/actions/action-forms.server";
import { formatDate } from "~/i18n/format";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";
import type { loader } from "~/routes/acties._index";

import { AnswerOfferForm, CorrectActionForm } from "./action-correction-forms";
import { ActionHistory } from "./action-history";
import { SelectField, TextAreaField } from "./forms";

type Data = Awaited<ReturnType<typeof loader>>;
type Members = Data["members"];
/** An action as /acties and the agenda's "Openstaande acties" show it. */
export type ActionItem = Omit<Data["actions"][number], "updates"> & {
  updates: Data["actions"][number]["updates"];
  ownerOrganisation?: string;
  mayUpdate?: boolean;
};

const STATUSES = ["OPEN", "IN_PROGRESS", "DONE"] as const;
const REASONS = ["EXECUTED", "NO_LONGER_POSSIBLE", "NOT_DONE"] as const;

type UpdateResult = ActionFormData | undefined;

/** The refusal of an update, with the action as it is now (a colleague changed it meanwhile). */
function UpdateError({ mine }: { mine: UpdateResult }) {
  const { t } = useLocale();
  if (!mine?.formError) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{t(mine.formError)}</p>
      {mine.current ? (
        <p>
          {t("actions.currentIs", {
            status: t(asKey(`live.action.statuses.${mine.current.status}`)),
            owner: mine.current.ownerName ?? t("actions.noOwner"),
          })}
        </p>
      ) : null}
    </div>
  );
}

function UpdateFields({ action, members, mine }: { action: ActionItem; members: Members; mine: UpdateResult }) {
  const { t } = useLocale();
  const values = mine?.values ?? {};
  const error = (field: string) => {
    const e = mine?.errors?.[field];
    return e ? t(e.key, e.values) : undefined;
  };
  const id = (field: string) => `action-${action.id}-${field}`;
  return (
    <>
      <SelectField
        id={id("status")}
        name="status"
        label={t("actions.status")}
        defaultValue={values.status ?? action.status}
        error={error("status")}
        options={STATUSES.map((s) => ({ value: s, label: t(`live.action.statuses.${s}`) }))}
      />
      <SelectField
        id={id("closeReason")}
        name="closeReason"
        label={t("actions.closeReason")}
        hint={t("actions.closeReasonHint")}
        defaultValue={values.closeReason ?? ""}
        error={error("closeReason")}
        options={[
          { value: "", label: t("actions.noReason") },
          ...REASONS.map((r) => ({ value: r, label: t(`actions.reasons.${r}`) })),
        ]}
      />
      <SelectField
        id={id("ownerUserId")}
        name="ownerUserId"
        label={t("actions.ownerUser")}
        defaultValue={values.ownerUserId ?? action.ownerUserId ?? ""}
        error={error("ownerUserId")}
        options={[{ value: "", label: t("actions.nobody") }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <TextAreaField
        id={id("note")}
        name="note"
        label={t("actions.note")}
        hint={t("actions.noteHint")}
        defaultValue={values.note ?? ""}
        error={error("note")}
        rows={2}
      />
    </>
  );
}

function UpdateForm({
  action,
  members,
  result,
  FormComponent,
}: {
  action: ActionItem;
  members: Members;
  result: UpdateResult;
  FormComponent: typeof Form;
}) {
  const { t } = useLocale();
  const mine = result?.actionId === action.id && result.intent === "update" ? result : undefined;
  return (
    <details className="action-update" open={Boolean(mine && !mine.done)}>
      <summary>{t("actions.update")}</summary>
      <FormComponent
        method="post"
        action="/acties"
        className="form"
        noValidate
        aria-label={t("actions.updateTitle", { description: action.description })}
        key={mine?.done ? action.version : "form"}
      >
        <UpdateError mine={mine} />
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="actionId" value={action.id} />
        <input type="hidden" name="version" value={mine?.current?.version ?? action.version} />
        <UpdateFields action={action} members={members} mine={mine} />
        <button type="submit" className="button">
          {t("actions.save")}
        </button>
      </FormComponent>
    </details>
  );
}

function ActionCard({
  action,
  members,
  result,
  inPlace,
  level,
  offered,
}: {
  action: ActionItem;
  members: Members;
  result?: ActionFormData;
  /** Offered to the viewer's organisation: it answers, it does not update. */
  offered?: boolean;
  /** Update without leaving the page (the agenda): the answer is shown on the card. */
  inPlace?: boolean;
  level: 2 | 3 | 4;
}) {
  const Title = `h${level}` as "h2";
  const Sub = `h${level + 1}` as "h3";
  const { t, locale } = useLocale();
  const fetcher = useFetcher<ActionFormData>({ key: `action-${action.id}` });
  const answer = inPlace ? fetcher.data : result;
  const FormComponent = inPlace ? (fetcher.Form as typeof Form) : Form;
  const mineFor = (intent: ActionFormData["intent"]) =>
    answer?.actionId === action.id && answer.intent === intent ? answer : undefined;
  return (
    <article aria-labelledby={`action-${action.id}-title`}>
      <Title id={`action-${action.id}-title`} className="action-item__title">
        {action.description}
      </Title>
      <p>
        <Link to={`/casussen/${action.caseReference}`}>{action.caseReference}</Link> ·{" "}
        {t("actions.fromMeeting", { meeting: action.meeting.title })} ·{" "}
        {t("actions.due", { date: formatDate(`${action.dueDate}T12:00:00Z`, locale) })}{" "}
        {action.overdue ? <span className="badge badge--outdated">{t("actions.overdue")}</span> : null}
      </p>
      <p>
        {t("actions.owner")}: {action.ownerOrganisation ? `${action.ownerOrganisation}, ` : ""}
        {action.ownerName ?? t("actions.noOwner")} ·{" "}
        <span className="badge">{t(`live.action.statuses.${action.status}`)}</span>
        {action.closeReason ? <> · {t(`actions.reasons.${action.closeReason}`)}</> : null}
      </p>
      {action.transferToShortCode && !offered ? (
        <p className="hint">{t("live.action.offeredTo", { organisation: action.transferToShortCode })}</p>
      ) : null}
      {offered ? <p>{t("actions.offeredFrom", { organisation: action.ownerShortCode })}</p> : null}
      <Sub className="action-item__history">{t("actions.history")}</Sub>
      <ActionHistory lines={action.updates} />
      {inPlace ? (
        <p role="status" aria-live="polite" className={answer?.done ? "notice notice--success" : "visually-hidden"}>
          {answer?.done ? t(answer.done) : ""}
        </p>
      ) : null}
      {offered ? <AnswerOfferForm action={action} mine={mineFor("transfer")} /> : null}
      {action.status === "DONE" || action.mayUpdate === false ? null : (
        <>
          <UpdateForm action={action} members={members} result={answer} FormComponent={FormComponent} />
          <CorrectActionForm action={action} mine={mineFor("correct")} FormComponent={FormComponent} />
        </>
      )}
    </article>
  );
}

export function ActionList({
  actions,
  members,
  result,
  inPlace,
  level = 2,
  offered,
}: {
  actions: ActionItem[];
  members: Members;
  result?: ActionFormData;
  inPlace?: boolean;
  level?: 2 | 3 | 4;
  offered?: boolean;
}) {
  const { t } = useLocale();
  if (actions.length === 0) return <p>{t("actions.none")}</p>;
  return (
    <ol className="action-list">
      {actions.map((action) => (
        <li key={action.id} className="action-item" data-testid="action-item">
          <ActionCard
            action={action}
            members={members}
            result={result}
            inPlace={inPlace}
            level={level}
            offered={offered}
          />
        </li>
      ))}
    </ol>
  );
}

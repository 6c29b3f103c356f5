import { Form } from "@remix-run/react";

import { amendmentChangeLines } from "~/domain/actions/change-lines";
import type { AmendmentChanges } from "~/domain/minutes/minutes-amendments.server";
import type { MinutesFormData } from "~/domain/minutes/minutes-forms.server";
import { useLocale } from "~/i18n/use-locale";

import { SelectField, TextAreaField, TextField } from "./forms";

/** The current actions and decisions of the items, for the chair of approved minutes. */
export type Amendable = {
  actions: {
    id: string;
    agendaItemId: string;
    description: string;
    dueDate: string;
    ownerOrganisationId: string;
    transferToOrganisationId: string | null;
    status: string;
    version: number;
  }[];
  decisions: { id: string; agendaItemId: string; text: string; version: number }[];
};

type OrgName = (id: string | null) => string;

function useFieldErrors(mine: MinutesFormData | undefined) {
  const { t } = useLocale();
  return (field: string) => {
    const e = mine?.errors?.[field];
    return e ? t(e.key, e.values) : undefined;
  };
}

function Refusal({ mine }: { mine: MinutesFormData | undefined }) {
  const { t } = useLocale();
  if (!mine?.formError && !mine?.errors) return null;
  return (
    <p className="notice notice--error" role="alert">
      {t(mine.errors || !mine.formError ? "live.errors.invalid" : mine.formError)}
    </p>
  );
}

function AmendActionForm({
  action,
  tables,
  org,
  mine,
}: {
  action: Amendable["actions"][number];
  tables: string[];
  org: OrgName;
  mine: MinutesFormData | undefined;
}) {
  const { t } = useLocale();
  const error = useFieldErrors(mine);
  const values = mine?.values ?? {};
  const id = (field: string) => `amend-${action.id}-${field}`;
  return (
    <details className="action-update" open={Boolean(mine)}>
      <summary>{t("minutes.correctAction")}</summary>
      <Form
        method="post"
        className="form"
        noValidate
        aria-label={t("minutes.correctActionTitle", { description: action.description })}
      >
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="amendAction" />
        <input type="hidden" name="actionId" value={action.id} />
        <input type="hidden" name="version" value={action.version} />
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
        <SelectField
          id={id("owner")}
          name="ownerOrganisationId"
          label={t("live.action.owner")}
          hint={t("live.action.correctHint")}
          defaultValue={values.ownerOrganisationId ?? action.transferToOrganisationId ?? action.ownerOrganisationId}
          error={error("ownerOrganisationId")}
          options={tables.map((o) => ({ value: o, label: org(o) }))}
        />
        <TextAreaField
          id={id("reason")}
          name="reason"
          label={t("minutes.reason")}
          defaultValue={values.reason ?? ""}
          error={error("reason")}
          rows={2}
        />
        <button type="submit" className="button">
          {t("minutes.saveAmendment")}
        </button>
      </Form>
    </details>
  );
}

function AmendDecisionForm({
  decision,
  mine,
}: {
  decision: Amendable["decisions"][number];
  mine: MinutesFormData | undefined;
}) {
  const { t } = useLocale();
  const error = useFieldErrors(mine);
  const values = mine?.values ?? {};
  const id = (field: string) => `amend-${decision.id}-${field}`;
  return (
    <details className="action-update" open={Boolean(mine)}>
      <summary>{t("minutes.correctDecision")}</summary>
      <Form
        method="post"
        className="form"
        noValidate
        aria-label={t("minutes.correctDecisionTitle", { text: decision.text })}
      >
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="amendDecision" />
        <input type="hidden" name="decisionId" value={decision.id} />
        <input type="hidden" name="version" value={decision.version} />
        <TextAreaField
          id={id("text")}
          name="text"
          label={t("live.decision.text")}
          defaultValue={values.text ?? decision.text}
          error={error("text")}
          rows={2}
        />
        <TextAreaField
          id={id("reason")}
          name="reason"
          label={t("minutes.reason")}
          defaultValue={values.reason ?? ""}
          error={error("reason")}
          rows={2}
        />
        <button type="submit" className="button">
          {t("minutes.saveAmendment")}
        </button>
      </Form>
    </details>
  );
}

/** Under an item of approved minutes, for the chair: each action and decision as it is now, to correct. */
export function ItemCorrections({
  itemId,
  tables,
  amendable,
  org,
  result,
}: {
  itemId: string;
  tables: string[];
  amendable: Amendable;
  org: OrgName;
  result: MinutesFormData | undefined;
}) {
  const { t } = useLocale();
  const actions = amendable.actions.filter((a) => a.agendaItemId === itemId && a.status !== "DONE");
  const decisions = amendable.decisions.filter((d) => d.agendaItemId === itemId);
  if (actions.length + decisions.length === 0) return null;
  const mine = (id: string) => (result?.form === id ? result : undefined);
  return (
    <div className="no-print minutes-corrections" data-testid="minutes-corrections">
      {decisions.map((d) => (
        <div key={d.id}>
          <p className="hint">{t("minutes.nowReads", { text: d.text })}</p>
          <AmendDecisionForm decision={d} mine={mine(d.id)} />
        </div>
      ))}
      {actions.map((a) => (
        <div key={a.id}>
          <p className="hint">{t("minutes.nowReads", { text: a.description })}</p>
          <AmendActionForm action={a} tables={tables} org={org} mine={mine(a.id)} />
        </div>
      ))}
    </div>
  );
}

/** What a structured amendment changed, line by line. */
export function AmendmentChangeLines({ changes, org }: { changes: AmendmentChanges; org: (code: string) => string }) {
  const { t, locale } = useLocale();
  const { title, lines } = amendmentChangeLines(changes, t, locale, org);
  return (
    <>
      {title}
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

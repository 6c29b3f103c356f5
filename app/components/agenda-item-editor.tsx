import { Form, useNavigation } from "@remix-run/react";

import type { AgendaItemFormData } from "~/domain/meetings/agenda-item-form.server";
import { useLocale } from "~/i18n/use-locale";
import type { loader } from "~/routes/overleggen.$id.punten.$itemId";

import { OrganisationChecks } from "./agenda-form-parts";
import { ErrorSummary, TextAreaField, TextField } from "./forms";

type Loaded = Awaited<ReturnType<typeof loader>>;
type Props = Loaded & { result: AgendaItemFormData | undefined };

/** Why a save was refused; after a stale edit, the item as it is now. */
function Refusal({ result, organisations }: { result: AgendaItemFormData; organisations: Loaded["organisations"] }) {
  const { t } = useLocale();
  if (!result.formError) return null;
  const codeOf = (id: string) => organisations.find((o) => o.id === id)?.shortCode ?? "?";
  const current = result.current;
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} data-testid="item-refusal">
      <p>
        {t(result.formError, {
          organisations: (result.contributions ?? []).map(codeOf).join(", "),
        })}
      </p>
      {current ? (
        <dl className="facts facts--compact" data-testid="item-conflict">
          <div className="facts__row">
            <dt>{t("meetings.fields.question")}</dt>
            <dd>{current.question}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("meetings.fields.timeboxMinutes")}</dt>
            <dd>{t("meetings.minutes", { count: current.timeboxMinutes })}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("meetings.atTable")}</dt>
            <dd>{current.tableOrganisationIds.map(codeOf).join(", ")}</dd>
          </div>
        </dl>
      ) : null}
    </div>
  );
}

function ContributionsChoice({ organisations }: { organisations: string }) {
  const { t } = useLocale();
  return (
    <fieldset className="form-item" id="contributions">
      <legend className="form-item__title">{t("meetings.contributions.legend", { organisations })}</legend>
      <label className="checkbox">
        <input type="radio" name="contributions" value="keep" defaultChecked /> {t("meetings.contributions.keep")}
      </label>
      <label className="checkbox">
        <input type="radio" name="contributions" value="remove" /> {t("meetings.contributions.remove")}
      </label>
    </fieldset>
  );
}

function UpdateForm({ item, organisations, result }: Props) {
  const { t } = useLocale();
  const busy = useNavigation().state === "submitting";
  const mine = result?.form === "update" ? result : undefined;
  const values = mine?.values ?? {
    question: item.question,
    timeboxMinutes: String(item.timeboxMinutes),
    tables: item.tableOrganisationIds,
    reason: "",
  };
  const errors = Object.fromEntries(Object.entries(mine?.errors ?? {}).map(([f, e]) => [f, t(e.key, e.values)]));
  const labels = {
    question: t("meetings.fields.question"),
    timeboxMinutes: t("meetings.fields.timeboxMinutes"),
    tables: t("meetings.fields.tables"),
  };
  const codes = (mine?.contributions ?? [])
    .map((id) => organisations.find((o) => o.id === id)?.shortCode ?? "?")
    .join(", ");
  return (
    <Form method="post" noValidate className="form" key={JSON.stringify(mine ?? {})}>
      <ErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([f]) => f in labels))} labels={labels} />
      {mine ? <Refusal result={mine} organisations={organisations} /> : null}
      <input type="hidden" name="version" value={mine?.current?.version ?? item.version} />
      <TextAreaField
        name="question"
        label={labels.question}
        hint={t("meetings.fields.questionHint")}
        defaultValue={values.question}
        error={errors.question}
        rows={3}
        maxLength={500}
      />
      <TextField
        name="timeboxMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={120}
        label={labels.timeboxMinutes}
        defaultValue={values.timeboxMinutes}
        error={errors.timeboxMinutes}
      />
      <OrganisationChecks
        name="tables"
        legend={labels.tables}
        hint={t("meetings.fields.tablesHint")}
        organisations={organisations}
        checked={new Set(values.tables)}
        error={errors.tables}
      />
      {mine?.contributions?.length ? <ContributionsChoice organisations={codes} /> : null}
      <button type="submit" name="intent" value="update" className="button" disabled={busy}>
        {t("meetings.saveItem")}
      </button>
    </Form>
  );
}

function RemoveForm({ meeting, item, result }: Props) {
  const { t } = useLocale();
  const busy = useNavigation().state === "submitting";
  const mine = result?.form === "remove" ? result : undefined;
  const errors = Object.fromEntries(Object.entries(mine?.errors ?? {}).map(([f, e]) => [f, t(e.key, e.values)]));
  const draft = meeting.status === "DRAFT";
  return (
    <section aria-labelledby="remove-item-title" className="form-section">
      <h2 id="remove-item-title">{t("meetings.removeItem")}</h2>
      <p className="hint">{t(draft ? "meetings.removeHintDraft" : "meetings.removeHintPublished")}</p>
      <Form method="post" noValidate className="form" key={JSON.stringify(mine ?? {})}>
        <ErrorSummary errors={errors} labels={{ reason: t("meetings.fields.removalReason") }} />
        {mine ? <Refusal result={mine} organisations={[]} /> : null}
        <input type="hidden" name="version" value={mine?.current?.version ?? item.version} />
        {draft ? null : (
          <TextAreaField
            name="reason"
            label={t("meetings.fields.removalReason")}
            hint={t("meetings.fields.removalReasonHint")}
            defaultValue={mine?.values.reason ?? ""}
            error={errors.reason}
            rows={2}
            maxLength={300}
          />
        )}
        <button type="submit" name="intent" value="remove" className="button button--danger" disabled={busy}>
          {t("meetings.removeItem")}
        </button>
      </Form>
    </section>
  );
}

/** Correcting an agenda item: its question, time and table; or taking it off the agenda. */
export function AgendaItemEditor(props: Props) {
  const { t } = useLocale();
  if (props.item.closed || props.meeting.status === "FINISHED") {
    return <p className="notice notice--warning">{t("meetings.itemNotCorrectable")}</p>;
  }
  return (
    <>
      <UpdateForm {...props} />
      <RemoveForm {...props} />
    </>
  );
}

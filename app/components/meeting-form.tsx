import { Form, useNavigation } from "@remix-run/react";

import type { MeetingFormData } from "~/domain/meetings/meeting-forms.server";
import { formatDateTime } from "~/i18n/format";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

import { ErrorSummary, TextField } from "./forms";

type Props = {
  organisations: { id: string; name: string; shortCode: string }[];
  initial: Record<string, string | string[]>;
  result: MeetingFormData | undefined;
  version?: number;
  submitLabel: string;
};

/** Why the save was refused; after a stale edit, the meeting as it is now. */
function FormErrorNotice({ result, label }: { result: MeetingFormData | undefined; label: (field: string) => string }) {
  const { t, locale } = useLocale();
  if (!result?.formError) return null;
  const conflict = result.conflict;
  return (
    <div className="notice notice--error" role="alert">
      <p>{t(result.formError)}</p>
      {conflict ? (
        <dl className="facts facts--compact" data-testid="meeting-conflict">
          <div className="facts__row">
            <dt>{label("title")}</dt>
            <dd>{conflict.title}</dd>
          </div>
          <div className="facts__row">
            <dt>{t("meetings.when")}</dt>
            <dd>
              {formatDateTime(conflict.startsAt, locale)} ({t("meetings.minutes", { count: conflict.durationMinutes })})
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t("meetings.where")}</dt>
            <dd>{conflict.location}</dd>
          </div>
        </dl>
      ) : null}
    </div>
  );
}

function InvitedFieldset({
  organisations,
  invited,
  legend,
  error,
}: {
  organisations: Props["organisations"];
  invited: Set<string>;
  legend: string;
  error: string | undefined;
}) {
  const { t } = useLocale();
  return (
    <fieldset className="form-item" id="invited" aria-describedby="invited-hint">
      <legend className="form-item__title">{legend}</legend>
      <p id="invited-hint" className="field__hint">
        {t("meetings.fields.invitedHint")}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
      {organisations.map((o) => (
        <label key={o.id} className="checkbox">
          <input type="checkbox" name="invited" value={o.id} defaultChecked={invited.has(o.id)} /> {o.name} (
          {o.shortCode})
        </label>
      ))}
    </fieldset>
  );
}

/** Title, time and place, and the invitations: for a new meeting and for changing one. */
export function MeetingForm({ organisations, initial, result, version, submitLabel }: Props) {
  const { t } = useLocale();
  const busy = useNavigation().state === "submitting";
  const values = result?.values ?? initial;
  const value = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const invited = new Set(Array.isArray(values.invited) ? values.invited : []);
  const errors = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([f, e]) => [f, t(e.key, e.values)]));
  const fields = ["title", "region", "date", "time", "durationMinutes", "location"] as const;
  const labels = Object.fromEntries([...fields, "invited"].map((f) => [f, t(asKey(`meetings.fields.${f}`))])) as Record<
    string,
    string
  >;
  const label = (field: string) => labels[field] ?? field;

  return (
    <>
      <ErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([f]) => f in labels))} labels={labels} />
      <FormErrorNotice result={result} label={label} />
      <Form method="post" noValidate className="form" key={JSON.stringify(result ?? {})}>
        {version !== undefined ? <input type="hidden" name="version" value={result?.version ?? version} /> : null}
        <TextField
          name="title"
          label={label("title")}
          defaultValue={value("title")}
          error={errors.title}
          maxLength={120}
        />
        <TextField
          name="region"
          label={label("region")}
          defaultValue={value("region")}
          error={errors.region}
          maxLength={100}
        />
        <TextField name="date" type="date" label={label("date")} defaultValue={value("date")} error={errors.date} />
        <TextField
          name="time"
          type="time"
          label={label("time")}
          defaultValue={value("time")}
          error={errors.date ? undefined : errors.time}
        />
        <TextField
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={15}
          max={480}
          label={label("durationMinutes")}
          defaultValue={value("durationMinutes")}
          error={errors.durationMinutes}
        />
        <TextField
          name="location"
          label={label("location")}
          defaultValue={value("location")}
          error={errors.location}
          maxLength={300}
        />
        <InvitedFieldset
          organisations={organisations}
          invited={invited}
          legend={label("invited")}
          error={errors.invited}
        />
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}

import { Form, useNavigation } from "@remix-run/react";

import type { ReferralFormData } from "~/domain/referrals/referral-forms.server";
import { TRIAGE_OUTCOMES } from "~/domain/referrals/referral.schema";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

import { ChoiceList } from "./choice-lists";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { FormRefusal, useFormResult } from "./referral-form";

type Props = {
  kind: "REFERRAL" | "PROPOSAL";
  meetings: { id: string; title: string; startsAt: string; status: string }[];
  organisations: { id: string; shortCode: string; name: string }[];
  proposedTable: string[];
  timeboxMinutes: number;
  result: ReferralFormData | undefined;
};

type FieldsProps = Props & { labels: Record<"meetingId" | "tableOrganisationIds" | "timeboxMinutes", string> };

/** For "to a meeting": which meeting, the table and the time. */
function ToMeetingFields({
  kind,
  meetings,
  organisations,
  proposedTable,
  timeboxMinutes,
  result,
  labels,
}: FieldsProps) {
  const { t, locale } = useLocale();
  const { mine, errors, value, values } = useFormResult(result, "triage");
  return (
    <fieldset className="form-section">
      <legend className="form-item__title">{t("referrals.toMeetingLegend")}</legend>
      {kind === "REFERRAL" ? (
        <SelectField
          name="meetingId"
          label={labels.meetingId}
          hint={meetings.length === 0 ? t("referrals.noMeetings") : t("referrals.fields.meetingHint")}
          defaultValue={value("meetingId")}
          error={errors.meetingId}
          options={[
            { value: "", label: t("form.choose") },
            ...meetings.map((m) => ({
              value: m.id,
              label: `${m.title} — ${formatDateTime(m.startsAt, locale)}${m.status === "DRAFT" ? ` (${t("meetings.status.DRAFT")})` : ""}`,
            })),
          ]}
        />
      ) : null}
      <ChoiceList
        name="tableOrganisationIds"
        type="checkbox"
        legend={labels.tableOrganisationIds}
        hint={t("referrals.fields.tableHint")}
        error={errors.tableOrganisationIds}
        options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.shortCode})` }))}
        checked={mine ? values("tableOrganisationIds") : new Set(proposedTable)}
      />
      <TextField
        name="timeboxMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={120}
        label={labels.timeboxMinutes}
        defaultValue={value("timeboxMinutes") || String(timeboxMinutes)}
        error={errors.timeboxMinutes}
      />
    </fieldset>
  );
}

/**
 * Triage's decision: one of four outcomes, always with a reason the referrer reads. "To a meeting"
 * asks which one, the table (the organisations the referrer proposed, to start with) and the time.
 */
export function TriageForm({ kind, meetings, organisations, proposedTable, timeboxMinutes, result }: Props) {
  const { t } = useLocale();
  const busy = useNavigation().state === "submitting";
  const { mine, errors, value } = useFormResult(result, "triage");
  const labels = {
    outcome: t("referrals.fields.outcome"),
    meetingId: t("referrals.fields.meeting"),
    tableOrganisationIds: t("referrals.fields.table"),
    timeboxMinutes: t("meetings.fields.timeboxMinutes"),
    otherTable: t("referrals.fields.otherTable"),
    reason: t("referrals.fields.reason"),
  };
  const outcomes = kind === "PROPOSAL" ? (["TO_MEETING", "RETURNED"] as const) : TRIAGE_OUTCOMES;
  return (
    <Form method="post" noValidate className="form" aria-labelledby="triage-title" key={JSON.stringify(mine ?? {})}>
      <h2 id="triage-title">{t("referrals.triageTitle")}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <FormRefusal result={mine} />
      <ChoiceList
        name="outcome"
        type="radio"
        legend={labels.outcome}
        error={errors.outcome}
        options={outcomes.map((o) => ({ value: o, label: t(`referrals.outcomes.${o}`) }))}
        checked={new Set([value("outcome")])}
      />
      <ToMeetingFields
        kind={kind}
        meetings={meetings}
        organisations={organisations}
        proposedTable={proposedTable}
        timeboxMinutes={timeboxMinutes}
        result={result}
        labels={labels}
      />
      {kind === "REFERRAL" ? (
        <TextField
          name="otherTable"
          label={labels.otherTable}
          hint={t("referrals.fields.otherTableHint")}
          defaultValue={value("otherTable")}
          error={errors.otherTable}
          maxLength={200}
        />
      ) : null}
      <TextAreaField
        name="reason"
        label={labels.reason}
        hint={t("referrals.fields.reasonHint")}
        defaultValue={value("reason")}
        error={errors.reason}
        rows={3}
        maxLength={500}
      />
      <button type="submit" className="button" disabled={busy}>
        {t("referrals.decide")}
      </button>
    </Form>
  );
}

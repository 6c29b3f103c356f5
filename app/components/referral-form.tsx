import { Form, useNavigation } from "@remix-run/react";

import type { Criterion } from "~/domain/referrals/criteria";
import { criterionLabel } from "~/domain/referrals/criteria";
import type { ReferralFormData } from "~/domain/referrals/referral-forms.server";
import { URGENCIES } from "~/domain/referrals/referral.schema";
import type { Translate } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

import { ChoiceList } from "./choice-lists";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";

type Options = {
  cases: { reference: string; riskLevel: string }[];
  criteria: Criterion[];
  organisations: { id: string; shortCode: string; name: string }[];
};

/** A refusal that is not about one field (the referral was decided meanwhile, say). */
export function FormRefusal({ result }: { result: ReferralFormData | undefined }) {
  const { t } = useLocale();
  if (!result?.formError || result.errors) return null;
  return (
    <p className="notice notice--error" role="alert">
      {t(result.formError)}
    </p>
  );
}

export function useFormResult(result: ReferralFormData | undefined, form: string) {
  const { t } = useLocale();
  const mine = result?.form === form ? result : undefined;
  const errors = Object.fromEntries(Object.entries(mine?.errors ?? {}).map(([f, e]) => [f, t(e.key, e.values)]));
  const value = (k: string) => {
    const v = mine?.values[k];
    return typeof v === "string" ? v : "";
  };
  const values = (k: string) => {
    const v = mine?.values[k];
    return new Set(Array.isArray(v) ? v : []);
  };
  return { mine, errors, value, values };
}

function referralLabels(t: Translate) {
  return {
    caseReference: t("referrals.fields.case"),
    question: t("referrals.fields.question"),
    criterionIds: t("referrals.fields.criteria"),
    partnerOrganisationIds: t("referrals.fields.partners"),
    urgency: t("referrals.fields.urgency"),
    informed: t("referrals.fields.informed"),
    notInformedReason: t("referrals.fields.notInformedReason"),
    earlierCaseReference: t("referrals.fields.earlierCase"),
  };
}

/** Which case (one of the organisation's open ones), and an earlier closed one it follows on. */
function CaseFields({
  cases,
  chosenCase,
  value,
  errors,
  labels,
}: {
  cases: Options["cases"];
  chosenCase: string;
  value: (k: string) => string;
  errors: Record<string, string>;
  labels: Record<"caseReference" | "earlierCaseReference", string>;
}) {
  const { t } = useLocale();
  return (
    <>
      <SelectField
        name="caseReference"
        label={labels.caseReference}
        hint={t("referrals.fields.caseHint")}
        defaultValue={value("caseReference") || chosenCase}
        error={errors.caseReference}
        options={[
          { value: "", label: t("form.choose") },
          ...cases.map((c) => ({
            value: c.reference,
            label: `${c.reference} — ${t(`cases.risk.${c.riskLevel as "HIGH"}`)}`,
          })),
        ]}
      />
      <TextField
        name="earlierCaseReference"
        label={labels.earlierCaseReference}
        hint={t("referrals.fields.earlierCaseHint")}
        defaultValue={value("earlierCaseReference")}
        error={errors.earlierCaseReference}
        maxLength={30}
      />
    </>
  );
}

/** Whether the people concerned were told, or why not (the Wgs asks for it). */
function InformedFields({
  value,
  errors,
  labels,
}: {
  value: (k: string) => string;
  errors: Record<string, string>;
  labels: Record<"informed" | "notInformedReason", string>;
}) {
  const { t } = useLocale();
  return (
    <>
      <ChoiceList
        name="informed"
        type="radio"
        legend={labels.informed}
        hint={t("referrals.fields.informedHint")}
        error={errors.informed}
        options={[
          { value: "yes", label: t("referrals.informed.yes") },
          { value: "no", label: t("referrals.informed.no") },
        ]}
        checked={new Set([value("informed")])}
      />
      <TextAreaField
        name="notInformedReason"
        label={labels.notInformedReason}
        hint={t("referrals.fields.notInformedReasonHint")}
        defaultValue={value("notInformedReason")}
        error={errors.notInformedReason}
        rows={2}
        maxLength={500}
      />
    </>
  );
}

/**
 * Refer a case: which case, the question, why this table (the region's criteria), who should sit at
 * it, how urgent, and whether the people concerned were told — or why not.
 */
export function ReferralForm({
  options,
  chosenCase,
  ownOrganisationId,
  result,
}: {
  options: Options;
  chosenCase: string;
  ownOrganisationId: string;
  result: ReferralFormData | undefined;
}) {
  const { t, locale } = useLocale();
  const busy = useNavigation().state === "submitting";
  const { mine, errors, value, values } = useFormResult(result, "refer");
  const labels = referralLabels(t);
  const partners = mine ? values("partnerOrganisationIds") : new Set([ownOrganisationId]);
  return (
    <Form method="post" noValidate className="form" key={JSON.stringify(mine ?? {})}>
      <ErrorSummary errors={errors} labels={labels} />
      <FormRefusal result={mine} />
      <CaseFields cases={options.cases} chosenCase={chosenCase} value={value} errors={errors} labels={labels} />
      <TextAreaField
        name="question"
        label={labels.question}
        hint={t("referrals.fields.questionHint")}
        defaultValue={value("question")}
        error={errors.question}
        rows={3}
        maxLength={500}
      />
      <ChoiceList
        name="criterionIds"
        type="checkbox"
        legend={labels.criterionIds}
        hint={t("referrals.fields.criteriaHint")}
        error={errors.criterionIds}
        options={options.criteria.map((c) => ({ value: c.id, label: criterionLabel(c, locale, t) }))}
        checked={values("criterionIds")}
      />
      <ChoiceList
        name="partnerOrganisationIds"
        type="checkbox"
        legend={labels.partnerOrganisationIds}
        hint={t("referrals.fields.partnersHint")}
        error={errors.partnerOrganisationIds}
        options={options.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.shortCode})` }))}
        checked={partners}
      />
      <ChoiceList
        name="urgency"
        type="radio"
        legend={labels.urgency}
        error={errors.urgency}
        options={URGENCIES.map((u) => ({ value: u, label: t(`referrals.urgency.${u}`) }))}
        checked={new Set([value("urgency") || "ROUTINE"])}
      />
      <InformedFields value={value} errors={errors} labels={labels} />
      <button type="submit" className="button" disabled={busy}>
        {t("referrals.submit")}
      </button>
    </Form>
  );
}

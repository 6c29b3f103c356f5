import { RISK_LEVELS } from "~/domain/cases/case.schema";
import { useLocale } from "~/i18n/use-locale";

import { SelectField, TextAreaField } from "./forms";

/** A case's description (with the identifier hint) and risk level: bringing it in and correcting it. */
export function CaseContentFields({
  values,
  errors,
}: {
  values: { description: string; riskLevel: string };
  errors: Record<string, string | undefined>;
}) {
  const { t } = useLocale();
  return (
    <>
      <TextAreaField
        name="description"
        label={t("cases.description")}
        hint={t("cases.descriptionHint")}
        defaultValue={values.description}
        error={errors.description}
        rows={3}
        maxLength={500}
      />
      <SelectField
        name="riskLevel"
        label={t("cases.riskLevel")}
        defaultValue={values.riskLevel}
        error={errors.riskLevel}
        options={RISK_LEVELS.map((level) => ({ value: level, label: t(`cases.risk.${level}`) }))}
      />
    </>
  );
}

import { Form, useNavigation } from "@remix-run/react";

import type { CaseCorrectionData, CaseIntent } from "~/domain/cases/case-form.server";
import type { RISK_LEVELS } from "~/domain/cases/case.schema";
import { CLOSE_REASONS, MONITOR_MONTHS } from "~/domain/cases/case.schema";
import { useLocale } from "~/i18n/use-locale";

import { CaseContentFields } from "./case-fields";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";

type Shown = { reference: string; description: string; riskLevel: string; version: number };

/** What one form needs from the action's answer: its own values and errors, only if it answered. */
export function useAnswer(result: CaseCorrectionData | undefined, intent: CaseIntent) {
  const { t } = useLocale();
  const mine = result?.intent === intent && !result.done ? result : undefined;
  const errors = Object.fromEntries(Object.entries(mine?.errors ?? {}).map(([k, e]) => [k, t(e.key, e.values)]));
  return { mine, values: mine?.values ?? {}, errors, busy: useNavigation().state === "submitting" };
}

export function Refusal({ mine }: { mine: CaseCorrectionData | undefined }) {
  const { t } = useLocale();
  if (!mine?.formError || mine.errors) return null;
  return (
    <p className="notice notice--error" role="alert" tabIndex={-1}>
      {t(mine.formError, { name: mine.current?.byName ?? "" })}
    </p>
  );
}

/**
 * The bringing organisation corrects the description and risk level. A colleague's (or another
 * tab's) change meanwhile is shown next to the typed text, which stays; saving again then builds
 * on what is there now.
 */
export function EditCaseForm({ found, result }: { found: Shown; result: CaseCorrectionData | undefined }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "edit");
  const labels = { description: t("cases.description"), riskLevel: t("cases.riskLevel") };
  return (
    <details className="form-section" open={Boolean(mine)}>
      <summary>{t("cases.edit")}</summary>
      <Form method="post" noValidate className="form" key={found.version} aria-label={t("cases.editTitle", found)}>
        <p className="hint">{t("cases.editHint")}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <Refusal mine={mine} />
        {mine?.current ? (
          <dl className="facts" data-testid="case-current">
            <dt>{t("cases.current")}</dt>
            <dd>
              {mine.current.description} — {t(`cases.risk.${mine.current.riskLevel as (typeof RISK_LEVELS)[number]}`)}
            </dd>
          </dl>
        ) : null}
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="version" value={mine?.current?.version ?? found.version} />
        <CaseContentFields
          values={{
            description: values.description ?? found.description,
            riskLevel: values.riskLevel ?? found.riskLevel,
          }}
          errors={errors}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.editSubmit")}
        </button>
      </Form>
    </details>
  );
}

/** An identifier that slipped through goes from every version; the typed text is not kept after. */
export function EraseForm({ found, result }: { found: Shown; result: CaseCorrectionData | undefined }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "erase");
  return (
    <details className="form-section" open={Boolean(mine)}>
      <summary>{t("cases.erase")}</summary>
      <Form method="post" noValidate className="form" key={found.version} autoComplete="off">
        <ErrorSummary errors={errors} labels={{ text: t("cases.eraseText") }} />
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="erase" />
        <input type="hidden" name="version" value={mine?.current?.version ?? found.version} />
        <TextField
          name="text"
          label={t("cases.eraseText")}
          hint={t("cases.eraseHint")}
          defaultValue={values.text ?? ""}
          error={errors.text}
          maxLength={200}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("cases.eraseSubmit")}
        </button>
      </Form>
    </details>
  );
}

export function CloseCaseForm({ months, result }: { months: number; result: CaseCorrectionData | undefined }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "close");
  const labels = {
    confirm: t("cases.closeTitle"),
    closeReason: t("cases.closeReason"),
    note: t("cases.closeNote"),
    monitorMonths: t("cases.monitorMonths"),
  };
  return (
    <details className="form-section" open={Boolean(mine)}>
      <summary>{t("cases.close")}</summary>
      <Form method="post" noValidate className="form">
        <p className="hint">{t("cases.closeHint", { months })}</p>
        <ErrorSummary errors={errors} labels={labels} />
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="close" />
        <SelectField
          name="closeReason"
          label={labels.closeReason}
          defaultValue={values.closeReason ?? ""}
          error={errors.closeReason}
          options={[
            { value: "", label: t("form.choose") },
            ...CLOSE_REASONS.map((reason) => ({ value: reason, label: t(`cases.closeReasons.${reason}`) })),
          ]}
        />
        <TextAreaField
          name="note"
          label={labels.note}
          hint={t("cases.closeNoteHint")}
          defaultValue={values.note ?? ""}
          error={errors.note}
          rows={2}
          maxLength={500}
        />
        <SelectField
          name="monitorMonths"
          label={labels.monitorMonths}
          hint={t("cases.monitorHint")}
          defaultValue={values.monitorMonths ?? ""}
          error={errors.monitorMonths}
          options={MONITOR_MONTHS.map((m) => ({
            value: m,
            label: m ? t("cases.monitorFor", { count: Number(m) }) : t("cases.monitorNone"),
          }))}
        />
        <CheckboxField
          name="confirm"
          value="yes"
          label={t("cases.closeConfirm")}
          error={errors.confirm}
          defaultChecked={values.confirm === "yes"}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.closeSubmit")}
        </button>
      </Form>
    </details>
  );
}

export function ReopenCaseForm({ until, result }: { until: string; result: CaseCorrectionData | undefined }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "reopen");
  return (
    <details className="form-section" open={Boolean(mine)}>
      <summary>{t("cases.reopen")}</summary>
      <Form method="post" noValidate className="form">
        <p className="hint">{t("cases.reopenHint", { date: until })}</p>
        <ErrorSummary errors={errors} labels={{ note: t("cases.reopenNote") }} />
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="reopen" />
        <TextAreaField
          name="note"
          label={t("cases.reopenNote")}
          defaultValue={values.note ?? ""}
          error={errors.note}
          rows={2}
          maxLength={500}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.reopenSubmit")}
        </button>
      </Form>
    </details>
  );
}

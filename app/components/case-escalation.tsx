import { Form } from "@remix-run/react";

import type { EscalationView } from "~/domain/cases/case-escalations.server";
import type { CaseCorrectionData } from "~/domain/cases/case-form.server";
import type { CaseSignal } from "~/domain/cases/case-signals";
import { ESCALATION_LEVELS } from "~/domain/cases/case.schema";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

import { Refusal, useAnswer } from "./case-corrections";
import { ErrorSummary, SelectField, TextAreaField } from "./forms";

type Result = CaseCorrectionData | undefined;

/** What the data says about a case getting stuck: late actions, needs left open, disagreement. */
function Signals({ signals }: { signals: CaseSignal[] }) {
  const { t, locale } = useLocale();
  if (signals.length === 0) return <p className="hint">{t("cases.signals.none")}</p>;
  return (
    <ul className="notice notice--warning" data-testid="case-signals">
      {signals.map((s) => (
        <li key={`${s.kind}-${s.id}`}>
          {s.kind === "overdueAction"
            ? t("cases.signals.overdueAction", {
                text: s.text,
                organisation: s.organisation,
                date: formatDate(`${s.dueDate}T12:00:00Z`, locale),
                count: s.daysOverdue,
              })
            : s.kind === "openNeed"
              ? t("cases.signals.openNeed", { text: s.text, organisation: s.organisation, count: s.meetings })
              : s.kind === "dissent"
                ? t("cases.signals.dissent", { text: s.text, organisations: s.organisations.join(", ") })
                : t("cases.signals.goalReview", {
                    text: s.text,
                    organisation: s.organisation,
                    date: formatDate(`${s.reviewDate}T12:00:00Z`, locale),
                  })}
        </li>
      ))}
    </ul>
  );
}

/** The open escalation: at which level, by whom and why; who may end it records the outcome. */
function Open({ escalation: e, result }: { escalation: EscalationView; result: Result }) {
  const { t, locale } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "endEscalation");
  const labels = { next: t("cases.escalation.next"), outcome: t("cases.escalation.outcome") };
  return (
    <div className="notice" data-testid="escalation-open">
      <p>
        {t("cases.escalation.openLine", {
          level: t(`cases.escalation.levels.${e.level}`),
          name: e.raisedBy.name,
          organisation: e.raisedBy.organisation.shortCode,
          date: formatDateTime(e.raisedAt, locale),
          reason: e.reason,
        })}
      </p>
      {e.mayEnd ? (
        <Form method="post" noValidate className="form" aria-label={t("cases.escalation.endTitle")}>
          <ErrorSummary
            errors={errors}
            labels={labels}
            ids={{ next: "escalation-next", outcome: "escalation-outcome" }}
          />
          <Refusal mine={mine} />
          <input type="hidden" name="intent" value="endEscalation" />
          <input type="hidden" name="escalationId" value={e.id} />
          <input type="hidden" name="version" value={e.version} />
          <SelectField
            id="escalation-next"
            name="next"
            label={labels.next}
            defaultValue={values.next ?? ""}
            error={errors.next}
            options={[
              { value: "", label: t("cases.escalation.stepDown") },
              ...ESCALATION_LEVELS.filter((l) => l !== e.level).map((l) => ({
                value: l,
                label: t("cases.escalation.moveTo", { level: t(`cases.escalation.levels.${l}`) }),
              })),
            ]}
          />
          <TextAreaField
            id="escalation-outcome"
            name="outcome"
            label={labels.outcome}
            hint={t("cases.escalation.outcomeHint")}
            defaultValue={values.outcome ?? ""}
            error={errors.outcome}
            rows={2}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("cases.escalation.end")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function RaiseForm({ result }: { result: Result }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "raiseEscalation");
  const labels = { level: t("cases.escalation.level"), reason: t("cases.escalation.reason") };
  return (
    <details className="form-section" open={Boolean(mine)}>
      <summary>{t("cases.escalation.raise")}</summary>
      <Form method="post" noValidate className="form" aria-label={t("cases.escalation.raise")}>
        <ErrorSummary
          errors={errors}
          labels={labels}
          ids={{ level: "escalation-level", reason: "escalation-reason" }}
        />
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="raiseEscalation" />
        <SelectField
          id="escalation-level"
          name="level"
          label={labels.level}
          defaultValue={values.level ?? "OPERATIONAL"}
          error={errors.level}
          options={ESCALATION_LEVELS.map((l) => ({ value: l, label: t(`cases.escalation.levels.${l}`) }))}
        />
        <TextAreaField
          id="escalation-reason"
          name="reason"
          label={labels.reason}
          hint={t("cases.escalation.reasonHint")}
          defaultValue={values.reason ?? ""}
          error={errors.reason}
          rows={2}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.escalation.raiseSubmit")}
        </button>
      </Form>
    </details>
  );
}

/** Signals and escalation on the case page, with the escalations so far. */
export function CaseEscalation({
  signals,
  escalations,
  caseOpen,
  result,
}: {
  signals: CaseSignal[];
  escalations: EscalationView[];
  caseOpen: boolean;
  result: Result;
}) {
  const { t, locale } = useLocale();
  const open = escalations.find((e) => e.endedAt === null);
  const ended = escalations.filter((e) => e.endedAt !== null);
  return (
    <section aria-labelledby="case-escalation-title" className="form-section">
      <h2 id="case-escalation-title">{t("cases.escalation.title")}</h2>
      <Signals signals={signals} />
      {open ? <Open escalation={open} result={result} /> : caseOpen ? <RaiseForm result={result} /> : null}
      {ended.length > 0 ? (
        <ul className="start-list" data-testid="escalation-history">
          {ended.map((e) => (
            <li key={e.id}>
              {t("cases.escalation.endedLine", {
                level: t(`cases.escalation.levels.${e.level}`),
                organisation: e.raisedBy.organisation.shortCode,
                from: formatDate(e.raisedAt, locale),
                to: formatDate(e.endedAt ?? e.raisedAt, locale),
                reason: e.reason,
              })}
              <div className="hint">
                {e.movedTo
                  ? t("cases.escalation.movedLine", {
                      level: t(`cases.escalation.levels.${e.movedTo}`),
                      outcome: e.outcome,
                    })
                  : t("cases.escalation.steppedDownLine", { outcome: e.outcome })}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

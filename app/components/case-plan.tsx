import { Form } from "@remix-run/react";

import type { CaseCorrectionData } from "~/domain/cases/case-form.server";
import type { PlanView } from "~/domain/cases/case-plan.server";
import { GOAL_STATUSES, PLAN_PHASES } from "~/domain/cases/case.schema";
import { formatDate } from "~/i18n/format";
import type { Translate } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

import { Refusal, useAnswer } from "./case-corrections";
import { ChoiceList } from "./choice-lists";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";

type Goal = PlanView["goals"][number];
type Result = CaseCorrectionData | undefined;

function goalLabels(t: Translate) {
  return {
    phase: t("cases.plan.phase"),
    text: t("cases.plan.text"),
    leadOrganisationId: t("cases.plan.lead"),
    contributorOrganisationIds: t("cases.plan.contributors"),
    reviewDate: t("cases.plan.reviewDate"),
    actionIds: t("cases.plan.actions"),
  };
}
const goalIds = (prefix: string) => ({
  phase: `${prefix}-phase`,
  text: `${prefix}-text`,
  leadOrganisationId: `${prefix}-lead`,
  contributorOrganisationIds: `${prefix}-contributors`,
  reviewDate: `${prefix}-review`,
  actionIds: `${prefix}-actions`,
});

/** The fields of a goal, for adding one or changing it (`goal`), prefixed so that ids stay unique. */
function GoalFields({ plan, goal, prefix, result }: { plan: PlanView; goal?: Goal; prefix: string; result: Result }) {
  const { t } = useLocale();
  const { values, errors } = useAnswer(result, goal ? "editGoal" : "addGoal");
  const mine = goal ? values.goalId === goal.id : true;
  const v = (k: string, fallback: string) => (mine && values[k] !== undefined ? values[k] : fallback);
  const e = (k: string) => (mine ? errors[k] : undefined);
  const list = (k: string, fallback: string[]) =>
    new Set(mine && values[k] !== undefined ? values[k].split(",") : fallback);
  return (
    <>
      <SelectField
        id={`${prefix}-phase`}
        name="phase"
        label={t("cases.plan.phase")}
        defaultValue={v("phase", goal?.phase ?? "IMMEDIATE_SAFETY")}
        error={e("phase")}
        options={PLAN_PHASES.map((p) => ({ value: p, label: t(`cases.plan.phases.${p}`) }))}
      />
      <TextAreaField
        id={`${prefix}-text`}
        name="text"
        label={t("cases.plan.text")}
        hint={t("cases.plan.textHint")}
        defaultValue={v("text", goal?.text ?? "")}
        error={e("text")}
        rows={2}
        maxLength={300}
      />
      <SelectField
        id={`${prefix}-lead`}
        name="leadOrganisationId"
        label={t("cases.plan.lead")}
        defaultValue={v("leadOrganisationId", goal?.lead.id ?? "")}
        error={e("leadOrganisationId")}
        options={[
          { value: "", label: t("form.choose") },
          ...plan.organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <ChoiceList
        id={`${prefix}-contributors`}
        name="contributorOrganisationIds"
        type="checkbox"
        legend={t("cases.plan.contributors")}
        error={e("contributorOrganisationIds")}
        options={plan.organisations.map((o) => ({ value: o.id, label: o.name }))}
        checked={list("contributorOrganisationIds", goal?.contributorIds ?? [])}
      />
      <TextField
        id={`${prefix}-review`}
        name="reviewDate"
        type="date"
        label={t("cases.plan.reviewDate")}
        defaultValue={v("reviewDate", goal?.reviewDate ?? "")}
        error={e("reviewDate")}
      />
      {plan.actions.length > 0 ? (
        <ChoiceList
          id={`${prefix}-actions`}
          name="actionIds"
          type="checkbox"
          legend={t("cases.plan.actions")}
          error={e("actionIds")}
          options={plan.actions.map((a) => ({ value: a.id, label: `${a.description} (${a.owner})` }))}
          checked={list("actionIds", goal?.actions.map((a) => a.id) ?? [])}
        />
      ) : null}
    </>
  );
}

function EditGoal({ plan, goal, result }: { plan: PlanView; goal: Goal; result: Result }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "editGoal");
  const ours = mine && values.goalId === goal.id ? mine : undefined;
  return (
    <details open={Boolean(ours)}>
      <summary>{t("cases.plan.edit")}</summary>
      <Form method="post" noValidate className="form" aria-label={t("cases.plan.editGoal", { text: goal.text })}>
        <ErrorSummary errors={ours ? errors : {}} labels={goalLabels(t)} ids={goalIds(`goal-${goal.id}`)} />
        <Refusal mine={ours} />
        <input type="hidden" name="intent" value="editGoal" />
        <input type="hidden" name="goalId" value={goal.id} />
        <input type="hidden" name="version" value={goal.version} />
        <SelectField
          id={`goal-${goal.id}-status`}
          name="status"
          label={t("cases.plan.status")}
          defaultValue={ours?.values.status ?? goal.status}
          options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`cases.plan.statuses.${s}`) }))}
        />
        <GoalFields plan={plan} goal={goal} prefix={`goal-${goal.id}`} result={result} />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.plan.save")}
        </button>
      </Form>
    </details>
  );
}

function GoalLine({ plan, goal: g, result }: { plan: PlanView; goal: Goal; result: Result }) {
  const { t, locale } = useLocale();
  return (
    <li data-testid="plan-goal">
      <strong>{g.text}</strong> <span className="badge">{t(`cases.plan.statuses.${g.status}`)}</span>
      <div className="hint">
        {t("cases.plan.ledBy", { organisation: g.lead.shortCode })}
        {g.contributors.length > 0 ? ` · ${t("cases.plan.with", { organisations: g.contributors.join(", ") })}` : ""}
        {g.reviewDate
          ? ` · ${t("cases.plan.reviewOn", { date: formatDate(`${g.reviewDate}T12:00:00Z`, locale) })}`
          : ""}
      </div>
      {g.reviewDue ? <p className="notice notice--warning">{t("cases.plan.reviewDue")}</p> : null}
      {g.actions.length > 0 ? (
        <ul>
          {g.actions.map((a) => (
            <li key={a.id}>
              {a.description} ({a.owner}, {t(`live.action.statuses.${a.status}`)})
            </li>
          ))}
        </ul>
      ) : null}
      {g.mayUpdate ? <EditGoal plan={plan} goal={g} result={result} /> : null}
    </li>
  );
}

/** The plan van aanpak: goals per phase; who may, adds and changes them. */
export function CasePlan({ plan, caseOpen, result }: { plan: PlanView; caseOpen: boolean; result: Result }) {
  const { t } = useLocale();
  const { mine, errors, busy } = useAnswer(result, "addGoal");
  return (
    <section aria-labelledby="case-plan-title" className="form-section" data-testid="case-plan">
      <h2 id="case-plan-title">{t("cases.plan.title")}</h2>
      {plan.goals.length === 0 ? <p className="hint">{t("cases.plan.none")}</p> : null}
      {PLAN_PHASES.map((phase) => {
        const goals = plan.goals.filter((g) => g.phase === phase);
        if (goals.length === 0) return null;
        return (
          <div key={phase}>
            <h3>{t(`cases.plan.phases.${phase}`)}</h3>
            <ul className="start-list">
              {goals.map((g) => (
                <GoalLine key={g.id} plan={plan} goal={g} result={result} />
              ))}
            </ul>
          </div>
        );
      })}
      {plan.mayAdd && caseOpen ? (
        <details className="form-section" open={Boolean(mine)}>
          <summary>{t("cases.plan.add")}</summary>
          <Form method="post" noValidate className="form" aria-label={t("cases.plan.add")}>
            <ErrorSummary
              errors={errors}
              labels={{ text: t("cases.plan.text"), leadOrganisationId: t("cases.plan.lead") }}
            />
            <Refusal mine={mine} />
            <input type="hidden" name="intent" value="addGoal" />
            <GoalFields plan={plan} prefix="new-goal" result={result} />
            <button type="submit" className="button" disabled={busy}>
              {t("cases.plan.addSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}

import { useState } from "react";
import type { FormEvent } from "react";

import { TextAreaField, TextField } from "~/components/forms";
import { useLocale } from "~/i18n/use-locale";
import type { DecisionView } from "~/realtime/events";

import { FormStatus, useFieldError, useLive } from "../live-context";
import { formValues, useLiveForm, useStartedVersion } from "../use-live-form";

import { AddForm } from "./add-form";
import type { ItemProps } from "./item-props";

function DissentFields({
  itemId,
  tables,
  fieldError,
}: {
  itemId: string;
  tables: string[];
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useLocale();
  const { orgName } = useLive();
  const [checked, setChecked] = useState<string[]>([]);
  return (
    <fieldset className="field">
      <legend className="field__label">{t("live.decision.dissent")}</legend>
      <p className="field__hint">{t("live.decision.dissentHint")}</p>
      {tables.map((organisationId) => {
        const on = checked.includes(organisationId);
        const id = `dissent-${itemId}-${organisationId}`;
        return (
          <div key={organisationId} className="dissent">
            <label className="checkbox" htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                name="dissent"
                value={organisationId}
                checked={on}
                onChange={(e) =>
                  setChecked((current) =>
                    e.target.checked ? [...current, organisationId] : current.filter((c) => c !== organisationId),
                  )
                }
              />{" "}
              {t("live.decision.dissentOf", { organisation: orgName(organisationId) })}
            </label>
            {on ? (
              <TextField
                id={`${id}-reason`}
                name={`reason-${organisationId}`}
                label={t("live.decision.reason", { organisation: orgName(organisationId) })}
                error={fieldError(
                  `dissents.${tables.filter((o) => checked.includes(o)).indexOf(organisationId)}.reason`,
                )}
              />
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}

/** The chair corrects the wording; the board and the minutes keep the earlier one. */
function CorrectDecision({ decision }: { decision: DecisionView }) {
  const { t } = useLocale();
  const { send } = useLive();
  const { state, submit } = useLiveForm(send);
  const started = useStartedVersion(decision.version);
  const fieldError = useFieldError(state.errors);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    started.settle(
      await submit("live:decision:correct", {
        decisionId: decision.id,
        version: started.version,
        text: values.text ?? "",
      }),
    );
  };
  return (
    <details className="live-details" onToggle={started.onToggle}>
      <summary>{t("live.decision.correct")}</summary>
      <form className="live-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextAreaField
          id={`decision-${decision.id}-text`}
          name="text"
          label={t("live.decision.text")}
          defaultValue={decision.text}
          error={fieldError("text")}
          rows={2}
        />
        <button type="submit" className="button button--secondary">
          {t("live.decision.saveCorrection")}
        </button>
        <FormStatus state={state} />
      </form>
    </details>
  );
}

export function Decisions({ itemId, board, tables, can, open }: ItemProps) {
  const { t } = useLocale();
  const { orgName, editable, flash } = useLive();
  return (
    <section aria-labelledby={`decisions-title-${itemId}`} className="live-section">
      <h3 id={`decisions-title-${itemId}`}>{t("live.sections.decisions")}</h3>
      {board.decisions.length === 0 ? <p className="hint">{t("live.decision.none")}</p> : null}
      <ul className="live-list">
        {board.decisions.map((decision) => (
          <li key={decision.id} className={`live-list__item${flash(decision.id)}`} data-testid="decision">
            <p>{decision.text}</p>
            {decision.earlierTexts.map((earlier, i) => (
              <p key={i} className="hint">
                {t("live.decision.earlier", { text: earlier })}
              </p>
            ))}
            {decision.dissents.length === 0 ? (
              <p className="hint">{t("live.decision.noDissent")}</p>
            ) : (
              <ul>
                {decision.dissents.map((d) => (
                  <li key={d.organisationId}>
                    {t("live.decision.dissentBy", { organisation: orgName(d.organisationId), reason: d.reason })}
                  </li>
                ))}
              </ul>
            )}
            {can.addDecision && editable && open ? <CorrectDecision decision={decision} /> : null}
          </li>
        ))}
      </ul>
      {can.addDecision ? (
        <AddForm
          open={editable && open}
          event="live:decision:add"
          title={t("live.decision.add")}
          submitLabel={t("live.decision.add")}
          build={(values, form) => {
            const data = new FormData(form);
            const dissenting = data.getAll("dissent").map(String);
            return {
              itemId,
              text: values.text ?? "",
              dissents: dissenting.map((organisationId) => ({
                organisationId,
                reason: String(data.get(`reason-${organisationId}`) ?? ""),
              })),
            };
          }}
        >
          {(fieldError) => (
            <>
              <TextAreaField
                id={`decision-new-${itemId}`}
                name="text"
                label={t("live.decision.text")}
                error={fieldError("text")}
                rows={2}
              />
              <DissentFields itemId={itemId} tables={tables} fieldError={fieldError} />
            </>
          )}
        </AddForm>
      ) : null}
    </section>
  );
}

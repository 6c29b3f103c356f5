import { Form } from "@remix-run/react";

import type { CaseCorrectionData } from "~/domain/cases/case-form.server";
import type { RegieView } from "~/domain/cases/case-regie.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";

import { Refusal, useAnswer } from "./case-corrections";
import { ErrorSummary, SelectField, TextAreaField } from "./forms";

type Entry = RegieView["history"][number];
type Kind = RegieView["kinds"][number];
type AtTable = { name: string; since: { title: string; startsAt: string } } | null;

/** A waiting handover: the receiving organisation takes it over or declines with why; the proposer may withdraw. */
function Waiting({ entry, result }: { entry: Entry; result: CaseCorrectionData | undefined }) {
  const { t, locale } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "answerRegie");
  return (
    <div className="notice" data-testid={`regie-waiting-${entry.kind}`}>
      <p>
        {t("cases.regie.waiting", {
          organisation: entry.organisation.name,
          name: entry.proposedBy.name,
          proposer: entry.proposedBy.organisation.shortCode,
          date: formatDateTime(entry.proposedAt, locale),
          reason: entry.reason,
        })}
      </p>
      {entry.mayAnswer || entry.mayWithdraw ? (
        <Form method="post" noValidate className="form" aria-label={t(`cases.regie.kinds.${entry.kind}`)}>
          <Refusal mine={mine} />
          <input type="hidden" name="intent" value="answerRegie" />
          <input type="hidden" name="regieId" value={entry.id} />
          <input type="hidden" name="version" value={entry.version} />
          {entry.mayAnswer ? (
            <>
              <TextAreaField
                id={`regie-${entry.id}-declineReason`}
                name="declineReason"
                label={t("cases.regie.declineReason")}
                hint={t("cases.regie.reasonHint")}
                defaultValue={values.declineReason ?? ""}
                error={errors.declineReason}
                rows={2}
              />
              <p className="actions">
                <button type="submit" name="answer" value="accept" className="button" disabled={busy}>
                  {t("cases.regie.accept")}
                </button>
                <button
                  type="submit"
                  name="answer"
                  value="decline"
                  className="button button--secondary"
                  disabled={busy}
                >
                  {t("cases.regie.decline")}
                </button>
              </p>
            </>
          ) : (
            <button type="submit" name="answer" value="withdraw" className="button button--secondary" disabled={busy}>
              {t("cases.regie.withdraw")}
            </button>
          )}
        </Form>
      ) : null}
    </div>
  );
}

/** Hand over one kind of regie: to which organisation, and why. */
function HandOverForm({ regie, result }: { regie: RegieView; result: CaseCorrectionData | undefined }) {
  const { t } = useLocale();
  const { mine, values, errors, busy } = useAnswer(result, "proposeRegie");
  const kinds = regie.kinds.filter((k) => k.mayHandOver && !k.waiting);
  if (kinds.length === 0) return null;
  const labels = {
    kind: t("cases.regie.kind"),
    organisationId: t("cases.regie.organisation"),
    reason: t("cases.regie.reason"),
  };
  return (
    <details className="form-section" open={Boolean(mine)}>
      <summary>{t("cases.regie.handOver")}</summary>
      <Form method="post" noValidate className="form" aria-label={t("cases.regie.handOver")}>
        <ErrorSummary errors={errors} labels={labels} />
        <Refusal mine={mine} />
        <input type="hidden" name="intent" value="proposeRegie" />
        <SelectField
          name="kind"
          label={labels.kind}
          defaultValue={values.kind ?? kinds[0]?.kind ?? ""}
          error={errors.kind}
          options={kinds.map((k) => ({ value: k.kind, label: t(`cases.regie.kinds.${k.kind}`) }))}
        />
        <SelectField
          name="organisationId"
          label={labels.organisationId}
          defaultValue={values.organisationId ?? ""}
          error={errors.organisationId}
          options={[
            { value: "", label: t("validation.choose") },
            ...regie.candidates.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <TextAreaField
          name="reason"
          label={labels.reason}
          hint={t("cases.regie.reasonHint")}
          defaultValue={values.reason ?? ""}
          error={errors.reason}
          rows={2}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.regie.propose")}
        </button>
      </Form>
    </details>
  );
}

function Holder({ kind, atTable }: { kind: Kind; atTable: AtTable }) {
  const { t, locale } = useLocale();
  return (
    <>
      <dt>{t(`cases.regie.kinds.${kind.kind}`)}</dt>
      <dd data-testid={`regie-${kind.kind}`}>
        {kind.holder
          ? t("cases.regie.holder", {
              organisation: kind.holder.organisation.name,
              date: formatDate(kind.holder.decidedAt ?? kind.holder.proposedAt, locale),
            })
          : t("cases.regie.none")}
        {kind.kind === "CONTENT" && !kind.holder && atTable ? (
          <div className="hint">
            {t("cases.regie.atTable", {
              organisation: atTable.name,
              title: atTable.since.title,
              date: formatDate(atTable.since.startsAt, locale),
            })}
          </div>
        ) : null}
      </dd>
    </>
  );
}

/** Procesregie and casusregie: who holds them, what waits, the handover form and the history. */
export function CaseRegie({
  regie,
  atTable,
  result,
}: {
  regie: RegieView;
  atTable: AtTable;
  result: CaseCorrectionData | undefined;
}) {
  const { t, locale } = useLocale();
  return (
    <section className="form-section" aria-labelledby="case-regie-title" data-testid="case-regie">
      <h2 id="case-regie-title">{t("cases.regie.title")}</h2>
      <p className="hint">{t("cases.regie.intro")}</p>
      <dl className="facts">
        {regie.kinds.map((kind) => (
          <Holder key={kind.kind} kind={kind} atTable={atTable} />
        ))}
      </dl>
      {regie.kinds.map((kind) =>
        kind.waiting ? <Waiting key={kind.kind} entry={kind.waiting} result={result} /> : null,
      )}
      <HandOverForm regie={regie} result={result} />
      {regie.history.length > 0 ? (
        <>
          <h3>{t("cases.regie.history")}</h3>
          <ul className="case-history" data-testid="regie-history">
            {regie.history.map((e) => (
              <li key={e.id}>
                {t("cases.regie.historyLine", {
                  date: formatDateTime(e.proposedAt, locale),
                  kind: t(`cases.regie.kinds.${e.kind}`),
                  organisation: e.organisation.shortCode,
                  name: e.proposedBy.name,
                  proposer: e.proposedBy.organisation.shortCode,
                  reason: e.reason,
                })}{" "}
                <span className="badge">{t(`cases.regie.statuses.${e.status}`)}</span>
                {e.declineReason ? (
                  <div className="hint">{t("cases.regie.declinedBecause", { reason: e.declineReason })}</div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

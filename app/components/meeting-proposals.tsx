import { Form } from "@remix-run/react";

import type { AgendaActionData } from "~/domain/meetings/meeting-forms.server";
import { useLocale } from "~/i18n/use-locale";
import type { loader } from "~/routes/overleggen.$id._index";

import { errorsOf, OrganisationChecks } from "./agenda-form-parts";
import { SelectField, TextAreaField, TextField } from "./forms";

type Data = Awaited<ReturnType<typeof loader>>;
type Meeting = Data["meeting"];

type Result = AgendaActionData | undefined;
type Proposal = Data["proposals"][number];

/** The chair's choice for a pending proposal: accept it (with the tables) or decline it with a reason. */
function ProposalDecision({ meeting, proposal: p, result }: { meeting: Meeting; proposal: Proposal; result: Result }) {
  const { t } = useLocale();
  const decide = errorsOf(result, result?.form === "decline" ? "decline" : "accept", t);
  const organisations = meeting.invitations.map((i) => i.organisation);
  return (
    <div className="proposal-decision">
      <Form method="post" className="form">
        <input type="hidden" name="proposalId" value={p.id} />
        <OrganisationChecks
          name={`tables-${p.id}`}
          legend={t("meetings.fields.tables")}
          organisations={organisations}
          checked={new Set([p.proposingOrganisation.id])}
        />
        <button type="submit" name="intent" value="accept" className="button">
          {t("meetings.accept")}
        </button>
      </Form>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="proposalId" value={p.id} />
        <TextField
          id={`reason-${p.id}`}
          name="reason"
          label={t("meetings.fields.reason")}
          error={result?.form === "decline" && result.values.proposalId === p.id ? decide.errors.reason : undefined}
          maxLength={300}
        />
        <button type="submit" name="intent" value="decline" className="button button--secondary-dark">
          {t("meetings.decline")}
        </button>
      </Form>
    </div>
  );
}

function ProposalBody({ meeting, proposal: p, result }: { meeting: Meeting; proposal: Proposal; result: Result }) {
  const { t } = useLocale();
  return (
    <div className="directory__body">
      <h3 className="directory__name">
        {t("meetings.proposalFrom", {
          reference: p.case.reference,
          organisation: p.proposingOrganisation.shortCode,
          minutes: p.timeboxMinutes,
        })}
      </h3>
      <p>{p.question}</p>
      <p className="directory__meta">
        {t(`meetings.proposalStatus.${p.status}`)}
        {p.outcomeReason ? `: ${p.outcomeReason}` : ""}
      </p>
      {meeting.isChair && p.status === "PENDING" ? (
        <ProposalDecision meeting={meeting} proposal={p} result={result} />
      ) : null}
    </div>
  );
}

/** An invited organisation proposes one of its own cases for the agenda. */
function ProposeSection({ ownCases, result }: { ownCases: Data["ownCases"]; result: Result }) {
  const { t } = useLocale();
  const propose = errorsOf(result, "propose", t);
  const v = (k: string) => (typeof propose.values[k] === "string" ? (propose.values[k] as string) : "");
  return (
    <section aria-labelledby="propose-title">
      <h3 id="propose-title">{t("meetings.proposeTitle")}</h3>
      {ownCases.length === 0 ? (
        <p>{t("meetings.noOwnCases")}</p>
      ) : (
        <Form method="post" noValidate className="form" key={JSON.stringify(result ?? {})}>
          {propose.formError ? (
            <p className="notice notice--error" role="alert">
              {t(propose.formError)}
            </p>
          ) : null}
          <SelectField
            id="propose-case"
            name="caseReference"
            label={t("meetings.fields.caseReference")}
            defaultValue={v("caseReference")}
            error={propose.errors.caseReference}
            options={ownCases.map((c) => ({ value: c.reference, label: c.reference }))}
          />
          <TextAreaField
            id="propose-question"
            name="question"
            label={t("meetings.fields.question")}
            hint={t("meetings.fields.questionHint")}
            defaultValue={v("question")}
            error={propose.errors.question}
            rows={2}
            maxLength={500}
          />
          <TextField
            id="propose-timebox"
            name="timeboxMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={120}
            label={t("meetings.fields.timeboxMinutes")}
            defaultValue={v("timeboxMinutes") || "10"}
            error={propose.errors.timeboxMinutes}
          />
          <button type="submit" name="intent" value="propose" className="button">
            {t("meetings.propose")}
          </button>
        </Form>
      )}
    </section>
  );
}

export function Proposals({
  meeting,
  proposals,
  ownCases,
  ownOrganisationId,
  result,
}: {
  meeting: Meeting;
  proposals: Data["proposals"];
  ownCases: Data["ownCases"];
  ownOrganisationId: string;
  result: Result;
}) {
  const { t } = useLocale();
  const decide = errorsOf(result, result?.form === "decline" ? "decline" : "accept", t);
  return (
    <section aria-labelledby="proposals-title" className="form-section">
      <h2 id="proposals-title">{t("meetings.proposals")}</h2>
      {decide.formError ? (
        <p className="notice notice--error" role="alert">
          {t(decide.formError)}
        </p>
      ) : null}
      {proposals.length === 0 ? <p>{t("meetings.noProposals")}</p> : null}
      <ul className="directory">
        {proposals.map((p) => (
          <li key={p.id} className="directory__item" data-testid="proposal">
            <ProposalBody meeting={meeting} proposal={p} result={result} />
          </li>
        ))}
      </ul>
      {!meeting.isChair &&
      meeting.status === "PUBLISHED" &&
      meeting.invitations.some((i) => i.organisation.id === ownOrganisationId) ? (
        <ProposeSection ownCases={ownCases} result={result} />
      ) : null}
    </section>
  );
}

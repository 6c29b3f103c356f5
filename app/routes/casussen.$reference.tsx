import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { CloseCaseForm, EditCaseForm, EraseForm, ReopenCaseForm } from "~/components/case-corrections";
import { CaseEscalation } from "~/components/case-escalation";
import { CaseHistory } from "~/components/case-history";
import { CasePlan } from "~/components/case-plan";
import { CaseRegie } from "~/components/case-regie";
import { CaseTimeline } from "~/components/case-timeline";
import { ReferralTable } from "~/components/referral-list";
import { ownsCase } from "~/domain/access/access.server";
import { actingFrom } from "~/domain/acting.server";
import { caseHistory, withinRetention } from "~/domain/cases/case-corrections.server";
import { escalationsOf } from "~/domain/cases/case-escalations.server";
import { handleCaseCorrection } from "~/domain/cases/case-form.server";
import { planOf } from "~/domain/cases/case-plan.server";
import { regieOf } from "~/domain/cases/case-regie.server";
import { caseSignals } from "~/domain/cases/case-signals";
import { caseTimeline, currentLead } from "~/domain/cases/case-timeline.server";
import { openCase } from "~/domain/cases/cases.server";
import { listedReferral } from "~/domain/referrals/referral-views.server";
import { caseReferrals } from "~/domain/referrals/referrals.server";
import { amsterdamDate } from "~/domain/referrals/working-days.server";
import { retentionEnd } from "~/domain/retention/retention.server";
import { getEnv } from "~/env.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => data?.found.reference ?? t("cases.title"));

/** Opening a case's content: only for who may see it (404 otherwise), and always audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await openCase(user, params.reference ?? "", actingFrom(context));
  const { organisationId, id, ...shown } = found;
  const months = getEnv().RETENTION_MONTHS;
  // What the bringing organisation may do with its case; the others read.
  const owner = ownsCase(user, { organisationId }) && !found.anonymisedAt;
  const open = found.status === "OPEN";
  const reopenable = !open && found.closedAt !== null && withinRetention(found.closedAt, new Date(), months);
  // The case's other reads do not depend on each other: together, once the case rule let the viewer in.
  const now = new Date();
  const today = amsterdamDate(now);
  const [history, timeline, lead, regie, referrals, escalations, plan] = await Promise.all([
    caseHistory(id),
    caseTimeline(user, id, now),
    currentLead(id),
    regieOf(user, id),
    caseReferrals(user, id),
    escalationsOf(user, id),
    planOf(user, id, today),
  ]);
  return {
    found: shown,
    history,
    timeline,
    lead,
    regie,
    referrals: referrals.map((r) => listedReferral(r, now, user)),
    escalations,
    plan,
    signals: caseSignals(timeline, today, getEnv().ESCALATION_OVERDUE_DAYS, plan.goals),
    can: { edit: owner && open, erase: owner, close: owner && open, reopen: owner && reopenable },
    reopenUntil: found.closedAt ? retentionEnd(found.closedAt, months).toISOString() : null,
    retentionMonths: months,
  };
}

/** The bringing organisation corrects, erases an identifier, closes or reopens (each audited). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleCaseCorrection(user, params.reference ?? "", await request.formData(), actingFrom(context));
}

type Found = ReturnType<typeof useLoaderData<typeof loader>>["found"];

function CaseFacts({ found }: { found: Found }) {
  const { t, locale } = useLocale();
  return (
    <dl className="facts">
      <dt>{t("cases.description")}</dt>
      <dd data-testid="case-description">{found.description || "—"}</dd>
      <dt>{t("cases.riskLevel")}</dt>
      <dd>{t(`cases.risk.${found.riskLevel}`)}</dd>
      <dt>{t("cases.status")}</dt>
      <dd>{t(`cases.statuses.${found.status}`)}</dd>
      <dt>{t("cases.broughtBy")}</dt>
      <dd>
        <Link to={`/organisaties/${found.organisation.slug}`}>{found.organisation.name}</Link>
      </dd>
      <dt>{t("cases.region")}</dt>
      <dd>{found.region}</dd>
      <dt>{t("cases.created")}</dt>
      <dd>{formatDateTime(found.createdAt, locale)}</dd>
      {found.closedAt ? (
        <>
          <dt>{t("cases.closedAt")}</dt>
          <dd>{formatDateTime(found.closedAt, locale)}</dd>
          {found.monitorUntil ? (
            <>
              <dt>{t("cases.monitorUntil")}</dt>
              <dd data-testid="case-monitoring">{formatDate(found.monitorUntil, locale)}</dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  );
}

export default function CasePage() {
  const { t, locale } = useLocale();
  const {
    found,
    history,
    timeline,
    lead,
    regie,
    referrals,
    escalations,
    plan,
    signals,
    can,
    reopenUntil,
    retentionMonths,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <article className="page" aria-labelledby="case-title">
      <p className="breadcrumb">
        <Link to="/casussen">{t("cases.title")}</Link>
      </p>
      <h1 id="case-title">{found.reference}</h1>
      {params.has("nieuw") ? (
        <p className="notice notice--success" role="status">
          {t("cases.createdNotice", { reference: found.reference })}
        </p>
      ) : null}
      <div role="status" data-testid="case-notice">
        {result?.done ? <p className="notice notice--success">{t(result.done, result.doneValues)}</p> : null}
      </div>
      {found.anonymisedAt ? (
        <p className="notice">{t("cases.anonymised", { date: formatDateTime(found.anonymisedAt, locale) })}</p>
      ) : null}
      <CaseFacts found={found} />
      {can.edit ? (
        <p>
          <Link to={`/aanmeldingen/nieuw?casus=${found.reference}`} className="button">
            {t("referrals.referThis")}
          </Link>
        </p>
      ) : null}
      {referrals.length > 0 ? (
        <section aria-labelledby="case-referrals-title">
          <h2 id="case-referrals-title">{t("referrals.title")}</h2>
          <ReferralTable id="case-referrals" caption={t("referrals.title")} referrals={referrals} />
        </section>
      ) : null}
      {can.edit ? <EditCaseForm found={found} result={result} /> : null}
      {can.erase ? <EraseForm found={found} result={result} /> : null}
      {can.close ? <CloseCaseForm months={retentionMonths} result={result} /> : null}
      {can.reopen && reopenUntil ? <ReopenCaseForm until={formatDate(reopenUntil, locale)} result={result} /> : null}
      <CaseRegie regie={regie} atTable={lead} result={result} />
      <CasePlan plan={plan} caseOpen={found.status === "OPEN" && !found.anonymisedAt} result={result} />
      <CaseEscalation
        signals={signals}
        escalations={escalations}
        caseOpen={found.status === "OPEN" && !found.anonymisedAt}
        result={result}
      />
      <CaseTimeline entries={timeline} />
      <CaseHistory revisions={history.revisions} events={history.events} />
    </article>
  );
}

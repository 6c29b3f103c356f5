import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ReferralState } from "~/components/referral-list";
import { TriageForm } from "~/components/triage-form";
import { actingFrom } from "~/domain/acting.server";
import { criterionLabel } from "~/domain/referrals/criteria";
import { handleTriageForm } from "~/domain/referrals/referral-forms.server";
import { listedReferral } from "~/domain/referrals/referral-views.server";
import { getReferral } from "~/domain/referrals/referrals.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("referrals.detailTitle", { reference: data?.referral.reference ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const {
    referral: r,
    decides,
    criteria,
    organisations,
    meetings,
    earlierCase,
  } = await getReferral(user, params.id ?? "", now);
  const named = new Map(organisations.map((o) => [o.id, o]));
  return {
    referral: {
      ...listedReferral(r, now, user),
      description: r.case.description,
      caseOpen: r.case.status === "OPEN",
      criteria: criteria.filter((c) => r.criterionIds.includes(c.id)),
      partners: r.partnerOrganisationIds.map((id) => named.get(id)?.name ?? "?"),
      informed: r.informed,
      notInformedReason: r.notInformedReason,
      timeboxMinutes: r.timeboxMinutes,
      ownCase: r.referringOrganisationId === user.organisation.id,
      earlierCase,
    },
    decides,
    organisations,
    proposedTable: [...new Set([...r.partnerOrganisationIds, r.referringOrganisationId])],
    meetings: meetings.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleTriageForm(user, params.id ?? "", await request.formData(), actingFrom(context));
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** What was referred: the case, the question, why this table, who, and whether the people concerned were told. */
function ReferralFacts({ referral: r }: { referral: Loaded["referral"] }) {
  const { t, locale } = useLocale();
  return (
    <dl className="facts" data-testid="referral-facts">
      <dt>{t("referrals.state")}</dt>
      <dd>
        <ReferralState referral={r} />
      </dd>
      <dt>{t("referrals.from")}</dt>
      <dd>{r.from}</dd>
      <dt>{t("referrals.fields.urgency")}</dt>
      <dd>{t(`referrals.urgency.${r.urgency}`)}</dd>
      <dt>{t("cases.riskLevel")}</dt>
      <dd>{t(`cases.risk.${r.riskLevel}`)}</dd>
      <dt>{t("cases.description")}</dt>
      <dd>{r.description}</dd>
      <dt>{t("referrals.fields.question")}</dt>
      <dd>{r.question}</dd>
      {r.criteria.length > 0 ? (
        <>
          <dt>{t("referrals.fields.criteria")}</dt>
          <dd>
            <ul>
              {r.criteria.map((c) => (
                <li key={c.id}>{criterionLabel(c, locale, t)}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {r.partners.length > 0 ? (
        <>
          <dt>{t("referrals.fields.partners")}</dt>
          <dd>{r.partners.join(", ")}</dd>
        </>
      ) : null}
      {r.informed !== null ? (
        <>
          <dt>{t("referrals.fields.informed")}</dt>
          <dd>
            {r.informed ? t("referrals.informed.yes") : t("referrals.informed.no")}
            {!r.informed && r.notInformedReason ? `: ${r.notInformedReason}` : ""}
          </dd>
        </>
      ) : null}
      {r.earlierCase ? (
        <>
          <dt>{t("referrals.fields.earlierCase")}</dt>
          <dd data-testid="referral-earlier">
            {r.earlierCase.visible ? (
              <Link to={`/casussen/${r.earlierCase.reference}`}>{r.earlierCase.reference}</Link>
            ) : (
              <>
                {r.earlierCase.reference} <span className="hint">({t("referrals.earlierNotVisible")})</span>
              </>
            )}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export default function ReferralPage() {
  const { t } = useLocale();
  const { referral: r, decides, organisations, proposedTable, meetings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = result?.done ?? (search.get("nieuw") ? "referrals.made" : undefined);
  return (
    <section className="page page--narrow" aria-labelledby="referral-title">
      <p className="breadcrumb">
        <Link to="/aanmeldingen">{t("referrals.title")}</Link>
      </p>
      <h1 id="referral-title">{t("referrals.detailTitle", { reference: r.reference })}</h1>
      <div role="status" aria-live="polite">
        {done ? <p className="notice notice--success">{t(done)}</p> : null}
      </div>
      <ReferralFacts referral={r} />
      {r.ownCase ? (
        <p>
          <Link to={`/casussen/${r.reference}`}>{t("referrals.toCase", { reference: r.reference })}</Link>
        </p>
      ) : null}
      {decides ? (
        <TriageForm
          kind={r.kind}
          meetings={meetings}
          organisations={organisations}
          proposedTable={proposedTable}
          timeboxMinutes={r.timeboxMinutes}
          result={result}
        />
      ) : null}
    </section>
  );
}

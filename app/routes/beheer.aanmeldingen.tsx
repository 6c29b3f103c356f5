import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { requireRole } from "~/auth/guards.server";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { useFormResult } from "~/components/referral-form";
import { actingFrom } from "~/domain/acting.server";
import { criterionLabel } from "~/domain/referrals/criteria";
import { handleReferralSettingsForm } from "~/domain/referrals/referral-forms.server";
import { knownRegions, regionCriteria, triageSetting } from "~/domain/referrals/referral-settings.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("referrals.settings.title"));

async function chosenRegion(request: Request, regions: string[], fallback: string) {
  const wanted = new URL(request.url).searchParams.get("regio") ?? "";
  return regions.includes(wanted) ? wanted : regions.includes(fallback) ? fallback : (regions[0] ?? fallback);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "PLATFORM_ADMIN");
  const regions = await knownRegions(admin);
  const region = await chosenRegion(request, regions, admin.organisation.region);
  const [criteria, setting] = await Promise.all([regionCriteria(region), triageSetting(region)]);
  return { regions, region, criteria, setting };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "PLATFORM_ADMIN");
  const regions = await knownRegions(admin);
  const region = await chosenRegion(request, regions, admin.organisation.region);
  return handleReferralSettingsForm(admin, region, await request.formData(), actingFrom(context));
}

function Deadlines() {
  const { t } = useLocale();
  const { setting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { mine, errors, value } = useFormResult(result, "deadlines");
  const labels = {
    routineWorkingDays: t("referrals.settings.routineWorkingDays"),
    urgentWorkingDays: t("referrals.settings.urgentWorkingDays"),
  };
  return (
    <Form
      method="post"
      noValidate
      className="form"
      aria-labelledby="deadlines-title"
      key={JSON.stringify(mine ?? setting)}
    >
      <h2 id="deadlines-title">{t("referrals.settings.deadlinesTitle")}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      {mine?.formError ? (
        <p className="notice notice--error" role="alert">
          {t(mine.formError)}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="deadlines" />
      <input type="hidden" name="version" value={setting.version} />
      <p className="field__hint">{t("referrals.settings.daysHint")}</p>
      <TextField
        name="routineWorkingDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        label={labels.routineWorkingDays}
        defaultValue={value("routineWorkingDays") || String(setting.routineWorkingDays)}
        error={errors.routineWorkingDays}
      />
      <TextField
        name="urgentWorkingDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        label={labels.urgentWorkingDays}
        defaultValue={value("urgentWorkingDays") || String(setting.urgentWorkingDays)}
        error={errors.urgentWorkingDays}
      />
      <button type="submit" className="button" disabled={busy}>
        {t("referrals.settings.save")}
      </button>
    </Form>
  );
}

function Criteria() {
  const { t, locale } = useLocale();
  const { criteria } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { mine, errors, value } = useFormResult(result, "addCriterion");
  const labels = { labelNl: t("referrals.settings.labelNl"), labelEn: t("referrals.settings.labelEn") };
  return (
    <section aria-labelledby="criteria-title">
      <h2 id="criteria-title">{t("referrals.settings.criteriaTitle")}</h2>
      <ul className="plain-list" data-testid="criteria">
        {criteria.map((c) => (
          <li key={c.id}>
            <Form method="post" className="inline-form">
              <input type="hidden" name="criterionId" value={c.id} />
              <span>
                {criterionLabel(c, locale, t)}
                {c.active ? "" : ` (${t("referrals.settings.inactive")})`}
              </span>{" "}
              <button
                type="submit"
                name="intent"
                value={c.active ? "disableCriterion" : "enableCriterion"}
                className="button button--secondary"
              >
                {c.active ? t("referrals.settings.disable") : t("referrals.settings.enable")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" noValidate className="form" key={JSON.stringify(mine ?? {})}>
        <ErrorSummary errors={errors} labels={labels} />
        <input type="hidden" name="intent" value="addCriterion" />
        <TextField
          name="labelNl"
          label={labels.labelNl}
          defaultValue={value("labelNl")}
          error={errors.labelNl}
          maxLength={200}
        />
        <TextField
          name="labelEn"
          label={labels.labelEn}
          defaultValue={value("labelEn")}
          error={errors.labelEn}
          maxLength={200}
        />
        <button type="submit" className="button">
          {t("referrals.settings.add")}
        </button>
      </Form>
    </section>
  );
}

export default function ReferralSettingsPage() {
  const { t } = useLocale();
  const { regions, region } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page page--narrow" aria-labelledby="referral-settings-title">
      <p className="breadcrumb">
        <Link to="/beheer/overleggen">{t("admin.nav")}</Link>
      </p>
      <h1 id="referral-settings-title">{t("referrals.settings.title")}</h1>
      <p>{t("referrals.settings.intro")}</p>
      <Form method="get" className="form form--inline">
        <SelectField
          name="regio"
          label={t("referrals.settings.region")}
          defaultValue={region}
          options={regions.map((r) => ({ value: r, label: r }))}
        />
        <button type="submit" className="button button--secondary">
          {t("referrals.settings.show")}
        </button>
      </Form>
      <div role="status" aria-live="polite">
        {result?.done ? <p className="notice notice--success">{t(result.done)}</p> : null}
      </div>
      <Deadlines />
      <Criteria />
    </section>
  );
}

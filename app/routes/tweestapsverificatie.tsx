import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireSession } from "~/auth/guards.server";
import { handleTwoFactorSettings } from "~/auth/two-factor-forms.server";
import { beginEnrolment, secondFactorStatus } from "~/auth/two-factor.server";
import { CodeForm, EnrolmentPanel, RecoveryCodesPanel } from "~/components/two-factor";
import { actingFrom } from "~/domain/acting.server";
import { formatDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("twoFactor.settingsTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const status = await secondFactorStatus(session.user);
  // The key is made only when the user asks to set it up, not on every visit.
  const setUp = !status.enabledAt && new URL(request.url).searchParams.has("instellen");
  const enrolment = setUp ? await beginEnrolment(session.user) : null;
  return { status, enrolment: enrolment && { secret: enrolment.secret, qrCode: enrolment.qrCode } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request);
  return handleTwoFactorSettings(session, await request.formData(), actingFrom(context));
}

export default function TwoFactorSettingsPage() {
  const { t, locale } = useLocale();
  const { status, enrolment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errorFor = (intent: string) => (result?.intent === intent ? result.error : undefined);

  return (
    <section className="page page--narrow" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">{t("twoFactor.settingsTitle")}</h1>
      {params.has("uitgezet") && !result ? (
        <p className="notice notice--success" role="status">
          {t("twoFactor.disabled")}
        </p>
      ) : null}
      {result?.recoveryCodes ? <RecoveryCodesPanel codes={result.recoveryCodes} /> : null}
      <p data-testid="two-factor-status">
        {status.enabledAt
          ? t("twoFactor.statusOn", { date: formatDate(status.enabledAt, locale), count: status.recoveryCodesLeft })
          : t("twoFactor.statusOff")}
      </p>
      {status.required ? <p>{t("twoFactor.requiredNote")}</p> : null}

      {!status.enabledAt && enrolment ? (
        <>
          <h2>{t("twoFactor.enrolTitle")}</h2>
          <EnrolmentPanel enrolment={enrolment} error={errorFor("enrol")} />
        </>
      ) : null}
      {!status.enabledAt && !enrolment ? (
        <>
          <p>{t("twoFactor.enrolOptional")}</p>
          <Link to="?instellen" className="button">
            {t("twoFactor.enrolTitle")}
          </Link>
        </>
      ) : null}

      {status.enabledAt ? (
        <>
          <h2>{t("twoFactor.renewTitle")}</h2>
          <CodeForm
            intent="renew"
            label={t("twoFactor.code")}
            hint={t("twoFactor.renewHint")}
            submit={t("twoFactor.renew")}
            error={errorFor("renew")}
          />
          {status.required ? null : (
            <>
              <h2>{t("twoFactor.disableTitle")}</h2>
              <CodeForm
                intent="disable"
                label={t("twoFactor.code")}
                hint={t("twoFactor.disableHint")}
                submit={t("twoFactor.disable")}
                error={errorFor("disable")}
              />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

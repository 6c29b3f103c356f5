import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { requirePendingSession } from "~/auth/guards.server";
import { isThrottled } from "~/auth/throttle.server";
import { handleSecondStep } from "~/auth/two-factor-forms.server";
import { beginEnrolment, secondFactorStep } from "~/auth/two-factor.server";
import { CodeForm, EnrolmentPanel, RecoveryCodesPanel } from "~/components/two-factor";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("twoFactor.stepTitle"));

/** Between password and second factor only: a full session goes on, none goes to the login. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requirePendingSession(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if ((await secondFactorStep(session.user)) === "verify") return { mode: "verify" as const, redirectTo };
  const enrolment = await beginEnrolment(session.user);
  return {
    mode: "enrol" as const,
    redirectTo,
    enrolment: enrolment && { secret: enrolment.secret, qrCode: enrolment.qrCode },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePendingSession(request);
  return handleSecondStep(session, await request.formData(), {
    clientAddress: context.clientAddress,
    throttled: await isThrottled("signIn", context.clientAddress),
  });
}

export default function SecondStepPage() {
  const { t } = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const hidden = { redirectTo: loaded.redirectTo };

  let body;
  if (result?.recoveryCodes) {
    body = (
      <RecoveryCodesPanel codes={result.recoveryCodes}>
        <Form method="post">
          <input type="hidden" name="intent" value="continue" />
          <input type="hidden" name="redirectTo" value={result.redirectTo ?? loaded.redirectTo} />
          <button type="submit" className="button">
            {t("twoFactor.continue")}
          </button>
        </Form>
      </RecoveryCodesPanel>
    );
  } else if (loaded.mode === "verify") {
    body = (
      <>
        <p>{t("twoFactor.verifyIntro")}</p>
        <CodeForm
          intent="verify"
          label={t("twoFactor.code")}
          hint={t("twoFactor.codeHint")}
          submit={t("twoFactor.verify")}
          error={result?.error}
          hidden={hidden}
          autoFocus
        />
      </>
    );
  } else {
    body = (
      <>
        <p>{t("twoFactor.enrolRequired")}</p>
        {loaded.enrolment ? (
          <EnrolmentPanel enrolment={loaded.enrolment} error={result?.error} hidden={hidden} />
        ) : null}
      </>
    );
  }
  const title =
    loaded.mode === "verify" || result?.recoveryCodes ? t("twoFactor.stepTitle") : t("twoFactor.enrolTitle");
  return (
    <section className="page page--narrow" aria-labelledby="second-step-title">
      <h1 id="second-step-title">{title}</h1>
      {body}
      {result?.recoveryCodes ? null : (
        <Form method="post" action="/logout">
          <button type="submit" className="button button--secondary">
            {t("twoFactor.cancel")}
          </button>
        </Form>
      )}
    </section>
  );
}

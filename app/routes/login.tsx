import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";

import { getOptionalUser } from "~/auth/guards.server";
import { parseLoginForm } from "~/auth/login-form.server";
import type { LoginFormErrors } from "~/auth/login-form.server";
import { login, recordThrottledAddress } from "~/auth/login.server";
import { commitSessionCookie, readSessionId } from "~/auth/session.server";
import { countFailure, isThrottled } from "~/auth/throttle.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { getEnv } from "~/env.server";
import type { TranslationKey } from "~/i18n/keys";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("login.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getOptionalUser(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return {
    demoMode: getEnv().DEMO_MODE === true,
    notice: url.searchParams.has("verlopen")
      ? "sessionExpired"
      : url.searchParams.has("uitgelogd")
        ? "loggedOut"
        : null,
  } as const;
}

type ActionResult = {
  errors: LoginFormErrors;
  formError?: { key: TranslationKey; minutes?: number };
  email: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseLoginForm(await request.formData());
  if (!form.ok) return data<ActionResult>({ errors: form.errors, email: form.email }, { status: 400 });

  const { email, password, redirectTo } = form.data;
  if (await isThrottled("signIn", context.clientAddress)) {
    await recordThrottledAddress(context.clientAddress);
    return data<ActionResult>({ errors: {}, formError: { key: "login.throttledAddress" }, email }, { status: 429 });
  }
  const result = await login({
    email,
    password,
    clientAddress: context.clientAddress,
    userAgent: request.headers.get("User-Agent"),
    previousSessionId: await readSessionId(request.headers.get("Cookie")),
  });
  if (!result.ok) {
    await countFailure("signIn", context.clientAddress);
    const formError: ActionResult["formError"] =
      result.reason === "throttled"
        ? { key: "login.throttledAccount", minutes: result.retryAfterMinutes }
        : { key: "login.invalid" };
    return data<ActionResult>({ errors: {}, formError, email }, { status: result.reason === "throttled" ? 429 : 400 });
  }
  const headers = { "Set-Cookie": await commitSessionCookie(result.session) };
  if (result.secondFactor !== "none") {
    throw redirect(`/tweede-stap?${new URLSearchParams({ redirectTo: safeRedirect(redirectTo) }).toString()}`, {
      headers,
    });
  }
  throw redirect(safeRedirect(redirectTo), { headers });
}

export default function LoginPage() {
  const { t } = useLocale();
  const { demoMode, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const errors = Object.fromEntries(
    Object.entries(actionData?.errors ?? {}).map(([field, key]) => [field, key ? t(key) : undefined]),
  );

  return (
    <section className="page page--narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(`login.${notice}`)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={{ email: t("login.email"), password: t("login.password") }} />
      {actionData?.formError ? (
        <div className="notice notice--error" role="alert" id="login-error">
          {t(actionData.formError.key, { minutes: actionData.formError.minutes })}
        </div>
      ) : null}
      <Form method="post" noValidate className="form">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          defaultValue={actionData?.email ?? ""}
          error={errors.email}
          required
          autoFocus={!actionData}
        />
        <TextField
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t("login.submitting") : t("login.submit")}
        </button>
      </Form>
      {demoMode ? <p className="hint">{t("login.demoHint")}</p> : null}
    </section>
  );
}

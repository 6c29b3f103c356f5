import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";

import { requireSession } from "~/auth/guards.server";
import { handlePasswordChange } from "~/auth/password-form.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { actingFrom } from "~/domain/acting.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("password.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSession(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request);
  return handlePasswordChange(session, await request.formData(), actingFrom(context));
}

export default function PasswordPage() {
  const { t } = useLocale();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const error = (field: string) => {
    const e = result?.errors[field];
    return e ? t(e.key, e.values) : undefined;
  };
  const labels = { current: t("password.current"), next: t("password.next"), confirm: t("password.confirm") };
  return (
    <section className="page page--narrow" aria-labelledby="password-title">
      <h1 id="password-title">{t("password.title")}</h1>
      {params.has("gewijzigd") && !result ? (
        <p className="notice notice--success" role="status">
          {t("password.changed")}
        </p>
      ) : null}
      <p>{t("password.intro")}</p>
      <Form method="post" className="form" noValidate key={JSON.stringify(result ?? {})}>
        <ErrorSummary errors={Object.fromEntries(Object.keys(labels).map((k) => [k, error(k)]))} labels={labels} />
        <TextField
          name="current"
          type="password"
          autoComplete="current-password"
          label={labels.current}
          error={error("current")}
        />
        <TextField
          name="next"
          type="password"
          autoComplete="new-password"
          label={labels.next}
          hint={t("password.nextHint")}
          error={error("next")}
        />
        <TextField
          name="confirm"
          type="password"
          autoComplete="new-password"
          label={labels.confirm}
          error={error("confirm")}
        />
        <button type="submit" className="button">
          {t("password.save")}
        </button>
      </Form>
    </section>
  );
}

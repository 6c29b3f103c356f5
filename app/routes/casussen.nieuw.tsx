import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { CaseContentFields } from "~/components/case-fields";
import { ErrorSummary, TextField } from "~/components/forms";
import { actingFrom } from "~/domain/acting.server";
import { handleNewCaseForm } from "~/domain/cases/case-form.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("cases.createTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { region: user.organisation.region };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleNewCaseForm(user, await request.formData(), actingFrom(context));
}

export default function NewCasePage() {
  const { t } = useLocale();
  const { region } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? { region, description: "", riskLevel: "HIGH" };
  const errors = Object.fromEntries(
    Object.entries(actionData?.errors ?? {}).map(([field, e]) => [field, t(e.key, e.values)]),
  );
  const labels = { region: t("cases.region"), description: t("cases.description"), riskLevel: t("cases.riskLevel") };

  return (
    <section className="page page--narrow" aria-labelledby="new-case-title">
      <p className="breadcrumb">
        <Link to="/casussen">{t("cases.title")}</Link>
      </p>
      <h1 id="new-case-title">{t("cases.createTitle")}</h1>
      <p>{t("cases.createIntro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate className="form" key={JSON.stringify(actionData ?? {})}>
        <CaseContentFields values={values} errors={errors} />
        <TextField
          name="region"
          label={labels.region}
          defaultValue={values.region}
          error={errors.region}
          maxLength={100}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("cases.submit")}
        </button>
      </Form>
    </section>
  );
}

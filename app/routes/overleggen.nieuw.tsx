import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireRole } from "~/auth/guards.server";
import { ErrorSummary, TextField } from "~/components/forms";
import { handleNewMeetingForm } from "~/domain/meetings/meeting-forms.server";
import { invitableOrganisations } from "~/domain/meetings/meetings.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetings.createTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "CHAIR");
  const organisations = (await invitableOrganisations()).filter((o) => o.id !== user.organisation.id);
  return { organisations, region: user.organisation.region };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "CHAIR");
  return handleNewMeetingForm(user, await request.formData(), { clientAddress: context.clientAddress });
}

export default function NewMeetingPage() {
  const { t } = useTranslation();
  const { organisations, region } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? { region, durationMinutes: "90", invited: [] };
  const value = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const invited = new Set(Array.isArray(values.invited) ? values.invited : []);
  const errors = Object.fromEntries(Object.entries(actionData?.errors ?? {}).map(([f, e]) => [f, t(e.key, e.values)]));
  const fields = ["title", "region", "date", "time", "durationMinutes", "location"] as const;
  const labels = Object.fromEntries([...fields, "invited"].map((f) => [f, t(`meetings.fields.${f}`)]));

  return (
    <section className="page page--narrow" aria-labelledby="new-meeting-title">
      <p className="breadcrumb">
        <Link to="/overleggen">{t("meetings.title")}</Link>
      </p>
      <h1 id="new-meeting-title">{t("meetings.createTitle")}</h1>
      <ErrorSummary errors={Object.fromEntries(Object.entries(errors).filter(([f]) => f in labels))} labels={labels} />
      {actionData?.formError ? (
        <p className="notice notice--error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      <Form method="post" noValidate className="form" key={JSON.stringify(actionData ?? {})}>
        <TextField
          name="title"
          label={labels.title as string}
          defaultValue={value("title")}
          error={errors.title}
          maxLength={120}
        />
        <TextField
          name="region"
          label={labels.region as string}
          defaultValue={value("region")}
          error={errors.region}
          maxLength={100}
        />
        <TextField
          name="date"
          type="date"
          label={labels.date as string}
          defaultValue={value("date")}
          error={errors.date}
        />
        <TextField
          name="time"
          type="time"
          label={labels.time as string}
          defaultValue={value("time")}
          error={errors.date ? undefined : errors.time}
        />
        <TextField
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={15}
          max={480}
          label={labels.durationMinutes as string}
          defaultValue={value("durationMinutes")}
          error={errors.durationMinutes}
        />
        <TextField
          name="location"
          label={labels.location as string}
          defaultValue={value("location")}
          error={errors.location}
          maxLength={300}
        />
        <fieldset className="form-item" id="invited" aria-describedby="invited-hint">
          <legend className="form-item__title">{labels.invited}</legend>
          <p id="invited-hint" className="field__hint">
            {t("meetings.fields.invitedHint")}
          </p>
          {errors.invited ? <p className="field__error">{errors.invited}</p> : null}
          {organisations.map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" name="invited" value={o.id} defaultChecked={invited.has(o.id)} /> {o.name} (
              {o.shortCode})
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("meetings.create")}
        </button>
      </Form>
    </section>
  );
}

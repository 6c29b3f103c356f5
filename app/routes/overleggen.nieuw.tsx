import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireRole } from "~/auth/guards.server";
import { MeetingForm } from "~/components/meeting-form";
import { actingFrom } from "~/domain/acting.server";
import { handleMeetingForm } from "~/domain/meetings/meeting-forms.server";
import { invitableOrganisations } from "~/domain/meetings/meetings.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetings.createTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "CHAIR");
  const organisations = (await invitableOrganisations()).filter((o) => o.id !== user.organisation.id);
  return { organisations, region: user.organisation.region };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "CHAIR");
  return handleMeetingForm(user, await request.formData(), actingFrom(context));
}

export default function NewMeetingPage() {
  const { t } = useLocale();
  const { organisations, region } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page page--narrow" aria-labelledby="new-meeting-title">
      <p className="breadcrumb">
        <Link to="/overleggen">{t("meetings.title")}</Link>
      </p>
      <h1 id="new-meeting-title">{t("meetings.createTitle")}</h1>
      <MeetingForm
        organisations={organisations}
        initial={{ region, durationMinutes: "90", invited: [] }}
        result={result}
        submitLabel={t("meetings.create")}
      />
    </section>
  );
}

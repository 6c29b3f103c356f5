import { TZDate } from "@date-fns/tz";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { MeetingForm } from "~/components/meeting-form";
import { actingFrom } from "~/domain/acting.server";
import { handleMeetingForm } from "~/domain/meetings/meeting-forms.server";
import { getMeetingForEdit, invitableOrganisations } from "~/domain/meetings/meetings.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetings.editTitle"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meeting = await getMeetingForEdit(user, params.id ?? "");
  const organisations = (await invitableOrganisations()).filter((o) => o.id !== user.organisation.id);
  // The form shows the time as people in the Netherlands read it.
  const local = new TZDate(meeting.startsAt.getTime(), "Europe/Amsterdam");
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    meeting: { id: meeting.id, title: meeting.title, version: meeting.version },
    organisations,
    initial: {
      title: meeting.title,
      region: meeting.region,
      date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
      time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
      durationMinutes: String(meeting.durationMinutes),
      location: meeting.location,
      invited: meeting.invitations.map((i) => i.organisationId),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleMeetingForm(user, await request.formData(), actingFrom(context), params.id ?? "");
}

export default function EditMeetingPage() {
  const { t } = useLocale();
  const { meeting, organisations, initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page page--narrow" aria-labelledby="edit-meeting-title">
      <p className="breadcrumb">
        <Link to={`/overleggen/${meeting.id}`}>{meeting.title}</Link>
      </p>
      <h1 id="edit-meeting-title">{t("meetings.editTitle")}</h1>
      <MeetingForm
        organisations={organisations}
        initial={initial}
        result={result}
        version={meeting.version}
        submitLabel={t("meetings.save")}
      />
    </section>
  );
}

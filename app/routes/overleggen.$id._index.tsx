import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ActionList } from "~/components/action-list";
import { AgendaList, ChairTools, MeetingHeader, Proposals } from "~/components/meeting-agenda";
import { actingFrom } from "~/domain/acting.server";
import { organisationMembers } from "~/domain/actions/actions.server";
import { actionsForAgenda } from "~/domain/actions/agenda-actions.server";
import { listOwnOpenCases, listVisibleCases } from "~/domain/cases/cases.server";
import { handleAgendaAction } from "~/domain/meetings/meeting-forms.server";
import { readMeeting, listProposals } from "~/domain/meetings/meetings.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => data?.meeting.title ?? t("meetings.title"));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = params.id ?? "";
  // One read of the meeting (the access rule asked once); the other reads and the view's audit row
  // run together after it.
  const { view: meeting, verified, audited } = await readMeeting(user, meetingId, actingFrom(context));
  const [proposals, chairCases, ownCases, openActions, members] = await Promise.all([
    listProposals(user, meetingId, verified),
    meeting.isChair ? listVisibleCases(user) : Promise.resolve([]),
    !meeting.isChair && meeting.status === "PUBLISHED" ? listOwnOpenCases(user) : Promise.resolve([]),
    actionsForAgenda(user, meetingId, verified),
    organisationMembers(user),
    audited,
  ]);
  return { meeting, proposals, chairCases, ownCases, openActions, members, ownOrganisationId: user.organisation.id };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleAgendaAction(user, params.id ?? "", await request.formData(), actingFrom(context));
}

export default function MeetingPage() {
  const { t } = useLocale();
  const { meeting, proposals, chairCases, ownCases, openActions, members, ownOrganisationId } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const changedWhat = result ? null : params.get("gewijzigd");
  const changedKey =
    changedWhat === "punt"
      ? "meetings.itemUpdated"
      : changedWhat === "vervallen"
        ? "meetings.itemRemoved"
        : "meetings.changed";
  const changed = changedWhat !== null;
  return (
    <article className="page" aria-labelledby="meeting-title">
      <p className="breadcrumb">
        <Link to="/overleggen">{t("meetings.title")}</Link>
      </p>
      <MeetingHeader meeting={meeting} />
      <div
        aria-live="polite"
        role="status"
        className={result?.done || changed ? "notice notice--success" : "visually-hidden"}
      >
        {result?.done ? t(result.done) : changed ? t(changedKey) : ""}
      </div>
      <section aria-labelledby="open-actions-title" data-testid="open-actions">
        <h2 id="open-actions-title">{t("meetings.openActions")}</h2>
        {openActions.length === 0 ? <p className="hint">{t("meetings.noOpenActions")}</p> : null}
        {openActions.map((group) => (
          <section key={group.reference} aria-labelledby={`open-actions-${group.reference}`}>
            <h3 id={`open-actions-${group.reference}`}>{group.reference}</h3>
            <ActionList actions={group.actions} members={members} inPlace level={4} />
          </section>
        ))}
      </section>
      <AgendaList meeting={meeting} result={result} />
      {meeting.isChair ? <ChairTools meeting={meeting} cases={chairCases} result={result} /> : null}
      <Proposals
        meeting={meeting}
        proposals={proposals}
        ownCases={ownCases}
        ownOrganisationId={ownOrganisationId}
        result={result}
      />
    </article>
  );
}

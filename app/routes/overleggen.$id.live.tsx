import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { LiveMeeting } from "~/components/live/live-meeting";
import { actingFrom } from "~/domain/acting.server";
import { liveBoardPage } from "~/domain/live/live-page.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data?.board ? `${t("live.title")}: ${data.board.title}` : t("live.title")));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return liveBoardPage(user, params.id ?? "", actingFrom(context));
}

export default function LiveMeetingPage() {
  const { t } = useLocale();
  const { board } = useLoaderData<typeof loader>();
  const { id } = useParams();
  if (!board) {
    return (
      <article className="page" aria-labelledby="live-title">
        <h1 id="live-title">{t("live.title")}</h1>
        <p className="notice">{t("live.notStarted")}</p>
        <p>
          <Link to={`/overleggen/${id}`}>{t("meetings.agenda")}</Link>
        </p>
      </article>
    );
  }
  return <LiveMeeting key={board.meetingId} initial={board} />;
}

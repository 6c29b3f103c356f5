import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { listMeetings } from "~/domain/meetings/meetings.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("meetings.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { ...(await listMeetings(user)), mayCreate: user.roles.includes("CHAIR") };
}

type Listed = Awaited<ReturnType<typeof loader>>["upcoming"][number];

function MeetingList({ meetings }: { meetings: Listed[] }) {
  const { t, locale } = useLocale();
  if (meetings.length === 0) return <p>{t("meetings.none")}</p>;
  return (
    <ul className="directory">
      {meetings.map((m) => (
        <li key={m.id} className="directory__item">
          <div className="directory__body">
            <h3 className="directory__name">
              <Link to={`/overleggen/${m.id}`}>{m.title}</Link>{" "}
              <span className="badge">{t(`meetings.status.${m.status}`)}</span>
            </h3>
            <p className="directory__meta">
              {formatDateTime(m.startsAt, locale)} · {m.location} · {t("meetings.items", { count: m._count.items })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export default function MeetingsPage() {
  const { t } = useLocale();
  const { upcoming, past, mayCreate } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="meetings-title">
      <h1 id="meetings-title">{t("meetings.title")}</h1>
      <p>{t("meetings.intro")}</p>
      {mayCreate ? (
        <p>
          <Link to="/overleggen/nieuw" className="button">
            {t("meetings.newMeeting")}
          </Link>
        </p>
      ) : null}
      <h2>{t("meetings.upcoming")}</h2>
      <MeetingList meetings={upcoming} />
      <h2>{t("meetings.past")}</h2>
      <MeetingList meetings={past} />
    </section>
  );
}

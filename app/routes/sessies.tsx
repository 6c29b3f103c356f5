import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { requireSession } from "~/auth/guards.server";
import { listSessions, logoutEverywhere } from "~/auth/login.server";
import { clearSessionCookie } from "~/auth/session.server";
import { ScrollingTable } from "~/components/scrolling-table";
import { badRequest } from "~/domain/errors.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { endSessionSockets } from "~/realtime/realtime.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("sessions.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  return { sessions: await listSessions(session.user, session.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const form = await request.formData();
  if (form.get("intent") !== "everywhere") throw badRequest("errors.unknownIntent");
  for (const id of await logoutEverywhere(session.user, context.clientAddress)) endSessionSockets(id, "logout");
  throw redirect("/login?uitgelogd=1", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export default function SessionsPage() {
  const { t, locale } = useLocale();
  const { sessions } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="sessions-title">
      <h1 id="sessions-title">{t("sessions.title")}</h1>
      <p>{t("sessions.intro")}</p>
      <ScrollingTable captionId="sessions-caption">
        <table className="table" data-testid="sessions">
          <caption id="sessions-caption" className="visually-hidden">
            {t("sessions.title")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("sessions.started")}</th>
              <th scope="col">{t("sessions.lastSeen")}</th>
              <th scope="col">{t("sessions.from")}</th>
              <th scope="col">{t("sessions.device")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.key}>
                <td>
                  {formatDateTime(s.createdAt, locale)}{" "}
                  {s.current ? <span className="badge badge--current">{t("sessions.current")}</span> : null}
                  {s.halfOpen ? <span className="badge">{t("sessions.halfOpen")}</span> : null}
                </td>
                <td>{formatDateTime(s.lastSeenAt, locale)}</td>
                <td>{s.clientAddress ?? ""}</td>
                <td>{s.userAgent ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <Form method="post" className="form-section">
        <p className="hint">{t("sessions.everywhereHint")}</p>
        <button type="submit" name="intent" value="everywhere" className="button">
          {t("sessions.everywhere")}
        </button>
      </Form>
    </section>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireRole } from "~/auth/guards.server";
import { SelectField } from "~/components/forms";
import { ScrollingTable } from "~/components/scrolling-table";
import { actingFrom } from "~/domain/acting.server";
import { isFormRefusal } from "~/domain/errors.server";
import { listMeetingsForAdmin, reassignChair } from "~/domain/meetings/meetings.server";
import { formatDateTime } from "~/i18n/format";
import type { TranslationKey } from "~/i18n/keys";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("admin.meetingsTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "PLATFORM_ADMIN");
  return listMeetingsForAdmin(admin);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "PLATFORM_ADMIN");
  const form = await request.formData();
  const meetingId = String(form.get("meetingId") ?? "");
  try {
    await reassignChair(admin, meetingId, String(form.get("chairId") ?? ""), actingFrom(context));
    return { meetingId, done: "admin.reassigned" as TranslationKey, error: null };
  } catch (error) {
    if (isFormRefusal(error)) return data({ meetingId, done: null, error: error.key }, { status: 400 });
    throw error;
  }
}

export default function AdminMeetingsPage() {
  const { t, locale } = useLocale();
  const { meetings, chairs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page" aria-labelledby="admin-meetings-title">
      <h1 id="admin-meetings-title">{t("admin.meetingsTitle")}</h1>
      <p>{t("admin.meetingsIntro")}</p>
      <p>
        <Link to="/beheer/aanmeldingen">{t("nav.referralSettings")}</Link>
      </p>
      <div
        role="status"
        aria-live="polite"
        className={result ? `notice ${result.error ? "notice--error" : "notice--success"}` : "visually-hidden"}
      >
        {result?.error ? t(result.error) : result?.done ? t(result.done) : ""}
      </div>
      {meetings.length === 0 ? (
        <p>{t("admin.noMeetings")}</p>
      ) : (
        <ScrollingTable captionId="meetings-caption">
          <table className="table">
            <caption id="meetings-caption" className="visually-hidden">
              {t("admin.meetingsTitle")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.meeting")}</th>
                <th scope="col">{t("admin.date")}</th>
                <th scope="col">{t("admin.status")}</th>
                <th scope="col">{t("admin.chair")}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.title}</th>
                  <td>{formatDateTime(m.startsAt, locale)}</td>
                  <td>{t(`meetings.status.${m.status}`)}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="meetingId" value={m.id} />
                      <SelectField
                        id={`chair-${m.id}`}
                        name="chairId"
                        label={t("admin.newChair", { title: m.title })}
                        defaultValue={m.chairId}
                        options={chairs.map((c) => ({ value: c.id, label: `${c.name} (${c.organisation.shortCode})` }))}
                      />
                      <button type="submit" className="button button--secondary-dark">
                        {t("admin.reassign")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollingTable>
      )}
    </section>
  );
}

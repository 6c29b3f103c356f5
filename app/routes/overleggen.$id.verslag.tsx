import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { AmendForm, ApproveForm, MinutesBody } from "~/components/minutes-view";
import { PrintButton } from "~/components/print-button";
import { actingFrom } from "~/domain/acting.server";
import { amendableEntries } from "~/domain/minutes/minutes-amendments.server";
import { handleMinutesAction } from "~/domain/minutes/minutes-forms.server";
import { getMinutes } from "~/domain/minutes/minutes.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) =>
    data?.minutes.available ? `${t("minutes.title")}: ${data.minutes.content.title}` : t("minutes.title"),
  );

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const meetingId = params.id ?? "";
  const minutes = await getMinutes(user, meetingId, actingFrom(context));
  // The chair of approved minutes corrects actions and decisions as they are now, by amendment.
  const amendable =
    minutes.available && minutes.isChair && minutes.status === "APPROVED"
      ? await amendableEntries(
          meetingId,
          minutes.content.items.map((i) => i.id),
        )
      : null;
  return { meetingId, minutes, amendable };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleMinutesAction(user, params.id ?? "", await request.formData(), actingFrom(context));
}

export default function MinutesPage() {
  const { t, locale } = useLocale();
  const { meetingId, minutes, amendable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (!minutes.available) {
    return (
      <article className="page" aria-labelledby="minutes-title">
        <h1 id="minutes-title">{t("minutes.title")}</h1>
        <p className="notice">{t("minutes.notYet")}</p>
        <p>
          <Link to={`/overleggen/${meetingId}`}>{t("meetings.agenda")}</Link>
        </p>
      </article>
    );
  }
  const approved = minutes.status === "APPROVED";
  const notice = params.has("vastgesteld") ? "minutes.approved" : params.has("gewijzigd") ? "minutes.amended" : null;
  return (
    <article className="page minutes" aria-labelledby="minutes-title">
      <p className="breadcrumb no-print">
        <Link to={`/overleggen/${meetingId}`}>{minutes.content.title}</Link>
      </p>
      <h1 id="minutes-title">
        {t("minutes.title")}: {minutes.content.title}{" "}
        <span className={approved ? "badge badge--current" : "badge badge--outdated"}>
          {approved ? t("minutes.statusApproved") : t("minutes.statusDraft")}
        </span>
      </h1>
      <div role="status" aria-live="polite" className={notice ? "notice notice--success" : "visually-hidden"}>
        {notice ? t(notice) : ""}
      </div>
      {approved && minutes.approvedAt ? (
        <p>{t("minutes.approvedBy", { name: minutes.approvedBy, date: formatDateTime(minutes.approvedAt, locale) })}</p>
      ) : (
        <p className="hint">{t("minutes.draftHint")}</p>
      )}
      <p className="actions no-print">
        <PrintButton />
        <a href={`/overleggen/${meetingId}/verslag.pdf`}>{t("minutes.pdf")}</a>
        <a href={`/overleggen/${meetingId}/verslag.csv`}>{t("minutes.csv")}</a>
      </p>
      <MinutesBody content={minutes.content} amendments={minutes.amendments} amendable={amendable} result={result} />
      {minutes.isChair && !approved ? <ApproveForm result={result} /> : null}
      {minutes.isChair && approved ? <AmendForm content={minutes.content} result={result} /> : null}
    </article>
  );
}

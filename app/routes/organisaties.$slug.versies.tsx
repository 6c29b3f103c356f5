import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ProfileChanges } from "~/components/profile-changes";
import { actingFrom } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import { historyQuerySchema } from "~/domain/organisations/queries.server";
import { getHistory, requireProfileEditor, restoreVersion } from "~/domain/organisations/role-profiles.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { historyUrl } from "~/utils/url-words";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => `${t("history.title")}: ${data?.organisation.name ?? ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = historyQuerySchema.parse(historyUrl.read(new URL(request.url).searchParams));
  return getHistory(user, params.slug ?? "", query);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  await requireProfileEditor(user, slug);
  const form = await request.formData();
  const number = Number.parseInt(String(form.get("number") ?? ""), 10);
  const baseVersion = Number.parseInt(String(form.get("baseVersion") ?? ""), 10);
  if (form.get("intent") !== "restore" || !Number.isInteger(number) || !Number.isInteger(baseVersion)) {
    throw badRequest();
  }
  const result = await restoreVersion(
    user,
    slug,
    // No summary text stored for a restore: the history says it in the reader's language.
    { number, baseVersion, changeSummary: "" },
    actingFrom(context),
  );
  if (result.ok) throw redirect(`/organisaties/${slug}/versies?teruggezet=${number}&nieuw=${result.number}`);
  return data(
    { conflict: { ...result.conflict, createdAt: result.conflict.createdAt.toISOString() } },
    { status: 409 },
  );
}

export default function HistoryPage() {
  const { t, locale } = useLocale();
  const { organisation, versions, comparison, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const latest = versions[0]?.number ?? 0;

  return (
    <section className="page" aria-labelledby="history-title">
      <p className="breadcrumb">
        <Link to={`/organisaties/${organisation.slug}`}>{t("history.back")}</Link>
      </p>
      <h1 id="history-title">
        {t("history.title")}: {organisation.name}
      </h1>
      <RestoredNotice params={params} />
      {actionData?.conflict ? (
        <div className="notice notice--error" role="alert">
          <h2>{t("profileEdit.conflictTitle")}</h2>
          <p>
            {t("profileEdit.conflictText", {
              number: actionData.conflict.number,
              author: actionData.conflict.authorName,
              time: formatDateTime(actionData.conflict.createdAt, locale),
            })}
          </p>
        </div>
      ) : null}

      {comparison ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">{t("history.changesTitle", { from: comparison.from, to: comparison.to })}</h2>
          <ProfileChanges changes={comparison.changes} />
        </section>
      ) : null}

      {versions.length > 1 ? (
        <Form method="get" className="compare-versions">
          <fieldset>
            <legend>{t("history.compareLegend")}</legend>
            <label htmlFor="van">{t("history.from")}</label>
            <select
              id="van"
              name={historyUrl.name("from")}
              defaultValue={comparison?.from ?? Math.max(0, latest - 1)}
              className="field__input"
            >
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
            <label htmlFor="naar">{t("history.to")}</label>
            <select
              id="naar"
              name={historyUrl.name("to")}
              defaultValue={comparison?.to ?? latest}
              className="field__input"
            >
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
            <button type="submit" className="button">
              {t("history.show")}
            </button>
          </fieldset>
        </Form>
      ) : null}

      <table className="table">
        <caption className="visually-hidden">{t("history.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("history.version")}</th>
            <th scope="col">{t("history.date")}</th>
            <th scope="col">{t("history.author")}</th>
            <th scope="col">{t("history.summary")}</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">{t("history.restore", { number: "" })}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <td>
                {v.number}
                {v.number === latest ? <span className="badge">{t("history.current")}</span> : null}
              </td>
              <td>{formatDateTime(v.createdAt, locale)}</td>
              <td>{v.authorName}</td>
              <td>
                {v.changeSummary ||
                  (v.restoredFrom
                    ? t("history.restoreSummary", { number: v.restoredFrom })
                    : t(v.number === 1 ? "history.firstVersion" : "history.reviewedNoChanges"))}
                {v.changeSummary && v.restoredFrom ? (
                  <span className="hint"> ({t("history.restoredFrom", { number: v.restoredFrom })})</span>
                ) : null}
              </td>
              {canEdit ? (
                <td>
                  {v.number !== latest ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="number" value={v.number} />
                      <input type="hidden" name="baseVersion" value={latest} />
                      <button
                        type="submit"
                        className="button button--plain"
                        disabled={navigation.state === "submitting"}
                      >
                        {t("history.restore", { number: v.number })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RestoredNotice({ params }: { params: URLSearchParams }) {
  const { t } = useLocale();
  const from = params.get("teruggezet");
  const number = params.get("nieuw");
  if (!from || !number) return null;
  return (
    <p className="notice notice--success" role="status">
      {t("history.restored", { from, number })}
    </p>
  );
}

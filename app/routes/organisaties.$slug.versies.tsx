import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ProfileChanges } from "~/components/profile-changes";
import { ScrollingTable } from "~/components/scrolling-table";
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

type HistoryData = ReturnType<typeof useLoaderData<typeof loader>>;
type Version = HistoryData["versions"][number];
type Comparison = NonNullable<HistoryData["comparison"]>;
type Conflict = NonNullable<ReturnType<typeof useActionData<typeof action>>>["conflict"];

export default function HistoryPage() {
  const { t } = useLocale();
  const { organisation, versions, comparison, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      {actionData?.conflict ? <ConflictNotice conflict={actionData.conflict} /> : null}

      {comparison ? <VersionChanges comparison={comparison} /> : null}

      {versions.length > 1 ? <CompareForm versions={versions} comparison={comparison} latest={latest} /> : null}

      <VersionsTable versions={versions} latest={latest} canEdit={canEdit} />
    </section>
  );
}

function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const { t, locale } = useLocale();
  return (
    <div className="notice notice--error" role="alert">
      <h2>{t("profileEdit.conflictTitle")}</h2>
      <p>
        {t("profileEdit.conflictText", {
          number: conflict.number,
          author: conflict.authorName,
          time: formatDateTime(conflict.createdAt, locale),
        })}
      </p>
    </div>
  );
}

function VersionChanges({ comparison }: { comparison: Comparison }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t("history.changesTitle", { from: comparison.from, to: comparison.to })}</h2>
      <ProfileChanges changes={comparison.changes} />
    </section>
  );
}

function VersionSelect(props: { id: string; label: string; name: string; defaultValue: number; versions: Version[] }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue} className="field__input">
        {props.versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.number}
          </option>
        ))}
      </select>
    </>
  );
}

function CompareForm(props: { versions: Version[]; comparison: HistoryData["comparison"]; latest: number }) {
  const { versions, comparison, latest } = props;
  const { t } = useLocale();
  return (
    <Form method="get" className="compare-versions">
      <fieldset>
        <legend>{t("history.compareLegend")}</legend>
        <VersionSelect
          id="van"
          label={t("history.from")}
          name={historyUrl.name("from")}
          defaultValue={comparison?.from ?? Math.max(0, latest - 1)}
          versions={versions}
        />
        <VersionSelect
          id="naar"
          label={t("history.to")}
          name={historyUrl.name("to")}
          defaultValue={comparison?.to ?? latest}
          versions={versions}
        />
        <button type="submit" className="button">
          {t("history.show")}
        </button>
      </fieldset>
    </Form>
  );
}

function VersionsTable({ versions, latest, canEdit }: { versions: Version[]; latest: number; canEdit: boolean }) {
  const { t } = useLocale();
  const navigation = useNavigation();
  return (
    <ScrollingTable captionId="history-caption">
      <table className="table">
        <caption id="history-caption" className="visually-hidden">
          {t("history.title")}
        </caption>
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
            <VersionRow
              key={v.number}
              version={v}
              latest={latest}
              canEdit={canEdit}
              submitting={navigation.state === "submitting"}
            />
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function VersionRow(props: { version: Version; latest: number; canEdit: boolean; submitting: boolean }) {
  const { version: v, latest, canEdit, submitting } = props;
  const { t, locale } = useLocale();
  return (
    <tr>
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
              <button type="submit" className="button button--plain" disabled={submitting}>
                {t("history.restore", { number: v.number })}
              </button>
            </Form>
          ) : null}
        </td>
      ) : null}
    </tr>
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

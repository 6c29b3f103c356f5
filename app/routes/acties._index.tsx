import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ActionList } from "~/components/action-list";
import { SelectField } from "~/components/forms";
import { mayReadChairedActions } from "~/domain/access/access.server";
import { actingFrom } from "~/domain/acting.server";
import { handleActionUpdate } from "~/domain/actions/action-forms.server";
import { actionQuerySchema, ACTION_SCOPES, ACTION_VIEWS } from "~/domain/actions/action.schema";
import { listActions } from "~/domain/actions/actions.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";
import { actionsUrl } from "~/utils/url-words";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("actions.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = actionQuerySchema.parse(actionsUrl.read(new URL(request.url).searchParams));
  return { query, chair: mayReadChairedActions(user), ...(await listActions(user, query, actingFrom(context))) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleActionUpdate(user, await request.formData(), actingFrom(context));
}

export default function ActionsPage() {
  const { t } = useLocale();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { query } = data;
  const chaired = query.scope === "chaired";
  const link = (view: string) => {
    return `/acties?${actionsUrl.write({ ...query, view })}`;
  };
  return (
    <section className="page" aria-labelledby="actions-title">
      <h1 id="actions-title">{t("actions.title")}</h1>
      {data.chair ? <ScopeTabs scope={query.scope} /> : null}
      <p>{t(chaired ? "actions.chairedIntro" : "actions.intro")}</p>
      <div role="status" aria-live="polite" className={result?.done ? "notice notice--success" : "visually-hidden"}>
        {result?.done ? t(result.done) : ""}
      </div>
      {data.offered.length > 0 ? (
        <section aria-labelledby="offered-title" className="form-section">
          <h2 id="offered-title">{t("actions.offeredTitle")}</h2>
          <p>{t("actions.offeredIntro")}</p>
          <ActionList actions={data.offered} members={data.members} result={result} level={3} offered />
        </section>
      ) : null}
      <nav aria-label={t("actions.viewsLabel")} className="tabs">
        <ul>
          {ACTION_VIEWS.map((view) => (
            <li key={view}>
              <Link to={link(view)} aria-current={query.view === view ? "page" : undefined}>
                {t(`actions.views.${view}`)} ({data.counts[view]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="search-form" aria-label={t("actions.filters")}>
        <input type="hidden" name={actionsUrl.name("view")} value={query.view} />
        <input type="hidden" name={actionsUrl.name("scope")} value={actionsUrl.value("scope", query.scope)} />
        <SelectField
          name={actionsUrl.name("caseReference")}
          label={t("actions.filterCase")}
          defaultValue={query.caseReference}
          options={[{ value: "", label: t("actions.anyCase") }, ...data.cases.map((c) => ({ value: c, label: c }))]}
        />
        <SelectField
          name={actionsUrl.name("meetingId")}
          label={t("actions.filterMeeting")}
          defaultValue={query.meetingId}
          options={[
            { value: "", label: t("actions.anyMeeting") },
            ...data.meetings.map((m) => ({ value: m.id, label: m.title })),
          ]}
        />
        {chaired ? null : (
          <SelectField
            name={actionsUrl.name("owner")}
            label={t("actions.filterOwner")}
            defaultValue={actionsUrl.value("owner", query.owner)}
            options={[
              { value: "", label: t("actions.anyOwner") },
              { value: actionsUrl.value("owner", "none"), label: t("actions.nobody") },
              ...data.members.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        )}
        <button type="submit" className="button">
          {t("actions.apply")}
        </button>
      </Form>
      <p className="result-count">{t("actions.count", { count: data.actions.length })}</p>
      <p className="actions">
        <a href={`/acties.csv?${actionsUrl.write(query)}`}>{t("actions.export.csv")}</a>
        {chaired ? null : <a href="/acties.ics">{t("actions.export.ics")}</a>}
      </p>
      <ActionList actions={data.actions} members={data.members} result={result} />
    </section>
  );
}

/** A chair chooses: her organisation's actions, or every organisation's from the meetings she chairs. */
function ScopeTabs({ scope }: { scope: (typeof ACTION_SCOPES)[number] }) {
  const { t } = useLocale();
  return (
    <nav aria-label={t("actions.scopeLabel")} className="tabs">
      <ul>
        {ACTION_SCOPES.map((s) => (
          <li key={s}>
            <Link to={`/acties?${actionsUrl.write({ scope: s })}`} aria-current={scope === s ? "page" : undefined}>
              {t(`actions.scopes.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

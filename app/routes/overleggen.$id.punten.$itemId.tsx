import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { AgendaItemEditor } from "~/components/agenda-item-editor";
import { actingFrom } from "~/domain/acting.server";
import { agendaItemForEdit, handleAgendaItemForm } from "~/domain/meetings/agenda-item-form.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => t("meetings.editItemTitle", { reference: data?.item.reference ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return agendaItemForEdit(user, params.id ?? "", params.itemId ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleAgendaItemForm(
    user,
    params.id ?? "",
    params.itemId ?? "",
    await request.formData(),
    actingFrom(context),
  );
}

export default function AgendaItemPage() {
  const { t } = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page page--narrow" aria-labelledby="edit-item-title">
      <p className="breadcrumb">
        <Link to={`/overleggen/${loaded.meeting.id}`}>{loaded.meeting.title}</Link>
      </p>
      <h1 id="edit-item-title">{t("meetings.editItemTitle", { reference: loaded.item.reference })}</h1>
      <AgendaItemEditor {...loaded} result={result} />
    </section>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ProfileForm } from "~/components/profile-form";
import { actingFrom } from "~/domain/acting.server";
import { handleProfileForm } from "~/domain/organisations/profile-form.server";
import type { ProfileFormData } from "~/domain/organisations/profile-form.server";
import { emptyProfile } from "~/domain/organisations/role-profile.schema";
import { getProfile, requireProfileEditor } from "~/domain/organisations/role-profiles.server";
import { formatDateTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => `${t("profileEdit.title")}: ${data?.organisation.name ?? ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  await requireProfileEditor(user, slug);
  const { organisation, profile, version } = await getProfile(user, slug);
  const initial: ProfileFormData = {
    values: profile ?? emptyProfile,
    changeSummary: "",
    baseVersion: version?.number ?? 0,
  };
  return { organisation, initial };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  // Who may edit is decided before anything in the form is read.
  await requireProfileEditor(user, slug);
  return handleProfileForm(user, slug, await request.formData(), actingFrom(context));
}

export default function EditProfilePage() {
  const { t, locale } = useLocale();
  const { organisation, initial } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <section className="page" aria-labelledby="edit-title">
      <p className="breadcrumb">
        <Link to={`/organisaties/${organisation.slug}`}>{organisation.name}</Link>
      </p>
      <h1 id="edit-title">
        {t("profileEdit.title")}: {organisation.name}
      </h1>
      <p>{t("profileEdit.intro")}</p>
      <ProfileForm
        slug={organisation.slug}
        state={actionData ?? initial}
        formatTime={(iso) => formatDateTime(iso, locale)}
      />
    </section>
  );
}

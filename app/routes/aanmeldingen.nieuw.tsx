import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guards.server";
import { ReferralForm } from "~/components/referral-form";
import { actingFrom } from "~/domain/acting.server";
import { handleReferralForm } from "~/domain/referrals/referral-forms.server";
import { referralFormOptions } from "~/domain/referrals/referrals.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale } from "~/i18n/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("referrals.newTitle"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const options = await referralFormOptions(user);
  const wanted = new URL(request.url).searchParams.get("casus") ?? "";
  const chosenCase = options.cases.some((c) => c.reference === wanted) ? wanted : "";
  return { options, chosenCase, ownOrganisationId: user.organisation.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleReferralForm(user, await request.formData(), actingFrom(context));
}

export default function NewReferralPage() {
  const { t } = useLocale();
  const { options, chosenCase, ownOrganisationId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page page--narrow" aria-labelledby="new-referral-title">
      <p className="breadcrumb">
        <Link to="/aanmeldingen">{t("referrals.title")}</Link>
      </p>
      <h1 id="new-referral-title">{t("referrals.newTitle")}</h1>
      <p>{t("referrals.newIntro")}</p>
      {options.cases.length === 0 ? (
        <p className="notice">
          {t("referrals.noOpenCases")} <Link to="/casussen/nieuw">{t("cases.newCase")}</Link>
        </p>
      ) : (
        <ReferralForm options={options} chosenCase={chosenCase} ownOrganisationId={ownOrganisationId} result={result} />
      )}
    </section>
  );
}

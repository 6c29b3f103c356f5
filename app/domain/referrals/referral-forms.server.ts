/** The referral forms: refer a case, triage it, and the platform admin's settings. */
import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { addCriterion, saveTriageSetting, setCriterionActive } from "./referral-settings.server";
import { criterionSchema, referralSchema, triageSchema, triageSettingSchema } from "./referral.schema";
import { createReferral } from "./referrals.server";
import { requireDecidable, triageReferral } from "./triage.server";

/** What a form sends back: the typed values (lists as lists), errors per field, a refusal, or done. */
export type ReferralFormData = {
  form: string;
  values: Record<string, string | string[]>;
  errors?: FormErrors;
  formError?: TranslationKey;
  done?: TranslationKey;
};

const text = (formData: FormData, name: string, max = 10_000) => formText(formData.get(name)).slice(0, max);
const list = (formData: FormData, name: string) =>
  formData
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .slice(0, 100)
    .map((v) => v.slice(0, 100));

async function answer(
  form: string,
  values: ReferralFormData["values"],
  run: () => Promise<{ errors: FormErrors } | { done: TranslationKey } | never>,
) {
  try {
    const result = await run();
    if ("errors" in result) return data<ReferralFormData>({ form, values, errors: result.errors }, { status: 400 });
    return data<ReferralFormData>({ form, values: {}, done: result.done });
  } catch (error) {
    return formRefusal(error, { form, values } as ReferralFormData);
  }
}

/** A new referral: valid and guarded, it is made and the referrer sees it; otherwise the typed text stays. */
export async function handleReferralForm(user: SessionUser, formData: FormData, meta: Acting) {
  const values = {
    caseReference: text(formData, "caseReference", 100),
    question: text(formData, "question"),
    criterionIds: list(formData, "criterionIds"),
    partnerOrganisationIds: list(formData, "partnerOrganisationIds"),
    urgency: text(formData, "urgency", 100),
    informed: text(formData, "informed", 100),
    notInformedReason: text(formData, "notInformedReason"),
    earlierCaseReference: text(formData, "earlierCaseReference", 100),
  };
  let createdId = "";
  const result = await answer("refer", values, async () => {
    const parsed = referralSchema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrorsFrom(parsed.error.issues) };
    createdId = (await createReferral(user, parsed.data, meta)).id;
    return { done: "referrals.made" };
  });
  if (createdId) throw redirect(`/aanmeldingen/${createdId}?nieuw=1`);
  return result;
}

/** Triage's decision on one referral. */
export async function handleTriageForm(user: SessionUser, referralId: string, formData: FormData, meta: Acting) {
  const values = {
    outcome: text(formData, "outcome", 100),
    meetingId: text(formData, "meetingId", 100),
    tableOrganisationIds: list(formData, "tableOrganisationIds"),
    timeboxMinutes: text(formData, "timeboxMinutes", 100),
    otherTable: text(formData, "otherTable"),
    reason: text(formData, "reason"),
  };
  return answer("triage", values, async () => {
    // Who does not decide this referral hears that it does not exist, before any field is read.
    await requireDecidable(user, referralId);
    const parsed = triageSchema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrorsFrom(parsed.error.issues) };
    await triageReferral(user, referralId, parsed.data, meta);
    return { done: "referrals.triaged" };
  });
}

/** The platform admin's settings page: deadlines, a criterion added, one switched off or on. */
export async function handleReferralSettingsForm(user: SessionUser, region: string, formData: FormData, meta: Acting) {
  const intent = text(formData, "intent", 100);
  if (intent === "deadlines") {
    const values = {
      version: text(formData, "version", 100),
      routineWorkingDays: text(formData, "routineWorkingDays", 100),
      urgentWorkingDays: text(formData, "urgentWorkingDays", 100),
    };
    return answer(intent, values, async () => {
      const parsed = triageSettingSchema.safeParse(values);
      if (!parsed.success) return { errors: fieldErrorsFrom(parsed.error.issues) };
      await saveTriageSetting(user, region, parsed.data, meta);
      return { done: "referrals.settings.saved" };
    });
  }
  if (intent === "addCriterion") {
    const values = { labelNl: text(formData, "labelNl"), labelEn: text(formData, "labelEn") };
    return answer(intent, values, async () => {
      const parsed = criterionSchema.safeParse(values);
      if (!parsed.success) return { errors: fieldErrorsFrom(parsed.error.issues) };
      await addCriterion(user, region, parsed.data, meta);
      return { done: "referrals.settings.criterionAdded" };
    });
  }
  if (intent === "enableCriterion" || intent === "disableCriterion") {
    const criterionId = text(formData, "criterionId", 100);
    return answer(intent, {}, async () => {
      await setCriterionActive(user, criterionId, intent === "enableCriterion", meta);
      return { done: "referrals.settings.criterionChanged" };
    });
  }
  throw badRequest("errors.unknownIntent");
}

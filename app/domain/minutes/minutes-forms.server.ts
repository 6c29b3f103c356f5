import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { amendAction, amendDecision } from "./minutes-amendments.server";
import { actionAmendmentSchema, amendmentSchema, approvalSchema, decisionAmendmentSchema } from "./minutes.schema";
import { amendMinutes, approveMinutes } from "./minutes.server";

export type MinutesFormData = {
  /** Which form answered: "approve", "amend", or the action's or decision's id it corrects. */
  form: string;
  values: Record<string, string>;
  errors?: FormErrors;
  formError?: TranslationKey;
};

const FIELDS: Record<string, string[]> = {
  approve: ["confirm"],
  amend: ["agendaItemId", "change", "reason"],
  amendAction: ["actionId", "version", "description", "dueDate", "ownerOrganisationId", "reason"],
  amendDecision: ["decisionId", "version", "text", "reason"],
};

/** The chair's forms on the minutes page: approve (confirmed), amend in words, correct an action or decision. */
export async function handleMinutesAction(user: SessionUser, meetingId: string, formData: FormData, meta: Acting) {
  const intent = formText(formData.get("intent"));
  // Own keys only: "constructor" is not an intent (the fuzzer sent it).
  const fields = Object.hasOwn(FIELDS, intent) ? FIELDS[intent] : undefined;
  if (!fields) throw badRequest("errors.unknownIntent");
  const values = Object.fromEntries(fields.map((k) => [k, formText(formData.get(k))]));
  const form = values.actionId || values.decisionId || intent;
  const invalid = (issues: Parameters<typeof fieldErrorsFrom>[0]) =>
    data<MinutesFormData>({ form, values, errors: fieldErrorsFrom(issues) }, { status: 400 });
  const done = `/overleggen/${meetingId}/verslag?gewijzigd`;
  try {
    if (intent === "approve") {
      // Asked after the access check: only the chair hears that approving needs a confirmation.
      await approveMinutes(user, meetingId, meta, approvalSchema.safeParse(values).success);
      throw redirect(`/overleggen/${meetingId}/verslag?vastgesteld`);
    }
    if (intent === "amendAction") {
      const parsed = actionAmendmentSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error.issues);
      await amendAction(user, meetingId, parsed.data, meta);
      throw redirect(done);
    }
    if (intent === "amendDecision") {
      const parsed = decisionAmendmentSchema.safeParse(values);
      if (!parsed.success) return invalid(parsed.error.issues);
      await amendDecision(user, meetingId, parsed.data, meta);
      throw redirect(done);
    }
    const parsed = amendmentSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    await amendMinutes(user, meetingId, parsed.data, meta);
    throw redirect(done);
  } catch (error) {
    return formRefusal(error, { form, values } as MinutesFormData);
  }
}

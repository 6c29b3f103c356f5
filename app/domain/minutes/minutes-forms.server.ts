import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { amendmentSchema } from "./minutes.schema";
import { amendMinutes, approveMinutes } from "./minutes.server";

export type MinutesFormData = { values: Record<string, string>; errors?: FormErrors; formError?: TranslationKey };

/** The chair's forms on the minutes page: approve, amend. */
export async function handleMinutesAction(user: SessionUser, meetingId: string, formData: FormData, meta: Acting) {
  const intent = formText(formData.get("intent"));
  const values = {
    agendaItemId: formText(formData.get("agendaItemId")),
    change: formText(formData.get("change")),
    reason: formText(formData.get("reason")),
  };
  try {
    if (intent === "approve") {
      await approveMinutes(user, meetingId, meta);
      throw redirect(`/overleggen/${meetingId}/verslag?vastgesteld`);
    }
    if (intent === "amend") {
      const parsed = amendmentSchema.safeParse(values);
      if (!parsed.success)
        return data<MinutesFormData>({ values, errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
      await amendMinutes(user, meetingId, parsed.data, meta);
      throw redirect(`/overleggen/${meetingId}/verslag?gewijzigd`);
    }
  } catch (error) {
    return formRefusal(error, { values } as MinutesFormData);
  }
  throw badRequest("errors.unknownIntent");
}

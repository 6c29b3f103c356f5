import { data } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { actionUpdateSchema } from "./action.schema";
import { updateAction } from "./actions.server";

export type ActionFormData = {
  actionId: string;
  values: Record<string, string>;
  errors?: FormErrors;
  formError?: TranslationKey;
  current?: { status: string; closeReason: string | null; version: number; ownerName: string | null };
  done?: TranslationKey;
};

/** The /acties form: one action's update. What was typed comes back with every refusal. */
export async function handleActionUpdate(user: SessionUser, formData: FormData, meta: Acting) {
  if (formText(formData.get("intent")) !== "update") throw badRequest("errors.unknownIntent");
  const values = Object.fromEntries(
    ["actionId", "version", "status", "closeReason", "ownerUserId", "note"].map((k) => [k, formText(formData.get(k))]),
  );
  const actionId = values.actionId ?? "";
  const parsed = actionUpdateSchema.safeParse(values);
  if (!parsed.success)
    return data<ActionFormData>({ actionId, values, errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
  try {
    const result = await updateAction(user, parsed.data, meta);
    if (!result.ok)
      return data<ActionFormData>(
        { actionId, values, formError: "actions.errors.stale", current: result.current },
        { status: 409 },
      );
    return data<ActionFormData>({
      actionId,
      values: {},
      done: parsed.data.status === "DONE" ? "actions.closed" : "actions.updated",
    });
  } catch (error) {
    return formRefusal(error, { actionId, values } as ActionFormData);
  }
}

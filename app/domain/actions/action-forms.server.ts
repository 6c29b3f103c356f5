import { data } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest, DomainError } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { answerOffer, correctOwnAction } from "./action-corrections.server";
import { actionCorrectionSchema, actionUpdateSchema, transferAnswerSchema } from "./action.schema";
import { updateAction } from "./actions.server";

export type ActionFormData = {
  actionId: string;
  /** Which of the action's forms answered: the update, the correction, or the answer to an offer. */
  intent: "update" | "correct" | "transfer";
  values: Record<string, string>;
  errors?: FormErrors;
  formError?: TranslationKey;
  current?: { status: string; closeReason: string | null; version: number; ownerName: string | null };
  done?: TranslationKey;
};

const FIELDS = {
  update: ["actionId", "version", "status", "closeReason", "ownerUserId", "note"],
  correct: ["actionId", "version", "description", "dueDate", "reason"],
  transfer: ["actionId", "version", "answer"],
} as const;

/** The /acties forms: one action's update, its correction, or the answer to an offer. What was typed comes back with every refusal. */
export async function handleActionUpdate(user: SessionUser, formData: FormData, meta: Acting) {
  const intent = formText(formData.get("intent"));
  if (intent !== "update" && intent !== "correct" && intent !== "transfer") throw badRequest("errors.unknownIntent");
  const values = Object.fromEntries(FIELDS[intent].map((k) => [k, formText(formData.get(k))]));
  const actionId = values.actionId ?? "";
  const base = { actionId, intent: intent as ActionFormData["intent"], values };
  try {
    if (intent === "correct") {
      const parsed = actionCorrectionSchema.safeParse(values);
      if (!parsed.success)
        return data<ActionFormData>({ ...base, errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
      await correctOwnAction(user, parsed.data, meta);
      return data<ActionFormData>({ ...base, values: {}, done: "actions.corrected" });
    }
    if (intent === "transfer") {
      const parsed = transferAnswerSchema.safeParse(values);
      if (!parsed.success) throw badRequest();
      const { accepted } = await answerOffer(user, parsed.data, meta);
      return data<ActionFormData>({
        ...base,
        values: {},
        done: accepted ? "actions.offerAccepted" : "actions.offerDeclined",
      });
    }
    const parsed = actionUpdateSchema.safeParse(values);
    if (!parsed.success)
      return data<ActionFormData>({ ...base, errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
    const result = await updateAction(user, parsed.data, meta);
    if (!result.ok)
      return data<ActionFormData>(
        { ...base, formError: "actions.errors.stale", current: result.current },
        { status: 409 },
      );
    return data<ActionFormData>({
      ...base,
      values: {},
      done: parsed.data.status === "DONE" ? "actions.closed" : "actions.updated",
    });
  } catch (error) {
    const current = error instanceof DomainError ? error.current : undefined;
    return formRefusal(error, { ...base, ...(current ? { current } : {}) } as ActionFormData);
  }
}

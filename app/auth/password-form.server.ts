import { data, redirect } from "@remix-run/node";
import { z } from "zod";

import type { Acting } from "~/domain/acting.server";
import { getEnv } from "~/env.server";
import { endSessionSockets } from "~/realtime/realtime.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { changePassword } from "./login.server";
import { passwordPolicy } from "./password-policy";
import type { ActiveSession } from "./session.server";
import { countFailure, isThrottled } from "./throttle.server";

export type PasswordFormData = { errors: FormErrors };

/** The password form. Passwords are never sent back to the page, also not after an error. */
export async function handlePasswordChange(session: ActiveSession, formData: FormData, meta: Acting) {
  const schema = z
    .object({
      current: z.string().min(1, "validation.required").max(256, "validation.tooLong"),
      next: passwordPolicy({ demoMode: getEnv().DEMO_MODE ?? false, email: session.user.email }),
      confirm: z.string(),
    })
    .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "password.errors.mismatch" });
  const parsed = schema.safeParse({
    current: formText(formData.get("current")),
    next: formText(formData.get("next")),
    confirm: formText(formData.get("confirm")),
  });
  if (!parsed.success) return data<PasswordFormData>({ errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
  // The current-password check is a password check: throttled per account and address.
  const throttleKey = `${session.user.id}:${meta.clientAddress ?? ""}`;
  if (await isThrottled("currentPassword", throttleKey))
    return data<PasswordFormData>(
      { errors: { current: { key: "password.errors.throttled", values: { minutes: getEnv().LOGIN_WINDOW_MINUTES } } } },
      { status: 429 },
    );
  const result = await changePassword(session.user, session.id, parsed.data, meta.clientAddress);
  if (!result.ok) {
    await countFailure("currentPassword", throttleKey);
    return data<PasswordFormData>({ errors: { current: { key: "password.errors.wrongCurrent" } } }, { status: 400 });
  }
  for (const id of result.endedSessions) endSessionSockets(id, "logout");
  throw redirect("/wachtwoord?gewijzigd");
}

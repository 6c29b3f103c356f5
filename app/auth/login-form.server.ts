import { z } from "zod";

import type { TranslationKey } from "~/i18n/keys";
import { asKey } from "~/i18n/keys";

/** Error messages are translation keys; the page translates them in the user's language. */
export const loginFormSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "login.errors.emailRequired")
    .max(254, "login.errors.emailTooLong")
    .pipe(z.email("login.errors.emailInvalid")),
  password: z.string().min(1, "login.errors.passwordRequired").max(200, "login.errors.passwordTooLong"),
  redirectTo: z.string().max(2000).optional(),
});

export type LoginFormErrors = Partial<Record<"email" | "password", TranslationKey>>;

export function parseLoginForm(formData: FormData) {
  const raw = {
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    redirectTo: formData.get("redirectTo") ?? undefined,
  };
  const result = loginFormSchema.safeParse(raw);
  if (result.success) return { ok: true as const, data: result.data };
  const errors: LoginFormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !errors[field]) errors[field] = asKey(issue.message);
  }
  return { ok: false as const, errors, email: typeof raw.email === "string" ? raw.email.slice(0, 254) : "" };
}

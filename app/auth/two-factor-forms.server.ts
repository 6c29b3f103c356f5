import { data, redirect } from "@remix-run/node";
import { z } from "zod";

import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import { asKey } from "~/i18n/keys";
import type { FieldError } from "~/utils/form-errors";
import { safeRedirect } from "~/utils/redirect";

import type { ActiveSession } from "./session.server";
import { commitSessionCookie, completeSecondFactor } from "./session.server";
import { countFailure } from "./throttle.server";
import {
  confirmEnrolment,
  disableSecondFactor,
  enrolledSince,
  regenerateRecoveryCodes,
  verifySecondFactor,
} from "./two-factor.server";

/** The code as typed: six digits or a recovery code; anything else is refused before a lookup. */
const codeSchema = z.string().trim().min(1, "twoFactor.errors.required").max(64, "twoFactor.errors.invalid");

const stepFormSchema = z.object({
  intent: z.enum(["verify", "enrol"]),
  code: codeSchema,
  redirectTo: z.string().max(2000).optional(),
});

const settingsFormSchema = z.object({
  intent: z.enum(["enrol", "renew", "disable"]),
  code: codeSchema,
});

export type TwoFactorFormData = {
  intent: string;
  error?: FieldError;
  recoveryCodes?: string[];
  redirectTo?: string;
};

type Failure = {
  reason: "invalid" | "replayed" | "none" | "not-enrolled" | "required" | "throttled";
  retryAfterMinutes?: number;
};

function failure(intent: string, result: Failure) {
  if (result.reason === "throttled") {
    return data<TwoFactorFormData>(
      { intent, error: { key: "twoFactor.errors.throttled", values: { minutes: result.retryAfterMinutes ?? 1 } } },
      { status: 429 },
    );
  }
  const key =
    result.reason === "replayed"
      ? "twoFactor.errors.replayed"
      : result.reason === "required"
        ? "twoFactor.errors.notRequired"
        : "twoFactor.errors.invalid";
  return data<TwoFactorFormData>({ intent, error: { key } }, { status: 400 });
}

const fields = (formData: FormData) =>
  Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));

function invalidForm(intent: unknown, issues: z.core.$ZodIssue[]) {
  const codeIssue = issues.find((i) => i.path[0] === "code");
  if (!codeIssue) throw badRequest("errors.unknownIntent");
  return data<TwoFactorFormData>(
    { intent: typeof intent === "string" ? intent : "verify", error: { key: asKey(codeIssue.message) } },
    { status: 400 },
  );
}

const throttledAddress = (intent: string) =>
  data<TwoFactorFormData>({ intent, error: { key: "login.throttledAddress" } }, { status: 429 });

/** The second step after the password: a code for an enrolled account, enrolment otherwise. */
export async function handleSecondStep(
  session: ActiveSession,
  formData: FormData,
  meta: { clientAddress: string | null; throttled: boolean },
) {
  if (formData.get("intent") === "continue") {
    if (!(await enrolledSince(session.user.id, session.createdAt))) throw badRequest("errors.setUpFirst");
    const full = await completeSecondFactor(session.id);
    const redirectTo = safeRedirect(formData.get("redirectTo"));
    throw redirect(redirectTo, { headers: { "Set-Cookie": await commitSessionCookie(full) } });
  }
  const parsed = stepFormSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidForm(formData.get("intent"), parsed.error.issues);
  const { intent, code } = parsed.data;
  if (meta.throttled) return throttledAddress(intent);
  const redirectTo = safeRedirect(parsed.data.redirectTo);

  if (intent === "enrol") {
    // The session stays half-open while the recovery codes are shown; "continue" completes it.
    const result = await confirmEnrolment(session.user, code, meta);
    if (!result.ok) {
      await countFailure("signIn", meta.clientAddress ?? "");
      return failure(intent, result);
    }
    return data<TwoFactorFormData>({ intent, recoveryCodes: result.recoveryCodes, redirectTo });
  }
  const result = await verifySecondFactor(session.user, code, meta);
  if (!result.ok) {
    // Failed codes and failed passwords share the address's limit.
    await countFailure("signIn", meta.clientAddress ?? "");
    return failure(intent, result);
  }
  const full = await completeSecondFactor(session.id);
  throw redirect(redirectTo, { headers: { "Set-Cookie": await commitSessionCookie(full) } });
}

/** The settings page: a member turns it on or off; anyone enrolled renews recovery codes. */
export async function handleTwoFactorSettings(session: ActiveSession, formData: FormData, meta: Acting) {
  const parsed = settingsFormSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidForm(formData.get("intent"), parsed.error.issues);
  const { intent, code } = parsed.data;
  if (intent === "enrol") {
    const result = await confirmEnrolment(session.user, code, meta);
    return result.ok
      ? data<TwoFactorFormData>({ intent, recoveryCodes: result.recoveryCodes })
      : failure(intent, result);
  }
  if (intent === "renew") {
    const result = await regenerateRecoveryCodes(session.user, code, meta);
    return result.ok
      ? data<TwoFactorFormData>({ intent, recoveryCodes: result.recoveryCodes })
      : failure(intent, result);
  }
  const result = await disableSecondFactor(session.user, code, meta);
  if (!result.ok) return failure(intent, result);
  throw redirect("/tweestapsverificatie?uitgezet");
}

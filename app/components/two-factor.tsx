import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";

import { useLocale } from "~/i18n/use-locale";
import type { FieldError } from "~/utils/form-errors";

import { TextField } from "./forms";

/** One code field (six digits or a recovery code) with its submit button, for one intent. */
export function CodeForm({
  intent,
  label,
  hint,
  submit,
  error,
  hidden = {},
  autoFocus = false,
}: {
  intent: string;
  label: string;
  hint?: string;
  submit: string;
  error?: FieldError;
  hidden?: Record<string, string>;
  autoFocus?: boolean;
}) {
  const { t } = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  // After a wrong code, focus goes back to the field (its error is read with it) for the next try;
  // every answer is a new object, so a second wrong code in a row does it again.
  useEffect(() => {
    if (error) document.getElementById(`code-${intent}`)?.focus();
  }, [error, intent]);
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField
        id={`code-${intent}`}
        name="code"
        label={label}
        hint={hint}
        error={error ? t(error.key, error.values) : undefined}
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={64}
        required
        autoFocus={autoFocus}
      />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {submit}
      </button>
    </Form>
  );
}

export type EnrolmentView = { secret: string; qrCode: string };

/** Scan or type the key, then confirm with the first code: enrolment is only kept when that works. */
export function EnrolmentPanel({
  enrolment,
  error,
  hidden,
}: {
  enrolment: EnrolmentView;
  error?: FieldError;
  hidden?: Record<string, string>;
}) {
  const { t } = useLocale();
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret;
  return (
    <div className="enrolment">
      <ol>
        <li>{t("twoFactor.stepApp")}</li>
        <li>{t("twoFactor.stepScan")}</li>
        <li>{t("twoFactor.stepCode")}</li>
      </ol>
      <img src={enrolment.qrCode} alt={t("twoFactor.qrAlt")} width={220} height={220} />
      <p>
        {t("twoFactor.secret")}: <code data-testid="totp-secret">{grouped}</code>
      </p>
      <CodeForm
        intent="enrol"
        label={t("twoFactor.firstCode")}
        submit={t("twoFactor.confirm")}
        error={error}
        hidden={hidden}
      />
    </div>
  );
}

/** The recovery codes, shown once; the heading takes focus so a screen reader starts here. */
export function RecoveryCodesPanel({ codes, children }: { codes: string[]; children?: ReactNode }) {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice notice--success" aria-labelledby="recovery-title">
      <h2 id="recovery-title" tabIndex={-1} ref={heading}>
        {t("twoFactor.recoveryTitle")}
      </h2>
      <p>{t("twoFactor.recoveryIntro")}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}

import { useEffect, useRef } from "react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

import { useLocale } from "~/i18n/use-locale";

export type FieldErrors = Record<string, string | undefined>;

/**
 * Lists every field error at the top of a form, with links to the fields. It takes focus when it
 * appears so that keyboard and screen-reader users learn at once that the form was not accepted.
 */
export function ErrorSummary({
  errors,
  labels,
  ids = {},
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  /** Where a field's control has an id other than its name (a form shown more than once on a page). */
  ids?: Record<string, string>;
}) {
  const { t } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  const signature = entries.map(([k, v]) => `${k}:${v}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title" className="error-summary__title">
        {t("form.errorSummaryTitle")}
      </h2>
      <p>{t("form.errorCount", { count: entries.length })}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${ids[field] ?? field}`}>
              {labels[field] ?? field}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FrameProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  /** Render the label as a section heading (a section that is a single field). */
  labelAsHeading?: boolean;
  children: (control: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
};

/** Label, hint and error around one control, wired up with aria-describedby and aria-invalid. */
export function FieldFrame({ id, label, error, hint, labelAsHeading, children }: FrameProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      {labelAsHeading ? (
        <h2 className="form-section__title">
          <label htmlFor={id}>{label}</label>
        </h2>
      ) : (
        <label htmlFor={id} className="field__label">
          {label}
        </label>
      )}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
    </div>
  );
}

type Common = { name: string; label: string; error?: string; hint?: string; labelAsHeading?: boolean };

export function TextField({
  name,
  label,
  error,
  hint,
  id = name,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(control) => <input name={name} className="field__input" {...control} {...input} />}
    </FieldFrame>
  );
}

export function TextAreaField({
  name,
  label,
  error,
  hint,
  labelAsHeading,
  id = name,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} labelAsHeading={labelAsHeading}>
      {(control) => <textarea name={name} className="field__input field__textarea" {...control} {...textarea} />}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  id = name,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {(control) => (
        <select name={name} className="field__input" {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** One checkbox with its label after it, and its error (a confirmation, say). */
export function CheckboxField({
  name,
  label,
  error,
  id = name,
  ...input
}: { name: string; label: string; error?: string; id?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          {...input}
        />{" "}
        {label}
      </label>
    </div>
  );
}

import type { AgendaActionData } from "~/domain/meetings/meeting-forms.server";
import type { Translate } from "~/i18n/keys";

export function errorsOf(result: AgendaActionData | undefined, form: string, t: Translate) {
  if (!result || result.form !== form)
    return { errors: {} as Record<string, string>, values: {} as AgendaActionData["values"], formError: undefined };
  return {
    errors: Object.fromEntries(Object.entries(result.errors ?? {}).map(([f, e]) => [f, t(e.key, e.values)])),
    values: result.values,
    formError: result.formError,
  };
}

export function OrganisationChecks({
  name,
  legend,
  hint,
  organisations,
  checked,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  organisations: { id: string; shortCode: string; name: string }[];
  checked: Set<string>;
  error?: string;
}) {
  return (
    <fieldset className="form-item" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="form-item__title">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <p className="field__error">{error}</p> : null}
      {organisations.map((o) => (
        <label key={o.id} className="checkbox">
          <input type="checkbox" name="tables" value={o.id} defaultChecked={checked.has(o.id)} /> {o.name} (
          {o.shortCode})
        </label>
      ))}
    </fieldset>
  );
}

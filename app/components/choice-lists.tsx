/** A group of checkboxes or radio buttons in a fieldset: legend, hint and error wired to the group. */
export function ChoiceList({
  name,
  id = name,
  type,
  legend,
  hint,
  error,
  options,
  checked,
}: {
  name: string;
  /** When the same field appears in several forms on one page. */
  id?: string;
  type: "checkbox" | "radio";
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: ReadonlySet<string>;
}) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset
      className={error ? "form-item field--invalid" : "form-item"}
      id={id}
      tabIndex={-1}
      aria-describedby={described || undefined}
    >
      <legend className="form-item__title">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type={type} name={name} value={o.value} defaultChecked={checked.has(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

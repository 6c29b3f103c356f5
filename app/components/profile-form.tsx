import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

import type { ProfileFormData } from "~/domain/organisations/profile-form.server";
import type { Overlap } from "~/domain/organisations/profile-save.server";
import type { ListSection, RoleProfile } from "~/domain/organisations/role-profile.schema";
import type { Translate } from "~/i18n/keys";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";
import type { FormErrors } from "~/utils/form-errors";

import { ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { ProfileChanges } from "./profile-changes";

type FieldSpec = { field: string; multiline?: boolean; type?: string; select?: string[] };

const itemFields: Record<ListSection, FieldSpec[]> = {
  capabilities: [{ field: "title" }, { field: "explanation", multiline: true }],
  limits: [{ field: "title" }, { field: "explanation", multiline: true }],
  legalBases: [{ field: "law" }, { field: "article" }, { field: "allows", multiline: true }],
  sharingRules: [
    { field: "kind", select: ["shares", "never"] },
    { field: "what" },
    { field: "withWhom" },
    { field: "conditions", multiline: true },
  ],
  contacts: [
    { field: "role" },
    { field: "name" },
    { field: "workEmail", type: "email" },
    { field: "workPhone", type: "tel" },
    { field: "deputy" },
  ],
};
const reachabilityFields: FieldSpec[] = [
  { field: "officeHours" },
  { field: "urgentRoute", multiline: true },
  { field: "functionalMailbox", type: "email" },
  { field: "functionalPhone", type: "tel" },
  { field: "responseTimes", multiline: true },
];

type Props = {
  slug: string;
  state: ProfileFormData;
  formatTime: (iso: string) => string;
};

type Message = (name: string) => string | undefined;

/** One field of the profile, as its spec says: a select, a text area or a text input. */
function ProfileInput({
  name,
  spec,
  value,
  label,
  message,
}: {
  name: string;
  spec: FieldSpec;
  value: string;
  label: string;
  message: Message;
}) {
  const { t } = useLocale();
  if (spec.select) {
    return (
      <SelectField
        name={name}
        label={label}
        defaultValue={value}
        error={message(name)}
        options={spec.select.map((option) => ({ value: option, label: t(asKey(`profile.sharingKinds.${option}`)) }))}
      />
    );
  }
  const Field = spec.multiline ? TextAreaField : TextField;
  return (
    <Field
      name={name}
      label={label}
      defaultValue={value}
      error={message(name)}
      {...(spec.type ? { type: spec.type } : {})}
      rows={spec.multiline ? 2 : undefined}
    />
  );
}

/** A section of rows (capabilities, contacts, …): each row its fields and a remove button, then add. */
function ProfileListSection({
  section,
  values,
  message,
}: {
  section: ListSection;
  values: RoleProfile;
  message: Message;
}) {
  const { t } = useLocale();
  return (
    <fieldset className="form-section">
      <legend>
        <h2 className="form-section__title">{t(`profile.sections.${section}`)}</h2>
      </legend>
      {message(`profile.${section}`) ? <p className="field__error">{message(`profile.${section}`)}</p> : null}
      {(values[section] as Record<string, string>[]).map((item, i) => {
        const itemLabel = t(`profile.item.${section}`, { n: i + 1 });
        return (
          <fieldset className="form-item" key={i}>
            <legend className="form-item__title">{itemLabel}</legend>
            {itemFields[section].map((spec) => (
              <ProfileInput
                key={`profile.${section}.${i}.${spec.field}`}
                name={`profile.${section}.${i}.${spec.field}`}
                spec={spec}
                value={item[spec.field] ?? ""}
                label={t(asKey(`profile.fields.${spec.field}`))}
                message={message}
              />
            ))}
            <button
              type="submit"
              name="intent"
              value={`remove:${section}:${i}`}
              formNoValidate
              className="button button--plain"
            >
              {t("profileEdit.removeLabel", { item: itemLabel })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="submit"
        name="intent"
        value={`add:${section}`}
        id={`add-${section}`}
        formNoValidate
        className="button button--secondary-dark"
      >
        {t(`profile.add.${section}`)}
      </button>
    </fieldset>
  );
}

function ReachabilitySection({ values, message }: { values: RoleProfile; message: Message }) {
  const { t } = useLocale();
  return (
    <fieldset className="form-section">
      <legend>
        <h2 className="form-section__title">{t("profile.sections.reachability")}</h2>
      </legend>
      {reachabilityFields.map((spec) => (
        <ProfileInput
          key={`profile.reachability.${spec.field}`}
          name={`profile.reachability.${spec.field}`}
          spec={spec}
          value={values.reachability[spec.field as keyof RoleProfile["reachability"]]}
          label={t(asKey(`profile.fields.${spec.field}`))}
          message={message}
        />
      ))}
    </fieldset>
  );
}

function unitLabel(unit: string, t: Translate): string {
  const [head, field] = unit.split(".");
  return field
    ? `${t(asKey(`profile.sections.${head}`))} · ${t(asKey(`profile.fields.${field}`))}`
    : t(asKey(`profile.sections.${head}`));
}

/** One field both saves changed: the other's text, and the editor's choice. */
function OverlapChoice({
  overlap,
  other,
  chosen,
  error,
}: {
  overlap: Overlap;
  other: string;
  chosen: string | undefined;
  error: string | undefined;
}) {
  const { t } = useLocale();
  const name = `choice.${overlap.unit}`;
  return (
    <fieldset className={error ? "form-item field--invalid" : "form-item"} data-testid="overlap">
      <legend className="form-item__title">{unitLabel(overlap.unit, t)}</legend>
      <p className="hint">{t("profileEdit.theirText", { name: other })}</p>
      <blockquote className="overlap__theirs">{overlap.theirs || "—"}</blockquote>
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {(["mine", "theirs"] as const).map((choice) => (
        <label className="checkbox" key={choice}>
          <input
            type="radio"
            name={name}
            value={choice}
            id={choice === "mine" ? name : `${name}-theirs`}
            defaultChecked={chosen === choice}
            aria-describedby={error ? `${name}-error` : undefined}
          />{" "}
          {choice === "mine" ? t("profileEdit.keepMine") : t("profileEdit.takeTheirs", { name: other })}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Someone saved a version meanwhile — a colleague, or the editor in another tab: who, when, what
 * changed; for fields both changed, a choice each. Takes focus, so the editor hears it at once.
 */
function ConflictNotice({
  state,
  formatTime,
  message,
}: {
  state: ProfileFormData;
  formatTime: Props["formatTime"];
  message: Message;
}) {
  const { t } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const { conflict } = state;
  useEffect(() => {
    if (conflict) ref.current?.focus();
  }, [conflict]);
  if (!conflict) return null;
  const other = conflict.byYou ? t("profileEdit.yourOtherTab") : conflict.authorName;
  const values = { number: conflict.number, author: conflict.authorName, time: formatTime(conflict.createdAt) };
  return (
    <div className="notice notice--error conflict" role="alert" id="conflict" tabIndex={-1} ref={ref}>
      <h2>{conflict.byYou ? t("profileEdit.conflictByYouTitle") : t("profileEdit.conflictTitle")}</h2>
      <p>
        {conflict.byYou
          ? t("profileEdit.conflictByYouText", values)
          : conflict.overlaps.length
            ? t("profileEdit.conflictOverlapText", values)
            : t("profileEdit.conflictText", values)}
      </p>
      <ProfileChanges changes={conflict.changes} />
      {conflict.overlaps.length ? (
        <>
          <input type="hidden" name="overlaps" value={conflict.overlaps.map((o) => o.unit).join(",")} />
          <p>{t("profileEdit.chooseIntro", { count: conflict.overlaps.length })}</p>
          {conflict.overlaps.map((overlap) => (
            <OverlapChoice
              key={overlap.unit}
              overlap={overlap}
              other={other}
              chosen={state.choices?.[overlap.unit]}
              error={message(`choice.${overlap.unit}`)}
            />
          ))}
        </>
      ) : null}
    </div>
  );
}

function SaveSection({
  slug,
  state,
  busy,
  message,
}: {
  slug: string;
  state: ProfileFormData;
  busy: boolean;
  message: Message;
}) {
  const { t } = useLocale();
  return (
    <div className="form-section form-section--save">
      <TextField
        name="changeSummary"
        label={t("profileEdit.changeSummary")}
        hint={t("profileEdit.changeSummaryHint")}
        defaultValue={state.changeSummary}
        error={message("changeSummary")}
        maxLength={200}
      />
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {busy ? t("profileEdit.saving") : t("profileEdit.save")}
        </button>
        <button type="submit" name="intent" value="review" className="button button--secondary-dark" disabled={busy}>
          {t("profileEdit.markReviewed")}
        </button>
        <Link to={`/organisaties/${slug}`}>{t("profileEdit.cancel")}</Link>
      </div>
    </div>
  );
}

export function ProfileForm({ slug, state, formatTime }: Props) {
  const { t } = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { values, errors = {} } = state;
  const message = (name: string) => {
    const error = errors[name];
    return error ? t(error.key, error.values) : undefined;
  };

  // After adding or removing a row, put the keyboard where the work continues.
  useEffect(() => {
    if (state.focus) document.getElementById(state.focus)?.focus();
  }, [state]);

  const labels = summaryLabels(errors, t);
  const summaryErrors = Object.fromEntries(Object.keys(errors).map((k) => [k, message(k)]));

  return (
    <Form method="post" noValidate className="form profile-form" key={JSON.stringify(state)}>
      {/* Enter in a field saves (the first submit button is the form's default). */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="baseVersion" value={state.baseVersion} />

      <div aria-live="polite" className="visually-hidden">
        {state.announce
          ? t(state.announce.key, { item: t(`profile.item.${state.announce.section}`, { n: state.announce.n }) })
          : ""}
      </div>

      <ConflictNotice state={state} formatTime={formatTime} message={message} />
      {state.formError ? (
        <p className="notice notice--error" role="alert">
          {t(state.formError)}
        </p>
      ) : null}
      <ErrorSummary errors={summaryErrors} labels={labels} />

      <div className="form-section">
        <TextAreaField
          labelAsHeading
          name="profile.mission"
          label={t("profile.sections.mission")}
          defaultValue={values.mission}
          error={message("profile.mission")}
          rows={4}
        />
      </div>
      {(["capabilities", "limits", "legalBases", "sharingRules"] as const).map((section) => (
        <ProfileListSection key={section} section={section} values={values} message={message} />
      ))}
      <ReachabilitySection values={values} message={message} />
      <ProfileListSection section="contacts" values={values} message={message} />
      <div className="form-section">
        <TextAreaField
          labelAsHeading
          name="profile.escalationRoute"
          label={t("profile.sections.escalationRoute")}
          defaultValue={values.escalationRoute}
          error={message("profile.escalationRoute")}
          rows={2}
        />
      </div>

      <SaveSection slug={slug} state={state} busy={busy} message={message} />
    </Form>
  );
}

/** "Mogelijkheid 2 · Omschrijving" for each field with an error, for the error summary. */
function summaryLabels(errors: FormErrors, t: Translate) {
  const labels: Record<string, string> = {};
  for (const path of Object.keys(errors)) {
    const parts = path.split(".");
    if (path === "changeSummary") labels[path] = t("profileEdit.changeSummary");
    else if (path.startsWith("choice.")) labels[path] = unitLabel(path.slice("choice.".length), t);
    else if (parts.length === 2) labels[path] = t(asKey(`profile.sections.${parts[1]}`));
    else if (parts[1] === "reachability") labels[path] = t(asKey(`profile.fields.${parts[2]}`));
    else if (parts.length === 4)
      labels[path] =
        `${t(asKey(`profile.item.${parts[1]}`), { n: Number(parts[2]) + 1 })} · ${t(asKey(`profile.fields.${parts[3]}`))}`;
    else labels[path] = path;
  }
  return labels;
}

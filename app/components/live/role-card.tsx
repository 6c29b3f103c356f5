import { useState } from "react";
import type { FormEvent } from "react";

import { SelectField, TextAreaField } from "~/components/forms";
import { useLocale } from "~/i18n/use-locale";
import type { RoleCardView } from "~/realtime/events";

import { FormStatus, useFieldError, useLive } from "./live-context";
import { formValues, useLiveForm } from "./use-live-form";

function ProfileExcerpt({ card }: { card: RoleCardView }) {
  const { t } = useLocale();
  const list = (items: string[]) =>
    items.length ? (
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    ) : (
      <p className="hint">{t("live.card.none")}</p>
    );
  return (
    <details className="role-card__profile">
      <summary>{t("live.card.fromProfile", { version: card.profile.profileVersion })}</summary>
      <h5>{t("live.card.offers")}</h5>
      {list(card.profile.offers)}
      <h5>{t("live.card.limits")}</h5>
      {list(card.profile.limits)}
      <h5>{t("live.card.legalBases")}</h5>
      {list(card.profile.legalBases.map((b) => `${b.label}: ${b.allows}`))}
    </details>
  );
}

function CardFacts({ card }: { card: RoleCardView }) {
  const { t } = useLocale();
  const value = (text: string) => text || t("live.card.empty");
  return (
    <dl className="role-card__facts">
      <dt>{t("live.card.roleInCase")}</dt>
      <dd>{value(card.roleInCase)}</dd>
      <dt>{t("live.card.knowledge")}</dt>
      <dd>
        {value(card.knowledge)}
        {card.knowledge ? <span className="hint"> ({card.knowledgeLegalBasis})</span> : null}
      </dd>
      <dt>{t("live.card.contribution")}</dt>
      <dd>{value(card.contribution)}</dd>
      <dt>{t("live.card.limitsHere")}</dt>
      <dd>{value(card.limitsHere)}</dd>
    </dl>
  );
}

/**
 * The form's state: the version it started from, the defaults it shows and whether the user is
 * typing. Not typing, it follows the saved card; typing, a colleague's save does not replace it.
 */
function useRoleCardForm(card: RoleCardView) {
  const { send } = useLive();
  const { state, submit } = useLiveForm(send);
  const fieldError = useFieldError(state.errors);
  const [baseVersion, setBaseVersion] = useState(card.version);
  const [defaults, setDefaults] = useState(card);
  const [formKey, setFormKey] = useState(0);
  const [dirty, setDirty] = useState(false);

  // Not typing: follow the saved card as it changes (state adjusted while rendering, no effect).
  if (!dirty && card.version !== baseVersion) {
    setBaseVersion(card.version);
    setDefaults(card);
    setFormKey((k) => k + 1);
  }

  const save = async (form: HTMLFormElement, version: number) => {
    const values = formValues(form);
    const ack = await submit("live:roleCard:save", {
      cardId: card.id,
      version,
      roleInCase: values.roleInCase ?? "",
      knowledge: values.knowledge ?? "",
      knowledgeLegalBasis: values.knowledgeLegalBasis ?? "",
      contribution: values.contribution ?? "",
      limitsHere: values.limitsHere ?? "",
    });
    if (ack.ok && ack.data.change.kind === "roleCard") {
      setDirty(false);
      setBaseVersion(ack.data.change.roleCard.version);
      setDefaults(ack.data.change.roleCard);
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(event.currentTarget, baseVersion);
  };
  const takeTheirs = () => {
    setDirty(false);
    setBaseVersion(card.version);
    setDefaults(card);
    setFormKey((k) => k + 1);
  };
  const conflict = state.status === "error" && state.current ? (state.current as RoleCardView) : null;
  return { state, fieldError, baseVersion, defaults, formKey, dirty, setDirty, save, onSubmit, takeTheirs, conflict };
}

/** Saving on an old version was refused: the current card, and the choice between the two. */
function ConflictNotice({
  conflict,
  save,
  takeTheirs,
}: {
  conflict: RoleCardView;
  save: (form: HTMLFormElement, version: number) => Promise<void>;
  takeTheirs: () => void;
}) {
  const { t } = useLocale();
  return (
    <div className="notice notice--warning" role="alert">
      <p>{t("live.card.conflict")}</p>
      <h5>{t("live.card.current")}</h5>
      <CardFacts card={conflict} />
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={(event) => {
            const form = event.currentTarget.form;
            if (form) void save(form, conflict.version);
          }}
        >
          {t("live.card.keepMine")}
        </button>
        <button type="button" className="button button--secondary" onClick={takeTheirs}>
          {t("live.card.takeTheirs")}
        </button>
      </div>
    </div>
  );
}

function RoleCardFields({
  card,
  defaults,
  open,
  fieldError,
}: {
  card: RoleCardView;
  defaults: RoleCardView;
  open: boolean;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useLocale();
  const id = (field: string) => `card-${card.id}-${field}`;
  const legalBases = card.profile.legalBases.map((b) => ({ value: b.label, label: b.label }));
  return (
    <fieldset className="live-form__fields" disabled={!open}>
      <TextAreaField
        id={id("roleInCase")}
        name="roleInCase"
        label={t("live.card.roleInCase")}
        defaultValue={defaults.roleInCase}
        error={fieldError("roleInCase")}
        rows={2}
      />
      <TextAreaField
        id={id("knowledge")}
        name="knowledge"
        label={t("live.card.knowledge")}
        hint={t("live.card.knowledgeHint")}
        defaultValue={defaults.knowledge}
        error={fieldError("knowledge")}
        rows={3}
      />
      <SelectField
        id={id("knowledgeLegalBasis")}
        name="knowledgeLegalBasis"
        label={t("live.card.knowledgeLegalBasis")}
        defaultValue={defaults.knowledgeLegalBasis}
        error={fieldError("knowledgeLegalBasis")}
        options={[{ value: "", label: t("live.card.chooseLegalBasis") }, ...legalBases]}
      />
      <TextAreaField
        id={id("contribution")}
        name="contribution"
        label={t("live.card.contribution")}
        defaultValue={defaults.contribution}
        error={fieldError("contribution")}
        rows={2}
      />
      <TextAreaField
        id={id("limitsHere")}
        name="limitsHere"
        label={t("live.card.limitsHere")}
        defaultValue={defaults.limitsHere}
        error={fieldError("limitsHere")}
        rows={2}
      />
      <button type="submit" className="button">
        {t("live.card.save")}
      </button>
    </fieldset>
  );
}

/**
 * The own organisation's card. The form remembers the version it started from: a colleague's save
 * meanwhile does not replace what this user is typing, and saving on the old version is refused by
 * the server with the current card, shown next to the user's own text.
 */
function RoleCardForm({ card, open }: { card: RoleCardView; open: boolean }) {
  const { t } = useLocale();
  const { state, fieldError, baseVersion, defaults, formKey, dirty, setDirty, save, onSubmit, takeTheirs, conflict } =
    useRoleCardForm(card);
  // Closed (or the meeting ended) while typing: the text stays, disabled, with a notice.
  if (!open && !dirty) return <CardFacts card={card} />;

  return (
    <form
      key={formKey}
      className="live-form role-card__form"
      onSubmit={onSubmit}
      onInput={() => setDirty(true)}
      aria-labelledby={`card-${card.id}-title`}
      noValidate
    >
      {open ? null : <p className="notice notice--warning">{t("live.closedWhileTyping")}</p>}
      {dirty && card.version > baseVersion && !conflict ? (
        <p className="notice notice--warning">{t("live.card.changedMeanwhile")}</p>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} save={save} takeTheirs={takeTheirs} /> : null}
      <RoleCardFields card={card} defaults={defaults} open={open} fieldError={fieldError} />
      <FormStatus state={state} />
    </form>
  );
}

export function RoleCard({ card, mayEdit, open }: { card: RoleCardView; mayEdit: boolean; open: boolean }) {
  const { t } = useLocale();
  const { orgName, editable, flash } = useLive();
  return (
    <article className={`role-card${flash(card.id)}`} aria-labelledby={`card-${card.id}-title`} data-testid="role-card">
      <h4 id={`card-${card.id}-title`}>
        {t("live.card.title", { organisation: orgName(card.organisationId) })}{" "}
        <span className={card.completed ? "badge" : "badge badge--outdated"}>
          {card.completed ? t("live.card.completed") : t("live.card.notCompleted")}
        </span>
      </h4>
      <ProfileExcerpt card={card} />
      {mayEdit ? <RoleCardForm card={card} open={editable && open} /> : <CardFacts card={card} />}
    </article>
  );
}

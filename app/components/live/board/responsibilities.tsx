import type { FormEvent } from "react";

import { SelectField } from "~/components/forms";
import type { ItemCapabilities } from "~/domain/access/access.server";
import { INVOLVEMENTS, isInvolvement } from "~/domain/live/live-enums";
import { useLocale } from "~/i18n/use-locale";
import type { Involvement } from "~/realtime/events";

import { FormStatus, useLive } from "../live-context";
import { formValues, useLiveForm } from "../use-live-form";

import type { ItemProps } from "./item-props";

function ResponsibilityRow({
  itemId,
  can,
  organisationId,
  involvement,
  version,
}: {
  itemId: string;
  can: ItemCapabilities;
  organisationId: string;
  involvement: Involvement | null;
  version: number;
}) {
  const { t } = useLocale();
  const { send, orgName, flash } = useLive();
  const { state, submit } = useLiveForm(send);
  const options = INVOLVEMENTS.filter((i) => can.setLead || i !== "LEADS");
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = formValues(event.currentTarget).involvement ?? "";
    void submit("live:responsibility:set", {
      itemId,
      organisationId,
      involvement: isInvolvement(value) ? value : null,
      version,
    });
  };
  const label = involvement ? t(`live.involvement.${involvement}`) : t("live.involvement.none");
  // Whoever may not name the lead may not unseat it either: the current lead's row stays as it is.
  const mayEdit = can.setInvolvementOf.includes(organisationId) && (can.setLead || involvement !== "LEADS");
  return (
    <li className={`responsibility${flash("responsibilities")}`}>
      <span className="responsibility__org">{orgName(organisationId)}</span>
      {mayEdit ? (
        <form className="live-form live-form--inline" onSubmit={onSubmit}>
          <SelectField
            key={`${version}`}
            id={`resp-${itemId}-${organisationId}`}
            name="involvement"
            label={t("live.involvement.label", { organisation: orgName(organisationId) })}
            defaultValue={involvement ?? ""}
            options={[
              { value: "", label: t("live.involvement.none") },
              ...options.map((i) => ({ value: i, label: t(`live.involvement.${i}`) })),
            ]}
          />
          <button type="submit" className="button button--secondary">
            {t("live.involvement.save")}
          </button>
          <FormStatus state={state} />
        </form>
      ) : (
        <span className="badge">{label}</span>
      )}
    </li>
  );
}

export function Responsibilities({ itemId, board, can, open }: ItemProps) {
  const { t } = useLocale();
  const { orgName, editable } = useLive();
  const lead = board.responsibilities.find((r) => r.involvement === "LEADS");
  return (
    <section aria-labelledby={`resp-title-${itemId}`} className="live-section">
      <h3 id={`resp-title-${itemId}`}>{t("live.sections.responsibilities")}</h3>
      <p>
        <strong>{t("live.involvement.lead")}:</strong>{" "}
        {lead ? orgName(lead.organisationId) : t("live.involvement.noLead")}
      </p>
      {editable && open ? (
        <>
          {!can.setLead ? <p className="hint">{t("live.involvement.memberHint")}</p> : null}
          <ul className="responsibilities">
            {board.responsibilities.map((r) => (
              <ResponsibilityRow key={r.organisationId} itemId={itemId} can={can} {...r} />
            ))}
          </ul>
        </>
      ) : (
        <ul className="responsibilities">
          {board.responsibilities.map((r) => (
            <li key={r.organisationId}>
              {orgName(r.organisationId)}:{" "}
              {r.involvement ? t(`live.involvement.${r.involvement}`) : t("live.involvement.none")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

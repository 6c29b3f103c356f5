import { Form } from "@remix-run/react";

import { needStatusText } from "~/domain/live/need-status";
import type { AmendmentChanges } from "~/domain/minutes/minutes-amendments.server";
import type { MinutesFormData } from "~/domain/minutes/minutes-forms.server";
import type { MinutesContent } from "~/domain/minutes/minutes.server";
import { formatDate, formatDateTime } from "~/i18n/format";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

import { SelectField, TextAreaField } from "./forms";
import type { Amendable } from "./minutes-corrections";
import { AmendmentChangeLines, ItemCorrections } from "./minutes-corrections";

type Amendment = {
  id: string;
  agendaItemId: string | null;
  at: string;
  byName: string;
  change: string;
  reason: string;
  kind: "TEXT" | "ACTION" | "DECISION";
  changes: AmendmentChanges | null;
};

function AmendmentList({ amendments, orgByCode }: { amendments: Amendment[]; orgByCode: (code: string) => string }) {
  const { t, locale } = useLocale();
  if (amendments.length === 0) return null;
  return (
    <ul className="amendments">
      {amendments.map((a) => (
        <li key={a.id} data-testid="amendment">
          <strong>{t("minutes.amendmentBy", { name: a.byName, date: formatDateTime(a.at, locale) })}</strong>{" "}
          {a.kind !== "TEXT" && a.changes ? <AmendmentChangeLines changes={a.changes} org={orgByCode} /> : a.change}{" "}
          <span className="hint">({t("minutes.because", { reason: a.reason })})</span>
        </li>
      ))}
    </ul>
  );
}

type Item = MinutesContent["items"][number];
type OrgName = (id: string | null) => string;

function Attendance({ content, org }: { content: MinutesContent; org: OrgName }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t("minutes.attendance")}</h2>
      {content.attendance.length === 0 ? <p className="hint">{t("minutes.noAttendance")}</p> : null}
      <ul>
        {content.attendance.map((a) => (
          <li key={a.organisationId}>
            <strong>{org(a.organisationId)}</strong>: {a.people.join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who is responsible for what, and each organisation's role card. */
function ItemRoles({ item, org }: { item: Item; org: OrgName }) {
  const { t } = useLocale();
  return (
    <>
      <h3>{t("live.sections.responsibilities")}</h3>
      <ul>
        {item.responsibilities.map((r) => (
          <li key={r.organisationId}>
            {org(r.organisationId)}:{" "}
            {r.involvement ? t(asKey(`live.involvement.${r.involvement}`)) : t("live.involvement.none")}
          </li>
        ))}
      </ul>
      <h3>{t("live.sections.roleCards")}</h3>
      <ul>
        {item.roleCards.map((c) => (
          <li key={c.organisationId}>
            <strong>{org(c.organisationId)}:</strong> {c.roleInCase || t("live.card.empty")}
            {c.contribution ? <> — {c.contribution}</> : null}
            {c.limitsHere ? (
              <>
                {" "}
                ({t("live.card.limitsHere")}: {c.limitsHere})
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function ItemNeeds({ item, org }: { item: Item; org: OrgName }) {
  const { t } = useLocale();
  return (
    <>
      <h3>{t("live.sections.needs")}</h3>
      {item.needs.length === 0 ? <p className="hint">{t("live.need.none")}</p> : null}
      <ul>
        {item.needs.map((n, i) => (
          <li key={i}>
            <strong>{org(n.organisationId)}:</strong> {n.text} — {needStatusText(t, n, org)}
            {n.note ? <> ({n.note})</> : null}
          </li>
        ))}
      </ul>
      {item.closedWithOpenNeeds ? <p className="notice notice--warning">{t("live.closedWithOpenNeeds")}</p> : null}
    </>
  );
}

/** What was decided (with any dissent) and which actions were agreed. */
function ItemOutcome({ item, org }: { item: Item; org: OrgName }) {
  const { t, locale } = useLocale();
  return (
    <>
      <h3>{t("live.sections.decisions")}</h3>
      {item.decisions.length === 0 ? <p className="hint">{t("live.decision.none")}</p> : null}
      <ul>
        {item.decisions.map((d, i) => (
          <li key={i}>
            {d.text}
            {d.earlierTexts.map((earlier, k) => (
              <div key={`earlier-${k}`} className="hint">
                {t("live.decision.earlier", { text: earlier })}
              </div>
            ))}
            {d.dissents.map((x) => (
              <div key={x.organisationId} className="hint">
                {t("live.decision.dissentBy", { organisation: org(x.organisationId), reason: x.reason })}
              </div>
            ))}
          </li>
        ))}
      </ul>
      <h3>{t("live.sections.actions")}</h3>
      {item.actions.length === 0 ? <p className="hint">{t("live.action.none")}</p> : null}
      <ul>
        {item.actions.map((a, i) => (
          <li key={i}>
            {a.description} — {org(a.ownerOrganisationId)}
            {a.ownerName ? ` (${a.ownerName})` : ""},{" "}
            {t("actions.due", { date: formatDate(`${a.dueDate}T12:00:00Z`, locale) })}
          </li>
        ))}
      </ul>
    </>
  );
}

type Corrections = { amendable: Amendable | null; result: MinutesFormData | undefined };

function MinutesItem({
  item,
  org,
  orgByCode,
  amendments,
  corrections,
}: {
  item: Item;
  org: OrgName;
  orgByCode: (code: string) => string;
  amendments: Amendment[];
  corrections: Corrections;
}) {
  const { t } = useLocale();
  return (
    <section aria-labelledby={`minutes-item-${item.id}`} className="minutes-item" data-testid="minutes-item">
      <h2 id={`minutes-item-${item.id}`}>
        {t("meetings.itemHeading", { n: item.position, reference: item.reference })}
      </h2>
      <p>
        <strong>{t("live.question")}:</strong> {item.question}
      </p>
      <p>
        <strong>{t("live.atTable")}:</strong> {item.tableOrganisationIds.map(org).join(", ")}
      </p>
      <ItemRoles item={item} org={org} />
      <ItemNeeds item={item} org={org} />
      <ItemOutcome item={item} org={org} />
      <AmendmentList amendments={amendments.filter((a) => a.agendaItemId === item.id)} orgByCode={orgByCode} />
      {corrections.amendable ? (
        <ItemCorrections
          itemId={item.id}
          tables={item.tableOrganisationIds}
          amendable={corrections.amendable}
          org={org}
          result={corrections.result}
        />
      ) : null}
    </section>
  );
}

export function MinutesBody({
  content,
  amendments,
  amendable = null,
  result,
}: {
  content: MinutesContent;
  amendments: Amendment[];
  amendable?: Amendable | null;
  result?: MinutesFormData;
}) {
  const { t, locale } = useLocale();
  const org = (id: string | null) => content.organisations.find((o) => o.id === id)?.name ?? "";
  const orgByCode = (code: string) => content.organisations.find((o) => o.shortCode === code)?.name ?? code;
  return (
    <>
      <dl className="facts">
        <dt>{t("meetings.when")}</dt>
        <dd>{formatDateTime(content.startsAt, locale)}</dd>
        <dt>{t("meetings.where")}</dt>
        <dd>{content.location}</dd>
        <dt>{t("meetings.chair")}</dt>
        <dd>{content.chairName}</dd>
      </dl>
      <Attendance content={content} org={org} />
      <AmendmentList amendments={amendments.filter((a) => !a.agendaItemId)} orgByCode={orgByCode} />
      {content.items.map((item) => (
        <MinutesItem
          key={item.id}
          item={item}
          org={org}
          orgByCode={orgByCode}
          amendments={amendments}
          corrections={{ amendable, result }}
        />
      ))}
    </>
  );
}

export function ApproveForm({ result }: { result: MinutesFormData | undefined }) {
  const { t } = useLocale();
  return (
    <Form method="post" className="form-section no-print">
      <p className="hint">{t("minutes.approveHint")}</p>
      {result?.form === "approve" && result.formError && !result.errors ? (
        <p className="notice notice--error" role="alert">
          {t(result.formError)}
        </p>
      ) : null}
      <div className="field">
        <label className="checkbox" htmlFor="approve-confirm">
          <input
            id="approve-confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            aria-invalid={result?.errors?.confirm ? true : undefined}
            aria-describedby={result?.errors?.confirm ? "approve-confirm-error" : undefined}
          />{" "}
          {t("minutes.approveConfirm")}
        </label>
        {result?.errors?.confirm ? (
          <p id="approve-confirm-error" className="field__error">
            {t(result.errors.confirm.key)}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value="approve" className="button">
        {t("minutes.approve")}
      </button>
    </Form>
  );
}

export function AmendForm({
  content,
  result: answer,
}: {
  content: MinutesContent;
  result: MinutesFormData | undefined;
}) {
  const { t } = useLocale();
  const result = answer?.form === "amend" ? answer : undefined;
  const error = (field: string) => {
    const e = result?.errors?.[field];
    return e ? t(e.key, e.values) : undefined;
  };
  return (
    <section aria-labelledby="amend-title" className="form-section no-print">
      <h2 id="amend-title">{t("minutes.amend")}</h2>
      <p className="hint">{t("minutes.amendHint")}</p>
      <Form method="post" className="form" noValidate>
        {result?.formError ? <p className="notice notice--error">{t(result.formError)}</p> : null}
        <SelectField
          name="agendaItemId"
          label={t("minutes.amendAbout")}
          defaultValue={result?.values.agendaItemId ?? ""}
          options={[
            { value: "", label: t("minutes.wholeMeeting") },
            ...content.items.map((i) => ({ value: i.id, label: `${i.position}. ${i.reference}` })),
          ]}
        />
        <TextAreaField
          name="change"
          label={t("minutes.change")}
          defaultValue={result?.values.change ?? ""}
          error={error("change")}
          rows={3}
        />
        <TextAreaField
          name="reason"
          label={t("minutes.reason")}
          defaultValue={result?.values.reason ?? ""}
          error={error("reason")}
          rows={2}
        />
        <button type="submit" name="intent" value="amend" className="button">
          {t("minutes.addAmendment")}
        </button>
      </Form>
    </section>
  );
}

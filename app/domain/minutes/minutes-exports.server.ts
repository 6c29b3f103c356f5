import PDFDocument from "pdfkit";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound } from "~/domain/errors.server";
import { needStatusText } from "~/domain/live/need-status";
import type { Locale } from "~/i18n/config";
import { dutchDate, formatDate, formatDateTime } from "~/i18n/format";
import type { Translate } from "~/i18n/keys";
import { asKey } from "~/i18n/keys";
import { spreadsheetCsv } from "~/utils/spreadsheet-csv.server";

import type { MinutesContent } from "./minutes.server";
import { getMinutes } from "./minutes.server";

async function exportable(user: SessionUser, meetingId: string, format: "pdf" | "csv", meta: Acting) {
  const minutes = await getMinutes(user, meetingId, meta, format);
  ensure(minutes.available, notFound);
  return minutes;
}

const fileName = (content: MinutesContent, ext: string) =>
  `verslag-${content.startsAt.slice(0, 10)}-${content.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}.${ext}`;

/**
 * The minutes as a PDF with the page's structure: meeting, attendance, and per item the table,
 * responsibilities, role cards, needs, decisions with dissent and actions; amendments marked as
 * such. Need-to-know as on the page: only the items this reader was at the table for.
 */
export async function minutesPdf(user: SessionUser, meetingId: string, t: Translate, locale: Locale, meta: Acting) {
  const minutes = await exportable(user, meetingId, "pdf", meta);
  const { content } = minutes;
  const org = (id: string | null) => content.organisations.find((o) => o.id === id)?.name ?? "";
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `${t("minutes.title")}: ${content.title}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const heading = (text: string, size: number) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(text);
  const line = (text: string) => doc.font("Helvetica").fontSize(10).text(text, { paragraphGap: 2 });
  const bullet = (text: string) =>
    doc.font("Helvetica").fontSize(10).text(`•  ${text}`, { indent: 10, paragraphGap: 2 });

  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(`${t("minutes.title")}: ${content.title}`);
  line(
    minutes.status === "APPROVED" && minutes.approvedAt
      ? t("minutes.approvedBy", { name: minutes.approvedBy, date: formatDateTime(minutes.approvedAt, locale) })
      : `${t("minutes.statusDraft")} — ${t("minutes.draftHint")}`,
  );
  line(
    `${t("meetings.when")}: ${formatDateTime(content.startsAt, locale)} · ${t("meetings.where")}: ${content.location}`,
  );
  line(`${t("meetings.chair")}: ${content.chairName}`);
  heading(t("minutes.attendance"), 13);
  for (const a of content.attendance) bullet(`${org(a.organisationId)}: ${a.people.join(", ")}`);
  const amendments = (itemId: string | null) => {
    for (const a of minutes.amendments.filter((x) => x.agendaItemId === itemId)) {
      doc.fillColor("#8a5300");
      bullet(
        `${t("minutes.amendmentBy", { name: a.byName, date: formatDateTime(a.at, locale) })} ${a.change} (${t("minutes.because", { reason: a.reason })})`,
      );
      doc.fillColor("black");
    }
  };
  amendments(null);
  for (const item of content.items) {
    heading(t("meetings.itemHeading", { n: item.position, reference: item.reference }), 14);
    line(`${t("live.question")}: ${item.question}`);
    line(`${t("live.atTable")}: ${item.tableOrganisationIds.map(org).join(", ")}`);
    heading(t("live.sections.responsibilities"), 11);
    for (const r of item.responsibilities)
      bullet(
        `${org(r.organisationId)}: ${r.involvement ? t(asKey(`live.involvement.${r.involvement}`)) : t("live.involvement.none")}`,
      );
    heading(t("live.sections.roleCards"), 11);
    for (const c of item.roleCards)
      bullet(
        `${org(c.organisationId)}: ${c.roleInCase || t("live.card.empty")}${c.contribution ? ` — ${c.contribution}` : ""}`,
      );
    heading(t("live.sections.needs"), 11);
    if (item.needs.length === 0) line(t("live.need.none"));
    for (const n of item.needs)
      bullet(`${org(n.organisationId)}: ${n.text} — ${needStatusText(t, n, org)}${n.note ? ` (${n.note})` : ""}`);
    if (item.closedWithOpenNeeds) line(t("live.closedWithOpenNeeds"));
    heading(t("live.sections.decisions"), 11);
    if (item.decisions.length === 0) line(t("live.decision.none"));
    for (const d of item.decisions) {
      bullet(d.text);
      for (const earlier of d.earlierTexts) line(`    ${t("live.decision.earlier", { text: earlier })}`);
      for (const x of d.dissents)
        line(`    ${t("live.decision.dissentBy", { organisation: org(x.organisationId), reason: x.reason })}`);
    }
    heading(t("live.sections.actions"), 11);
    if (item.actions.length === 0) line(t("live.action.none"));
    for (const a of item.actions)
      bullet(
        `${a.description} — ${org(a.ownerOrganisationId)}${a.ownerName ? ` (${a.ownerName})` : ""}, ${t("actions.due", { date: formatDate(`${a.dueDate}T12:00:00Z`, locale) })}`,
      );
    amendments(item.id);
  }
  doc.end();
  return { filename: fileName(content, "pdf"), body: await done };
}

/** The actions of the minutes (the items this reader was at the table for) as CSV for Dutch Excel. */
export async function minutesActionsCsv(user: SessionUser, meetingId: string, t: Translate, meta: Acting) {
  const { content } = await exportable(user, meetingId, "csv", meta);
  const org = (id: string) => content.organisations.find((o) => o.id === id)?.name ?? "";
  const rows = content.items.flatMap((item) =>
    item.actions.map((a) => [
      item.reference,
      content.title,
      a.description,
      org(a.ownerOrganisationId),
      a.ownerName ?? "",
      dutchDate(a.dueDate),
      t(asKey(`live.action.statuses.${a.status}`)),
    ]),
  );
  const body = spreadsheetCsv(
    rows,
    ["case", "meeting", "action", "ownerOrganisation", "ownerPerson", "due", "status"].map((c) =>
      t(asKey(`actions.export.${c}`)),
    ),
  );
  return { filename: fileName(content, "csv"), body };
}

import PDFDocument from "pdfkit";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { amendmentChangeLines } from "~/domain/actions/change-lines";
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

type Minutes = Awaited<ReturnType<typeof exportable>>;
type Item = MinutesContent["items"][number];

/**
 * Writing a tagged PDF: every heading, paragraph and list goes into the structure tree (H1–H3, P,
 * L/LI), so a screen reader reads the minutes in order and in the document's language.
 */
function taggedWriter(doc: PDFKit.PDFDocument) {
  const root = doc.struct("Document");
  doc.addStructure(root);
  const sizes = { H1: 18, H2: 14, H3: 11 } as const;
  return {
    root,
    heading(text: string, level: keyof typeof sizes) {
      doc.moveDown(level === "H1" ? 0 : 0.6);
      doc.font("Helvetica-Bold").fontSize(sizes[level]).text(text, { structParent: root, structType: level });
    },
    line(text: string) {
      doc.font("Helvetica").fontSize(10).text(text, { paragraphGap: 2, structParent: root, structType: "P" });
    },
    list(texts: string[], color = "black") {
      if (texts.length === 0) return;
      const list = doc.struct("L");
      root.add(list);
      doc.font("Helvetica").fontSize(10).fillColor(color);
      doc.list(texts, { structParent: list, bulletRadius: 1.5, textIndent: 10, paragraphGap: 2 });
      doc.fillColor("black");
      list.end();
    },
  };
}

type Writer = ReturnType<typeof taggedWriter>;
type Words = { t: Translate; locale: Locale; org: (id: string | null) => string; byCode: (code: string) => string };

function amendmentTexts(minutes: Minutes, itemId: string | null, { t, locale, byCode }: Words): string[] {
  return minutes.amendments
    .filter((a) => a.agendaItemId === itemId)
    .map((a) => {
      const by = t("minutes.amendmentBy", { name: a.byName, date: formatDateTime(a.at, locale) });
      const because = `(${t("minutes.because", { reason: a.reason })})`;
      if (a.kind === "TEXT" || !a.changes) return `${by} ${a.change} ${because}`;
      const { title, lines } = amendmentChangeLines(a.changes, t, locale, byCode);
      return `${by} ${title} ${lines.join("; ")} ${because}`;
    });
}

/** One item, with every field the web page shows. */
function writeItem(w: Writer, item: Item, minutes: Minutes, words: Words) {
  const { t, locale, org } = words;
  w.heading(t("meetings.itemHeading", { n: item.position, reference: item.reference }), "H2");
  w.line(`${t("live.question")}: ${item.question}`);
  w.line(`${t("live.atTable")}: ${item.tableOrganisationIds.map(org).join(", ")}`);
  w.heading(t("live.sections.responsibilities"), "H3");
  w.list(
    item.responsibilities.map(
      (r) =>
        `${org(r.organisationId)}: ${r.involvement ? t(asKey(`live.involvement.${r.involvement}`)) : t("live.involvement.none")}`,
    ),
  );
  w.heading(t("live.sections.roleCards"), "H3");
  w.list(
    item.roleCards.map(
      (c) =>
        `${org(c.organisationId)}: ${c.roleInCase || t("live.card.empty")}${c.contribution ? ` — ${c.contribution}` : ""}${c.limitsHere ? ` (${t("live.card.limitsHere")}: ${c.limitsHere})` : ""}`,
    ),
  );
  w.heading(t("live.sections.needs"), "H3");
  if (item.needs.length === 0) w.line(t("live.need.none"));
  w.list(
    item.needs.map(
      (n) => `${org(n.organisationId)}: ${n.text} — ${needStatusText(t, n, org)}${n.note ? ` (${n.note})` : ""}`,
    ),
  );
  if (item.closedWithOpenNeeds) w.line(t("live.closedWithOpenNeeds"));
  w.heading(t("live.sections.decisions"), "H3");
  if (item.decisions.length === 0) w.line(t("live.decision.none"));
  w.list(
    item.decisions.map((d) =>
      [
        d.text,
        ...d.earlierTexts.map((earlier) => t("live.decision.earlier", { text: earlier })),
        ...d.dissents.map((x) =>
          t("live.decision.dissentBy", { organisation: org(x.organisationId), reason: x.reason }),
        ),
      ].join("\n"),
    ),
  );
  w.heading(t("live.sections.actions"), "H3");
  if (item.actions.length === 0) w.line(t("live.action.none"));
  w.list(
    item.actions.map(
      (a) =>
        `${a.description} — ${org(a.ownerOrganisationId)}${a.ownerName ? ` (${a.ownerName})` : ""}, ${t("actions.due", { date: formatDate(`${a.dueDate}T12:00:00Z`, locale) })}`,
    ),
  );
  writeAmendments(w, amendmentTexts(minutes, item.id, words), t);
}

function writeAmendments(w: Writer, texts: string[], t: Translate) {
  if (texts.length === 0) return;
  w.heading(t("minutes.pdfFile.amendments"), "H3");
  w.list(texts, AMENDED);
}

const AMENDED = "#7a4a00";

/**
 * On every page, outside the structure (an artifact, as page furniture is): for whom the copy is
 * and that it is confidential, and "pagina 2 van 3".
 */
function stampPages(doc: PDFKit.PDFDocument, confidential: string, page: (n: number, total: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("Helvetica").fontSize(8).fillColor("#333333");
    doc.text(confidential, left, doc.page.height - bottom + 16, { width, lineBreak: true });
    doc.text(page(i - range.start + 1, range.count), left, doc.page.height - bottom + 46, { width, align: "right" });
    doc.endMarkedContent();
    doc.fillColor("black");
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The minutes as a PDF with the page's structure: meeting, attendance, and per item the table,
 * responsibilities, role cards, needs, decisions with dissent and actions; amendments marked as
 * such. Need-to-know as on the page: only the items this reader was at the table for. Tagged,
 * with its language set; every page says for whom it is and which page of how many.
 */
export async function minutesPdf(user: SessionUser, meetingId: string, t: Translate, locale: Locale, meta: Acting) {
  const minutes = await exportable(user, meetingId, "pdf", meta);
  const { content } = minutes;
  const org = (id: string | null) => content.organisations.find((o) => o.id === id)?.name ?? "";
  const byCode = (code: string) => content.organisations.find((o) => o.shortCode === code)?.name ?? code;
  const title = `${t("minutes.title")}: ${content.title}`;
  const confidential = t("minutes.pdfFile.confidential", {
    name: user.name,
    organisation: user.organisation.name,
    date: formatDateTime(meta.now ?? new Date(), locale),
  });
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, left: 56, right: 56, bottom: 80 },
    bufferPages: true,
    tagged: true,
    lang: locale === "nl" ? "nl-NL" : "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: title, Subject: confidential },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const w = taggedWriter(doc);
  const words = { t, locale, org, byCode };

  w.heading(title, "H1");
  w.line(
    minutes.status === "APPROVED" && minutes.approvedAt
      ? t("minutes.approvedBy", { name: minutes.approvedBy, date: formatDateTime(minutes.approvedAt, locale) })
      : `${t("minutes.statusDraft")} — ${t("minutes.draftHint")}`,
  );
  w.line(
    `${t("meetings.when")}: ${formatDateTime(content.startsAt, locale)} · ${t("meetings.where")}: ${content.location}`,
  );
  w.line(`${t("meetings.chair")}: ${content.chairName}`);
  w.heading(t("minutes.attendance"), "H2");
  if (content.attendance.length === 0) w.line(t("minutes.noAttendance"));
  w.list(content.attendance.map((a) => `${org(a.organisationId)}: ${a.people.join(", ")}`));
  writeAmendments(w, amendmentTexts(minutes, null, words), t);
  for (const item of content.items) writeItem(w, item, minutes, words);
  w.root.end();
  stampPages(doc, confidential, (n, total) => t("minutes.pdfFile.page", { n, total }));
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

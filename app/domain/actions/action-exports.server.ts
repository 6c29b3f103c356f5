import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { dutchDate } from "~/i18n/format";
import type { Translate } from "~/i18n/keys";
import { asKey } from "~/i18n/keys";
import type { ActionHistoryLine } from "~/realtime/events";
import { spreadsheetCsv } from "~/utils/spreadsheet-csv.server";
import { actionsUrl } from "~/utils/url-words";

import type { ActionQuery } from "./action.schema";
import { amsterdamToday, selectActions } from "./actions.server";

async function exported(user: SessionUser, format: "csv" | "ics", count: number, meta: Acting) {
  await recordAudit({
    actor: actorOf(user),
    action: "action.exported",
    subjectType: "Organisation",
    subjectId: user.organisation.id,
    clientAddress: meta.clientAddress,
    details: { format, count },
    at: meta.now,
  });
}

/** An event title stays readable in a calendar's month view. */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text);

/**
 * The last correction of what was agreed, for the exports: when, by whom, where and why
 * ("12-12-2026, Sanne de Vries, via het verslag: …"); empty when it was never corrected.
 */
function amendedText(updates: ActionHistoryLine[], t: Translate): string {
  const last = updates.findLast((u) => u.kind === "CORRECTION");
  if (!last) return "";
  const via = last.via ? ` ${t(`live.action.via.${last.via}`)}` : "";
  return `${dutchDate(last.at.slice(0, 10))}, ${last.byName}${via}${last.note ? `: ${last.note}` : ""}`;
}

const fileDate = (now: Date) => amsterdamToday(now).toISOString().slice(0, 10);

/**
 * My organisation's actions (the view and filters of /acties) as CSV for Excel with Dutch
 * settings: semicolons, a byte-order mark (so accents survive), Windows line ends, dd-mm-jjjj.
 * "Niet uitgevoerd" and "niet meer nodig of mogelijk" are separate reasons, never merged.
 */
export async function actionsCsv(user: SessionUser, query: ActionQuery, t: Translate, meta: Acting) {
  const now = meta.now ?? new Date();
  const actions = await selectActions(user, query, amsterdamToday(now));
  const body = spreadsheetCsv(
    actions.map((a) => [
      a.caseReference,
      a.meeting.title,
      a.description,
      query.scope === "chaired" ? a.ownerShortCode : user.organisation.name,
      a.ownerName ?? "",
      dutchDate(a.dueDate),
      t(asKey(`live.action.statuses.${a.status}`)),
      a.closeReason ? t(`actions.reasons.${a.closeReason}`) : "",
      a.updates.findLast((u) => u.kind === "STATUS")?.note ?? "",
      amendedText(a.updates, t),
    ]),
    ["case", "meeting", "action", "ownerOrganisation", "ownerPerson", "due", "status", "reason", "note", "amended"].map(
      (column) => t(asKey(`actions.export.${column}`)),
    ),
  );
  await exported(user, "csv", actions.length, meta);
  const whose = query.scope === "chaired" ? "overleggen" : user.organisation.shortCode;
  return { filename: `acties-${whose}-${fileDate(now)}.csv`, body };
}

/**
 * The due dates of my organisation's open actions as all-day events, for the organisation's
 * calendar. The summary names the case reference only; what must be done is in the description.
 */
export async function actionsCalendar(user: SessionUser, baseUrl: string, t: Translate, meta: Acting) {
  const now = meta.now ?? new Date();
  const actions = await selectActions(
    user,
    { view: "open", scope: "mine", caseReference: "", meetingId: "", owner: "" },
    amsterdamToday(now),
  );
  const { createEvents } = await import("ics");
  const { error, value } = createEvents(
    actions.map((a) => {
      const [year, month, day] = a.dueDate.split("-").map(Number) as [number, number, number];
      return {
        uid: `action-${a.id}@actie-overleg`,
        title: t("actions.export.eventTitle", { reference: a.caseReference, description: short(a.description) }),
        description: [
          a.description,
          `${t("actions.export.ownerOrganisation")}: ${user.organisation.name}`,
          `${t("actions.export.ownerPerson")}: ${a.ownerName ?? t("actions.nobody")}`,
          `${t("actions.export.meeting")}: ${a.meeting.title}`,
          ...(amendedText(a.updates, t) ? [`${t("actions.export.amended")}: ${amendedText(a.updates, t)}`] : []),
        ].join("\n"),
        start: [year, month, day] as [number, number, number],
        duration: { days: 1 },
        url: `${baseUrl}/acties?${actionsUrl.write({ caseReference: a.caseReference })}`,
        productId: "actie-overleg",
        calName: `${t("actions.title")} ${user.organisation.shortCode}`,
      };
    }),
  );
  if (error || !value) throw error ?? new Error("ics failed");
  await exported(user, "ics", actions.length, meta);
  return { filename: `acties-${user.organisation.shortCode}.ics`, body: value };
}

/**
 * A meeting with its invitations and its agenda, in one SQL statement straight through the pool
 * (`sqlQuery`): the agenda page, the live page and every live join read it. Through the client
 * this nested read's query compilation was a third of a page view's CPU (bench/README.md,
 * 2026-12-03, fourth session). Who may see what is not decided here: the caller applies the
 * access module's rules to the loaded record (`meetingRecord`, `meetingSeat`, `itemSeat`).
 */
import { isoOf, sqlQuery } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { MeetingStatus, RiskLevel } from "~/generated/prisma/enums";

const date = (value: string | null) => (value === null ? null : new Date(value));

export type MeetingRow = {
  id: string;
  title: string;
  region: string;
  startsAt: Date;
  durationMinutes: number;
  location: string;
  status: MeetingStatus;
  publishedAt: Date | null;
  changedAfterPublishAt: Date | null;
  chairId: string;
  chair: { name: string; organisation: { shortCode: string } };
  liveSeq: number;
  currentItemId: string | null;
  currentItemSince: Date | null;
  endedAt: Date | null;
  invitations: { organisationId: string; organisation: { id: string; name: string; shortCode: string } }[];
  items: {
    id: string;
    position: number;
    timeboxMinutes: number;
    question: string;
    changedAfterPublishAt: Date | null;
    liveSeq: number;
    closedAt: Date | null;
    closedWithOpenNeeds: boolean;
    caseId: string;
    case: { reference: string; riskLevel: RiskLevel };
    askingOrganisation: { id: string; shortCode: string };
    tables: { organisationId: string; organisation: { id: string; shortCode: string } }[];
  }[];
  /** Items taken off the agenda after publishing ("vervallen"), in the order they went. */
  removedItems: {
    id: string;
    caseReference: string;
    timeboxMinutes: number;
    tableOrganisationIds: string[];
    reason: string;
    removedAt: Date;
  }[];
};

type Timestamps<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | null };
type SqlRow = Timestamps<
  Omit<MeetingRow, "items" | "removedItems">,
  "startsAt" | "publishedAt" | "changedAfterPublishAt" | "currentItemSince" | "endedAt"
> & {
  items: (Timestamps<Omit<MeetingRow["items"][number], "tables">, "changedAfterPublishAt" | "closedAt"> & {
    tables: { id: string; shortCode: string }[];
  })[];
  removedItems: Timestamps<MeetingRow["removedItems"][number], "removedAt">[];
};

/** The meeting, its invitations and its agenda (items in order), or null when there is none. */
export async function readMeetingRow(meetingId: string): Promise<MeetingRow | null> {
  const [row] = await sqlQuery<SqlRow>(Prisma.sql`
    SELECT m.id, m.title, m.region, ${isoOf('m."startsAt"')} AS "startsAt", m."durationMinutes", m.location,
           m.status::text AS status, ${isoOf('m."publishedAt"')} AS "publishedAt",
           ${isoOf('m."changedAfterPublishAt"')} AS "changedAfterPublishAt", m."chairId",
           json_build_object('name', cu.name, 'organisation', json_build_object('shortCode', co."shortCode")) AS chair,
           m."liveSeq", m."currentItemId", ${isoOf('m."currentItemSince"')} AS "currentItemSince",
           ${isoOf('m."endedAt"')} AS "endedAt",
           COALESCE((
             SELECT json_agg(json_build_object('organisationId', o.id,
                      'organisation', json_build_object('id', o.id, 'name', o.name, 'shortCode', o."shortCode")))
             FROM "MeetingInvitation" i JOIN "Organisation" o ON o.id = i."organisationId"
             WHERE i."meetingId" = m.id), '[]') AS invitations,
           COALESCE((
             SELECT json_agg(json_build_object('id', a.id, 'position', a.position, 'timeboxMinutes', a."timeboxMinutes",
                      'question', a.question, 'changedAfterPublishAt', ${isoOf('a."changedAfterPublishAt"')},
                      'liveSeq', a."liveSeq", 'closedAt', ${isoOf('a."closedAt"')},
                      'closedWithOpenNeeds', a."closedWithOpenNeeds", 'caseId', a."caseId",
                      'case', json_build_object('reference', c.reference, 'riskLevel', c."riskLevel"),
                      'askingOrganisation', json_build_object('id', ao.id, 'shortCode', ao."shortCode"),
                      'tables', COALESCE((SELECT json_agg(json_build_object('id', o.id, 'shortCode', o."shortCode"))
                                          FROM "AgendaItemTable" t JOIN "Organisation" o ON o.id = t."organisationId"
                                          WHERE t."agendaItemId" = a.id), '[]'))
                      ORDER BY a.position, a.id)
             FROM "AgendaItem" a JOIN "Case" c ON c.id = a."caseId"
               JOIN "Organisation" ao ON ao.id = a."askingOrganisationId"
             WHERE a."meetingId" = m.id), '[]') AS items,
           COALESCE((
             SELECT json_agg(json_build_object('id', r.id, 'caseReference', r."caseReference",
                      'timeboxMinutes', r."timeboxMinutes", 'tableOrganisationIds', r."tableOrganisationIds",
                      'reason', r.reason, 'removedAt', ${isoOf('r."removedAt"')}) ORDER BY r."removedAt", r.id)
             FROM "RemovedAgendaItem" r WHERE r."meetingId" = m.id), '[]') AS "removedItems"
    FROM "Meeting" m JOIN "User" cu ON cu.id = m."chairId" JOIN "Organisation" co ON co.id = cu."organisationId"
    WHERE m.id = ${meetingId}`);
  if (!row) return null;
  return {
    ...row,
    startsAt: new Date(row.startsAt ?? 0),
    publishedAt: date(row.publishedAt),
    changedAfterPublishAt: date(row.changedAfterPublishAt),
    currentItemSince: date(row.currentItemSince),
    endedAt: date(row.endedAt),
    items: row.items.map(({ tables, ...item }) => ({
      ...item,
      changedAfterPublishAt: date(item.changedAfterPublishAt),
      closedAt: date(item.closedAt),
      tables: tables.map((o) => ({ organisationId: o.id, organisation: o })),
    })),
    removedItems: row.removedItems.map((r) => ({ ...r, removedAt: new Date(r.removedAt ?? 0) })),
  };
}

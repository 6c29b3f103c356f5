/**
 * The boards of the items a viewer sees, in SQL straight through the pool (`sqlQuery`): every
 * entry of all those items and the invitees' people in one statement, whatever the number of
 * items. Through the client this nested read's query compilation was a large part of a live page
 * view's CPU (bench/README.md, 2026-12-03, fourth session), as for the board writes
 * (board-statement.server.ts). Who may see which item is decided before: only visible items'
 * ids come in (the access module's item rule, applied in live-board.server.ts).
 */
import { isoOf, sqlQuery } from "~/db.server";
import type { EarlierActionRow } from "~/domain/actions/action-history.server";
import { Prisma } from "~/generated/prisma/client";
import type { ItemBoard } from "~/realtime/events";

export type BoardEntries = Omit<ItemBoard, "seq" | "earlierActions">;
export type Person = { id: string; name: string; organisationId: string };

/** The last correction of an action as a JSON object (or null), for the SQL that builds boards. */
export const latestCorrectionSql = (alias: string) =>
  Prisma.sql`(SELECT json_build_object('at', ${isoOf("h.at")}, 'byName', h."byName", 'via', h.via)
     FROM "ActionUpdate" h WHERE h."actionId" = ${Prisma.raw(alias)}.id AND h.kind = 'CORRECTION'
     ORDER BY h.at DESC, h.id DESC LIMIT 1)`;

/**
 * The entries on the boards of the given items (role cards and parts in the order of the
 * organisations' short codes, the rest in the order they were made) and the people of the given
 * organisations, in one statement — which also reads the earlier actions (`earlierActionsSql`)
 * and writes the view's audit row (`auditInsertSql`), so showing the boards costs one round trip.
 */
export async function readBoardEntries(
  itemIds: string[],
  organisationIds: string[],
  also: { earlier: Prisma.Sql; audit: Prisma.Sql | null },
): Promise<{ boards: Map<string, BoardEntries>; people: Person[]; earlier: EarlierActionRow[] }> {
  const [row] = await sqlQuery<{
    people: Person[];
    boards: (BoardEntries & { id: string })[];
    earlier: EarlierActionRow[];
  }>(Prisma.sql`
    ${also.audit ? Prisma.sql`WITH audited AS (${also.audit})` : Prisma.empty}
    SELECT ${also.earlier} AS earlier,
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'organisationId', u."organisationId")
                                ORDER BY u.name, u.id)
                FROM "User" u WHERE u."organisationId" = ANY(${organisationIds})), '[]') AS people,
      COALESCE((SELECT json_agg(json_build_object(
        'id', a.id,
        'roleCards', COALESCE((
          SELECT json_agg(json_build_object('id', r.id, 'organisationId', r."organisationId", 'profile', r.profile,
                   'roleInCase', r."roleInCase", 'knowledge', r.knowledge, 'knowledgeLegalBasis', r."knowledgeLegalBasis",
                   'contribution', r.contribution, 'limitsHere', r."limitsHere", 'completed', r."completedAt" IS NOT NULL,
                   'version', r.version) ORDER BY o."shortCode")
          FROM "RoleCard" r JOIN "Organisation" o ON o.id = r."organisationId" WHERE r."agendaItemId" = a.id), '[]'),
        'responsibilities', COALESCE((
          SELECT json_agg(json_build_object('organisationId', t."organisationId", 'involvement', t.involvement,
                   'version', t.version) ORDER BY o."shortCode")
          FROM "AgendaItemTable" t JOIN "Organisation" o ON o.id = t."organisationId"
          WHERE t."agendaItemId" = a.id), '[]'),
        'needs', COALESCE((
          SELECT json_agg(json_build_object('id', n.id, 'organisationId', n."organisationId", 'text', n.text,
                   'status', n.status, 'addressedByOrganisationId', n."addressedByOrganisationId",
                   'addressedNote', n."addressedNote", 'addressedOnBehalf', n."addressedOnBehalf", 'version', n.version) ORDER BY n."createdAt", n.id)
          FROM "Need" n WHERE n."agendaItemId" = a.id), '[]'),
        'decisions', COALESCE((
          SELECT json_agg(json_build_object('id', d.id, 'text', d.text, 'earlierTexts', d."earlierTexts", 'version', d.version,
                   'dissents', COALESCE((SELECT json_agg(json_build_object('organisationId', x."organisationId",
                                                  'reason', x.reason) ORDER BY x."organisationId")
                                         FROM "DecisionDissent" x WHERE x."decisionId" = d.id), '[]'))
                   ORDER BY d."createdAt", d.id)
          FROM "Decision" d WHERE d."agendaItemId" = a.id), '[]'),
        'actions', COALESCE((
          SELECT json_agg(json_build_object('id', x.id, 'description', x.description,
                   'ownerOrganisationId', x."ownerOrganisationId", 'ownerUserId', x."ownerUserId", 'ownerName', u.name,
                   'dueDate', to_char(x."dueDate", 'YYYY-MM-DD'), 'status', x.status, 'version', x.version,
                   'transferToOrganisationId', x."transferToOrganisationId", 'corrected', ${latestCorrectionSql("x")})
                   ORDER BY x."createdAt", x.id)
          FROM "Action" x LEFT JOIN "User" u ON u.id = x."ownerUserId" WHERE x."agendaItemId" = a.id), '[]')))
        FROM "AgendaItem" a WHERE a.id = ANY(${itemIds})), '[]') AS boards`);
  const boards = new Map<string, BoardEntries>();
  for (const { id, ...entries } of row?.boards ?? []) boards.set(id, entries);
  return { boards, people: row?.people ?? [], earlier: row?.earlier ?? [] };
}

/** The live board's views: what is selected and how each entry is sent to the browser. */
import type { AuditInput } from "~/audit/audit.server";
import { auditInsertSql } from "~/audit/audit.server";
import { byCase, earlierActionsSql } from "~/domain/actions/action-history.server";
import { notFound as notFoundError } from "~/domain/errors.server";
import type { MeetingRow } from "~/domain/meetings/meeting-read.server";
import type { Prisma } from "~/generated/prisma/client";
import type {
  ActionView,
  DecisionView,
  ItemBoard,
  LiveMeetingState,
  NeedView,
  ProfileExcerpt,
  ResponsibilityView,
  RoleCardView,
} from "~/realtime/events";

import type { Person } from "./live-read.server";
import { readBoardEntries } from "./live-read.server";

type Tx = Prisma.TransactionClient;

/** Refusals in the live meeting say "not found" in its own words (a missing or an unseen item alike). */
export const notFound = () => notFoundError("live.errors.notFound");

// ---- Views ------------------------------------------------------------------------------------

export const roleCardSelect = {
  id: true,
  organisationId: true,
  profile: true,
  roleInCase: true,
  knowledge: true,
  knowledgeLegalBasis: true,
  contribution: true,
  limitsHere: true,
  completedAt: true,
  version: true,
} as const;
export type RoleCardRow = Prisma.RoleCardGetPayload<{ select: typeof roleCardSelect }>;

export function roleCardView(row: RoleCardRow): RoleCardView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    profile: row.profile as ProfileExcerpt,
    roleInCase: row.roleInCase,
    knowledge: row.knowledge,
    knowledgeLegalBasis: row.knowledgeLegalBasis,
    contribution: row.contribution,
    limitsHere: row.limitsHere,
    completed: row.completedAt !== null,
    version: row.version,
  };
}

export const needSelect = {
  id: true,
  organisationId: true,
  text: true,
  status: true,
  addressedByOrganisationId: true,
  addressedNote: true,
  addressedOnBehalf: true,
  version: true,
} as const;
export const needView = (row: Prisma.NeedGetPayload<{ select: typeof needSelect }>): NeedView => ({ ...row });

export const decisionSelect = {
  id: true,
  text: true,
  earlierTexts: true,
  version: true,
  dissents: { select: { organisationId: true, reason: true }, orderBy: { organisationId: "asc" } },
} as const;
export const decisionView = (row: Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>): DecisionView => ({
  ...row,
});

export const actionSelect = {
  id: true,
  description: true,
  ownerOrganisationId: true,
  ownerUserId: true,
  ownerUser: { select: { name: true } },
  dueDate: true,
  status: true,
  transferToOrganisationId: true,
  updates: {
    where: { kind: "CORRECTION" },
    orderBy: { at: "desc" },
    take: 1,
    select: { at: true, byName: true, via: true },
  },
  version: true,
} as const;

export function actionView(row: Prisma.ActionGetPayload<{ select: typeof actionSelect }>): ActionView {
  return {
    id: row.id,
    description: row.description,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerUser?.name ?? null,
    dueDate: row.dueDate.toISOString().slice(0, 10),
    status: row.status,
    transferToOrganisationId: row.transferToOrganisationId,
    corrected: row.updates[0]
      ? { at: row.updates[0].at.toISOString(), byName: row.updates[0].byName, via: row.updates[0].via ?? "TABLE" }
      : null,
    version: row.version,
  };
}

export const responsibilitySelect = { organisationId: true, involvement: true, version: true } as const;

export async function responsibilitiesOf(db: Tx, agendaItemId: string): Promise<ResponsibilityView[]> {
  return db.agendaItemTable.findMany({
    where: { agendaItemId },
    select: responsibilitySelect,
    orderBy: { organisation: { shortCode: "asc" } },
  });
}

/**
 * The boards of the given items (same meeting), their cases' earlier actions and the people of the
 * invited organisations, in one statement however many items there are (live-read.server.ts),
 * which records the view in the audit trail too when `audit` is given.
 */
export async function boardsOf(
  items: { id: string; caseId: string; seq: number }[],
  context: { meetingId: string; startsAt: Date; organisationIds: string[]; audit: AuditInput | null },
): Promise<{ boards: Map<string, ItemBoard>; people: Person[] }> {
  const caseIds = items.map((i) => i.caseId);
  const read = await readBoardEntries(
    items.map((i) => i.id),
    context.organisationIds,
    {
      earlier: earlierActionsSql(context.meetingId, context.startsAt, caseIds),
      audit: context.audit ? auditInsertSql(context.audit) : null,
    },
  );
  const earlier = byCase(caseIds, read.earlier);
  const empty = { roleCards: [], responsibilities: [], needs: [], decisions: [], actions: [] };
  const boards = new Map(
    items.map((item) => [
      item.id,
      { seq: item.seq, earlierActions: earlier.get(item.caseId) ?? [], ...(read.boards.get(item.id) ?? empty) },
    ]),
  );
  return { boards, people: read.people };
}

/** The meeting-level state of a meeting read with its agenda (meetings/meeting-read.server.ts). */
export function meetingState(
  row: Pick<MeetingRow, "liveSeq" | "status" | "currentItemId" | "currentItemSince" | "endedAt"> & {
    items: Pick<MeetingRow["items"][number], "id" | "closedAt" | "closedWithOpenNeeds">[];
  },
): LiveMeetingState {
  return {
    seq: row.liveSeq,
    status: row.status,
    currentItemId: row.currentItemId,
    currentItemSince: row.currentItemSince?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    items: row.items.map((i) => ({
      id: i.id,
      closedAt: i.closedAt?.toISOString() ?? null,
      closedWithOpenNeeds: i.closedWithOpenNeeds,
    })),
  };
}

/**
 * Need-to-know, in one place. Every route, socket event, page, minutes and export asks here who
 * may see and change what: each rule exists once, as a Prisma `where` fragment (to scope a query)
 * and as a function on a loaded record (to decide about what was read), and the two are written
 * next to each other so they cannot drift apart.
 *
 * - A meeting: its chair always; members of the invited organisations once it is published.
 * - An agenda item's content (question, board, minutes, earlier actions): the chair of its
 *   meeting, and the organisations at its table once the meeting is published. Everyone else who
 *   may see the meeting sees that the item exists (reference and timebox), nothing more.
 * - A case: the organisation that brought it in, and the organisations that have been at a table
 *   for it in a published meeting.
 * - An action: followed up by the organisation that owns it.
 * - A referral: the referring organisation; the region's triage (the chair or triage role) for a
 *   referral; the meeting's chair for a proposal to her agenda or a referral triaged onto it.
 *
 * Where a hot read goes straight through the pool in SQL (`sqlQuery`), the rule it needs is here
 * as an SQL condition too (`…Sql`, on a table alias), next to its `where` twin.
 *
 * What a viewer may do at an item's table is computed here too (`itemCapabilities`), checked by
 * the board writes and sent to the browser as flags: the browser derives no permission itself.
 */
import { Prisma } from "~/generated/prisma/client";

/** Who is looking: the signed-in user and their organisation. */
export type Viewer = { id: string; organisation: { id: string } };

type MeetingStatus = "DRAFT" | "PUBLISHED" | "LIVE" | "FINISHED";

// ---- Meetings ---------------------------------------------------------------------------------

export function meetingVisibleWhere(viewer: Viewer) {
  return {
    OR: [
      { chairId: viewer.id },
      { status: { not: "DRAFT" as const }, invitations: { some: { organisationId: viewer.organisation.id } } },
    ],
  } satisfies Prisma.MeetingWhereInput;
}

/** Only the meeting's chair: preparing, running, approving. */
export function meetingChairedWhere(viewer: Viewer) {
  return { chairId: viewer.id } satisfies Prisma.MeetingWhereInput;
}
export function meetingChairedSql(viewer: Viewer, alias: string) {
  return Prisma.sql`${Prisma.raw(alias)}."chairId" = ${viewer.id}`;
}
/** The invited side of `meetingVisibleWhere`: published (not a draft) and the organisation invited. */
export function meetingInvitedSql(viewer: Viewer, alias: string) {
  return Prisma.sql`${Prisma.raw(alias)}.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM "MeetingInvitation" inv
    WHERE inv."meetingId" = ${Prisma.raw(alias)}.id AND inv."organisationId" = ${viewer.organisation.id})`;
}

export type MeetingRecord = { chairId: string; status: MeetingStatus; invitedOrganisationIds: readonly string[] };

declare const verified: unique symbol;
/**
 * A meeting this viewer was let into by `meetingVisibleWhere`, with what the item rule needs: read
 * once per page and handed to the page's other reads, so they do not ask the database again.
 * Only code that ran the meeting rule makes one (`verifiedMeeting`).
 */
export type VerifiedMeeting = {
  readonly [verified]: true;
  id: string;
  startsAt: Date;
  record: MeetingRecord;
  items: readonly { caseId: string; reference: string; tableOrganisationIds: readonly string[] }[];
};

export function verifiedMeeting(meeting: Omit<VerifiedMeeting, typeof verified>): VerifiedMeeting {
  return meeting as VerifiedMeeting;
}

/** What the meeting rule reads of a meeting: spread into a query's `select`, then `meetingRecord`. */
export const meetingAccessSelect = {
  chairId: true,
  status: true,
  invitations: { select: { organisationId: true } },
} as const satisfies Prisma.MeetingSelect;

export function meetingRecord(row: {
  chairId: string;
  status: MeetingStatus;
  invitations: readonly { organisationId: string }[];
}): MeetingRecord {
  return {
    chairId: row.chairId,
    status: row.status,
    invitedOrganisationIds: row.invitations.map((i) => i.organisationId),
  };
}

export type MeetingSeat = "chair" | "invited" | "none";

export function meetingSeat(viewer: Viewer, meeting: MeetingRecord): MeetingSeat {
  if (meeting.chairId === viewer.id) return "chair";
  if (meeting.status !== "DRAFT" && meeting.invitedOrganisationIds.includes(viewer.organisation.id)) return "invited";
  return "none";
}

// ---- Agenda items -----------------------------------------------------------------------------

/**
 * The viewer's seat at one item: the chair (of the meeting), at the table (their organisation
 * sits at it), invited to the meeting but not at this table, or none at all.
 */
export type ItemSeat = "chair" | "table" | "invited" | "none";

export type ItemRecord = { tableOrganisationIds: readonly string[] };

/** Items whose table the viewer's organisation sits at, in a published meeting. */
export function itemAtTableWhere(viewer: Viewer) {
  return {
    tables: { some: { organisationId: viewer.organisation.id } },
    meeting: { status: { not: "DRAFT" as const } },
  } satisfies Prisma.AgendaItemWhereInput;
}

/** `itemAtTableWhere` in SQL, on an agenda item (`alias`) whose meeting is published. */
export function itemAtTableSql(viewer: Viewer, alias: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "AgendaItemTable" seat_t JOIN "Meeting" seat_m ON seat_m.id = ${Prisma.raw(alias)}."meetingId"
    WHERE seat_t."agendaItemId" = ${Prisma.raw(alias)}.id AND seat_t."organisationId" = ${viewer.organisation.id}
      AND seat_m.status <> 'DRAFT')`;
}

/** Items whose content the viewer may see: the chair's, and those at their organisation's table. */
export function itemContentWhere(viewer: Viewer) {
  return {
    OR: [{ meeting: meetingChairedWhere(viewer) }, itemAtTableWhere(viewer)],
  } satisfies Prisma.AgendaItemWhereInput;
}

export function itemSeat(viewer: Viewer, meeting: MeetingRecord, item: ItemRecord): ItemSeat {
  const seat = meetingSeat(viewer, meeting);
  if (seat === "chair") return "chair";
  if (meeting.status !== "DRAFT" && item.tableOrganisationIds.includes(viewer.organisation.id)) return "table";
  return seat;
}

export function seesItemContent(seat: ItemSeat): boolean {
  return seat === "chair" || seat === "table";
}

/**
 * What the viewer may do on an item's board. The chair records what the table agreed (the lead,
 * any organisation's part, decisions, any action's status); an organisation at the table completes
 * its own role card, sets its own part (not the lead), raises, rewords and withdraws its own
 * needs, says when it takes up a need (the chair may record that for another organisation), and
 * moves its own actions; everyone at the table adds actions for the table.
 */
export type ItemCapabilities = {
  setLead: boolean;
  /** Organisations whose part (involvement) the viewer may set. */
  setInvolvementOf: string[];
  /** Organisations whose role card the viewer completes. */
  editRoleCardOf: string[];
  raiseNeed: boolean;
  /** Organisations whose open needs the viewer rewords or withdraws: the one that raised them. */
  editNeedsOf: string[];
  /**
   * Organisations the viewer may record as taking up a need: their own (when at the table); the
   * chair records it for any organisation at the table, shown as recorded on its behalf.
   */
  addressNeedFor: string[];
  addDecision: boolean;
  addAction: boolean;
  /** Owning organisations whose actions (from this item) the viewer may update and correct. */
  updateActionsOf: string[];
  /** Organisations whose answer the viewer gives when an action of this item is offered to them. */
  answerOffersFor: string[];
  /** Owning organisations whose actions from earlier meetings the viewer updates at this table. */
  updateEarlierActionsOf: string[];
};

const NO_CAPABILITIES: ItemCapabilities = {
  setLead: false,
  setInvolvementOf: [],
  editRoleCardOf: [],
  raiseNeed: false,
  editNeedsOf: [],
  addressNeedFor: [],
  addDecision: false,
  addAction: false,
  updateActionsOf: [],
  answerOffersFor: [],
  updateEarlierActionsOf: [],
};

export function itemCapabilities(viewer: Viewer, seat: ItemSeat, item: ItemRecord): ItemCapabilities {
  if (!seesItemContent(seat)) return NO_CAPABILITIES;
  const chair = seat === "chair";
  const own = viewer.organisation.id;
  const ownAtTable = item.tableOrganisationIds.includes(own) ? [own] : [];
  return {
    setLead: chair,
    setInvolvementOf: chair ? [...item.tableOrganisationIds] : ownAtTable,
    editRoleCardOf: ownAtTable,
    raiseNeed: ownAtTable.length > 0,
    editNeedsOf: ownAtTable,
    addressNeedFor: chair ? [...item.tableOrganisationIds] : ownAtTable,
    addDecision: chair,
    addAction: true,
    updateActionsOf: chair ? [...item.tableOrganisationIds] : [own],
    answerOffersFor: ownAtTable,
    updateEarlierActionsOf: [own],
  };
}

/** Whether the viewer may set this organisation's part to this involvement. */
export function maySetInvolvement(can: ItemCapabilities, organisationId: string, involvement: string | null) {
  return can.setInvolvementOf.includes(organisationId) && (involvement !== "LEADS" || can.setLead);
}

// ---- Cases ------------------------------------------------------------------------------------

export function caseVisibleWhere(viewer: Viewer) {
  return {
    OR: [{ organisationId: viewer.organisation.id }, { agendaItems: { some: itemContentWhere(viewer) } }],
  } satisfies Prisma.CaseWhereInput;
}

/**
 * Regie of a case: who may hand over one kind of it — the organisation that brought the case in,
 * the organisation that holds that regie now, or the chair of one of the case's meetings — and who
 * may receive it: an organisation that may see the case (it brought it in, or sat at one of its
 * tables). Only the receiving organisation accepts or declines; the proposing one may withdraw.
 */
export function mayHandOverRegie(
  viewer: Viewer,
  facts: { ownerOrganisationId: string; holderOrganisationId: string | null; chairsCase: boolean },
): boolean {
  return (
    facts.ownerOrganisationId === viewer.organisation.id ||
    facts.holderOrganisationId === viewer.organisation.id ||
    facts.chairsCase
  );
}
export function answersRegie(viewer: Viewer, proposal: { organisationId: string }): boolean {
  return proposal.organisationId === viewer.organisation.id;
}
export function withdrawsRegie(viewer: Viewer, proposal: { proposedBy: { organisationId: string } }): boolean {
  return proposal.proposedBy.organisationId === viewer.organisation.id;
}
/** Organisations that may receive regie of a case (`caseAlias`): its owner and every table's (a lateral subquery). */
export function regieCandidatesSql(caseAlias: string) {
  return Prisma.sql`LATERAL (SELECT ${Prisma.raw(caseAlias)}."organisationId" AS id
    UNION SELECT t."organisationId" FROM "AgendaItemTable" t JOIN "AgendaItem" ci ON ci.id = t."agendaItemId"
      JOIN "Meeting" cm ON cm.id = ci."meetingId"
    WHERE ci."caseId" = ${Prisma.raw(caseAlias)}.id AND cm.status <> 'DRAFT')`;
}
/** Whether the viewer chairs a meeting with an item of the case (`caseAlias`). */
export function chairsCaseSql(viewer: Viewer, caseAlias: string) {
  return Prisma.sql`EXISTS (SELECT 1 FROM "AgendaItem" chi JOIN "Meeting" chm ON chm.id = chi."meetingId"
    WHERE chi."caseId" = ${Prisma.raw(caseAlias)}.id AND chm."chairId" = ${viewer.id})`;
}

/**
 * Escalation of a case: any organisation that may see the case raises it (the case rule decides
 * that); the organisation that raised it, or the chair of one of the case's meetings, moves it to
 * another level or steps it back down.
 */
export function mayEndEscalation(
  viewer: Viewer,
  escalation: { raisedBy: { organisationId: string } },
  chairsCase: boolean,
): boolean {
  return escalation.raisedBy.organisationId === viewer.organisation.id || chairsCase;
}

/**
 * The plan van aanpak of a case: every organisation that may see the case reads it (the case
 * rule); the organisation that brought the case in, the holders of its regie and the chair of one
 * of its meetings add and change goals; a goal's leading organisation updates that goal.
 */
export function mayEditPlan(
  viewer: Viewer,
  facts: { ownerOrganisationId: string; regieHolderIds: readonly string[]; chairsCase: boolean },
): boolean {
  return (
    facts.ownerOrganisationId === viewer.organisation.id ||
    facts.regieHolderIds.includes(viewer.organisation.id) ||
    facts.chairsCase
  );
}
export function mayUpdateGoal(viewer: Viewer, goal: { leadOrganisationId: string }, editsPlan: boolean): boolean {
  return editsPlan || goal.leadOrganisationId === viewer.organisation.id;
}

/** The organisation that brought a case in: it edits, closes and follows the case. */
export function caseOwnedWhere(viewer: Viewer) {
  return { organisationId: viewer.organisation.id } satisfies Prisma.CaseWhereInput;
}
export function ownsCase(viewer: Viewer, found: { organisationId: string }): boolean {
  return found.organisationId === viewer.organisation.id;
}
export function caseOwnedSql(viewer: Viewer, alias: string) {
  return Prisma.sql`${Prisma.raw(alias)}."organisationId" = ${viewer.organisation.id}`;
}

// ---- Referrals --------------------------------------------------------------------------------

/** A viewer with what the referral rules read: their roles and their organisation's region. */
export type RegionViewer = Viewer & { roles: readonly string[]; organisation: { id: string; region: string } };

/** The chair role and the triage role work their region's referral queue. */
export function mayTriage(viewer: { roles: readonly string[] }): boolean {
  return viewer.roles.includes("CHAIR") || viewer.roles.includes("TRIAGE");
}

/**
 * Who sees a referral (its question, the case's description, the outcome): the organisation that
 * referred it; the region's triage, for a referral; the chair of the meeting it was proposed for or
 * triaged onto. Nobody else learns that it exists.
 */
export function referralVisibleWhere(viewer: RegionViewer) {
  const or: Prisma.ReferralWhereInput[] = [
    { referringOrganisationId: viewer.organisation.id },
    { meeting: meetingChairedWhere(viewer) },
  ];
  if (mayTriage(viewer)) or.push({ kind: "REFERRAL", region: viewer.organisation.region });
  return { OR: or } satisfies Prisma.ReferralWhereInput;
}

/** `referralVisibleWhere`'s triage side in SQL, on a referral (`alias`): FALSE for someone who does not triage. */
export function referralTriagedSql(viewer: RegionViewer, alias: string) {
  if (!mayTriage(viewer)) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(alias)}.kind = 'REFERRAL' AND ${Prisma.raw(alias)}.region = ${viewer.organisation.region}`;
}
/** `referralVisibleWhere`'s own side in SQL: the referring organisation. */
export function referralOwnSql(viewer: Viewer, alias: string) {
  return Prisma.sql`${Prisma.raw(alias)}."referringOrganisationId" = ${viewer.organisation.id}`;
}

/** Who decides a referral (while it waits): the region's triage; for a proposal, the chair of its meeting. */
export function referralDeciderWhere(viewer: RegionViewer) {
  const or: Prisma.ReferralWhereInput[] = [{ kind: "PROPOSAL", meeting: meetingChairedWhere(viewer) }];
  if (mayTriage(viewer)) or.push({ kind: "REFERRAL", region: viewer.organisation.region });
  return { OR: or } satisfies Prisma.ReferralWhereInput;
}
export function decidesReferral(
  viewer: RegionViewer,
  referral: { kind: "REFERRAL" | "PROPOSAL"; region: string; status: string; meetingChairId: string | null },
): boolean {
  if (referral.status !== "PENDING") return false;
  if (referral.kind === "PROPOSAL") return referral.meetingChairId === viewer.id;
  return mayTriage(viewer) && referral.region === viewer.organisation.region;
}

/**
 * The meetings triage may put a referral on: the region's meetings that have not started — the
 * triager's own drafts, and published ones (their title and date are known in the region).
 */
export function triageMeetingsWhere(viewer: RegionViewer, now: Date) {
  return {
    region: viewer.organisation.region,
    startsAt: { gte: now },
    OR: [{ status: "PUBLISHED" as const }, { status: "DRAFT" as const, chairId: viewer.id }],
  } satisfies Prisma.MeetingWhereInput;
}

// ---- Actions ----------------------------------------------------------------------------------

export function actionOwnedWhere(viewer: Viewer) {
  return { ownerOrganisationId: viewer.organisation.id } satisfies Prisma.ActionWhereInput;
}
export function actionOwnedSql(viewer: Viewer, alias: string) {
  return Prisma.sql`${Prisma.raw(alias)}."ownerOrganisationId" = ${viewer.organisation.id}`;
}

/** Actions offered to the viewer's organisation, waiting for it to take them over or decline. */
export function actionOfferedSql(viewer: Viewer, alias: string) {
  // Only while the organisation sits at the action's table: leaving it takes the offer along.
  return Prisma.sql`${Prisma.raw(alias)}."transferToOrganisationId" = ${viewer.organisation.id}
    AND EXISTS (SELECT 1 FROM "AgendaItemTable" offered_t
                WHERE offered_t."agendaItemId" = ${Prisma.raw(alias)}."agendaItemId"
                  AND offered_t."organisationId" = ${viewer.organisation.id})`;
}

/** The chair sits at every table of her meetings: she reads (never changes) all their actions. */
export function actionChairedWhere(viewer: Viewer) {
  return { agendaItem: { meeting: meetingChairedWhere(viewer) } } satisfies Prisma.ActionWhereInput;
}
/** The same rule in SQL, on the action's meeting (`meetingAlias`). */
export function actionChairedSql(viewer: Viewer, meetingAlias: string) {
  return meetingChairedSql(viewer, meetingAlias);
}
/** Only a chair asks for every organisation's actions of her meetings. */
export function mayReadChairedActions(viewer: Viewer & { roles: readonly string[] }): boolean {
  return viewer.roles.includes("CHAIR");
}

/** A profile view worth telling its organisation about: someone from another organisation. */
export function isPartnerView(viewer: Viewer, organisationId: string): boolean {
  return viewer.organisation.id !== organisationId;
}

export function ownsAction(viewer: Viewer, action: { ownerOrganisationId: string }): boolean {
  return action.ownerOrganisationId === viewer.organisation.id;
}

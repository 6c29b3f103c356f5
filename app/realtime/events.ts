/**
 * The real-time contract, declared once and used by the server (realtime.server.ts) and the
 * browser (socket-client.ts, live-board-state.ts). Types are no validation: every incoming payload
 * is also parsed with its zod schema from the command table (live-commands.server.ts).
 */

import type { ItemCapabilities } from "~/domain/access/access.server";
import type { ActionChanges } from "~/domain/actions/action-corrections.server";
import type { ActionStatus, CloseReason, Involvement } from "~/domain/live/live-enums";
import type { TranslationKey } from "~/i18n/keys";
import type { FormErrors } from "~/utils/form-errors";

import type { LiveCommandName, LiveCommandPayload, LiveCommandResult } from "./live-commands.server";

export type AckError = {
  code:
    | "invalid_payload"
    | "forbidden"
    | "unauthenticated"
    | "not_found"
    | "conflict"
    | "rule"
    | "unavailable"
    | "rate_limited"
    | "internal";
  /** A translation key that says what went wrong (translated where it is shown). */
  key: TranslationKey;
  /** Per field, for a form: translation keys with their values. */
  fields?: FormErrors;
  /** Values for the key's message (e.g. how many needs are still open). */
  values?: Record<string, string | number>;
  /** On a conflict: the entity as it is now, to show next to the user's own text. */
  current?: unknown;
};

export type Ack<T = undefined> = { ok: true; data: T } | { ok: false; error: AckError };

// ---- The live meeting -------------------------------------------------------------------------

export type { ActionStatus, Involvement } from "~/domain/live/live-enums";
export type LiveMeetingStatus = "DRAFT" | "PUBLISHED" | "LIVE" | "FINISHED";

export type ProfileExcerpt = {
  profileVersion: number;
  offers: string[];
  limits: string[];
  legalBases: { label: string; allows: string }[];
};

export type RoleCardView = {
  id: string;
  organisationId: string;
  profile: ProfileExcerpt;
  roleInCase: string;
  knowledge: string;
  knowledgeLegalBasis: string;
  contribution: string;
  limitsHere: string;
  completed: boolean;
  version: number;
};

export type ResponsibilityView = { organisationId: string; involvement: Involvement | null; version: number };

export type NeedView = {
  id: string;
  organisationId: string;
  text: string;
  status: "OPEN" | "ADDRESSED" | "WITHDRAWN";
  addressedByOrganisationId: string | null;
  addressedNote: string;
  /** The chair recorded it for the organisation that takes it up. */
  addressedOnBehalf: boolean;
  version: number;
};

export type DecisionView = {
  id: string;
  text: string;
  /** The wording before each correction, oldest first. */
  earlierTexts: string[];
  dissents: { organisationId: string; reason: string }[];
  version: number;
};

export type ActionView = {
  id: string;
  description: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  ownerName: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
  status: ActionStatus;
  /** Offered to this organisation, which has not yet accepted it (the owner stays until then). */
  transferToOrganisationId: string | null;
  /** The last correction of what was agreed (text, due date, owner), if any. */
  corrected: { at: string; byName: string; via: "TABLE" | "ACTIONS" | "MINUTES" } | null;
  version: number;
};

/** An action about this case from an earlier meeting, reviewed first at the table. */
export type EarlierActionView = {
  id: string;
  description: string;
  dueDate: string;
  status: ActionStatus;
  closeReason: CloseReason | null;
  version: number;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerOrganisationId: string;
  transferToOrganisationId: string | null;
  transferToShortCode: string | null;
  meeting: { id: string; title: string };
  updates: ActionHistoryLine[];
};

/** One line of an action's history: a status update, a correction (`changes`), an offer or its refusal. */
export type ActionHistoryLine = {
  id: string;
  at: string;
  byName: string;
  status: ActionStatus;
  closeReason: string | null;
  note: string;
  kind: "STATUS" | "CORRECTION" | "TRANSFER_OFFERED" | "TRANSFER_DECLINED" | "TRANSFER_WITHDRAWN";
  via: "TABLE" | "ACTIONS" | "MINUTES" | null;
  changes: ActionChanges | null;
};

export type ItemBoard = {
  seq: number;
  earlierActions: EarlierActionView[];
  roleCards: RoleCardView[];
  responsibilities: ResponsibilityView[];
  needs: NeedView[];
  decisions: DecisionView[];
  actions: ActionView[];
};

/** The meeting-level state every invitee sees: no case content. */
export type LiveMeetingState = {
  seq: number;
  status: LiveMeetingStatus;
  currentItemId: string | null;
  /** ISO time the current item was put on the table. */
  currentItemSince: string | null;
  endedAt: string | null;
  items: { id: string; closedAt: string | null; closedWithOpenNeeds: boolean }[];
};

export type LiveItem = {
  id: string;
  position: number;
  reference: string;
  timeboxMinutes: number;
  /** Only for the chair and the organisations at this item's table; `can` says what this viewer may do there. */
  content: { question: string; tableOrganisationIds: string[]; can: ItemCapabilities; board: ItemBoard } | null;
};

export type LiveBoard = {
  meetingId: string;
  title: string;
  chairId: string;
  isChair: boolean;
  /** What this viewer may do with the meeting itself (from the access module). */
  can: { runMeeting: boolean };
  viewer: { userId: string; organisationId: string };
  organisations: { id: string; name: string; shortCode: string }[];
  /** Members of the invited organisations, to choose an action's owner from. */
  people: { id: string; name: string; organisationId: string }[];
  state: LiveMeetingState;
  items: LiveItem[];
};

export type Presence = { userId: string; name: string; organisationId: string };

export type BoardChange =
  | { kind: "roleCard"; roleCard: RoleCardView }
  | { kind: "responsibilities"; responsibilities: ResponsibilityView[] }
  | { kind: "need"; need: NeedView }
  | { kind: "decision"; decision: DecisionView }
  | { kind: "action"; action: ActionView }
  | { kind: "earlierAction"; action: EarlierActionView };

export type ItemEvent = {
  meetingId: string;
  itemId: string;
  seq: number;
  change: BoardChange;
  by: { userId: string; name: string; organisationId: string };
};

export type WriteResult = { itemId: string; seq: number; change: BoardChange };

export interface ServerToClientEvents {
  /** The session behind this connection ended (logout, expiry): the client stops reconnecting. */
  "session:ended": (payload: { reason: "logout" | "expired" }) => void;
  /** Who is in the live meeting now (everyone invited receives it). */
  "live:presence": (payload: { meetingId: string; present: Presence[] }) => void;
  /**
   * Who may see what in this meeting changed (a new chair, …): the server has already taken the
   * socket out of the rooms it no longer qualifies for; the client joins again for its new board.
   */
  "live:access": (payload: { meetingId: string }) => void;
  /** The meeting-level state changed: current item, item closed, meeting ended. */
  "live:meeting": (payload: { meetingId: string; state: LiveMeetingState }) => void;
  /** One change on one item's board: only sockets at that item's table receive it. */
  "live:item": (payload: ItemEvent) => void;
}

/** The live meeting's commands, typed from the one table in live-commands.server.ts. */
type LiveCommandEvents = {
  [E in LiveCommandName]: (payload: LiveCommandPayload<E>, ack: (result: Ack<LiveCommandResult<E>>) => void) => void;
};

export type ClientToServerEvents = LiveCommandEvents;

export type { LiveCommandName, LiveCommandPayload, LiveCommandResult };

/** The commands a live form sends (joining and leaving are the board itself). */
export type LiveWriteEvent = Exclude<LiveCommandName, "live:join" | "live:leave">;

/** Server-chosen rooms of the live meeting: never joined on a client's say-so. */
export const liveRooms = {
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  item: (itemId: string) => `item:${itemId}`,
};

/**
 * The live table's choices, declared once: the zod schemas (live.schema.ts) build their enums from
 * these, and components list their options from them. No zod here, so the browser bundle can
 * import it.
 */
export const INVOLVEMENTS = ["LEADS", "CONTRIBUTES", "INFORMED"] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

/** At the table an action is open or in progress; closing it needs a reason (see /acties). */
export const LIVE_ACTION_STATUSES = ["OPEN", "IN_PROGRESS"] as const;
export type LiveActionStatus = (typeof LIVE_ACTION_STATUSES)[number];

export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const CLOSE_REASONS = ["EXECUTED", "NO_LONGER_POSSIBLE", "NOT_DONE"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === "string" && (values as readonly string[]).includes(value);

export const isInvolvement = isOneOf(INVOLVEMENTS);
export const isLiveActionStatus = isOneOf(LIVE_ACTION_STATUSES);
export const isActionStatus = isOneOf(ACTION_STATUSES);
export const isCloseReason = isOneOf(CLOSE_REASONS);

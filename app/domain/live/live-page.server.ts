import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { DomainError } from "~/domain/errors.server";

import { loadBoard } from "./live.server";

/**
 * The live page's data: the board, or why there is none yet. "Not yours" and "does not exist"
 * are both a 404, as everywhere.
 */
export async function liveBoardPage(user: SessionUser, meetingId: string, meta: Acting) {
  try {
    return { board: await loadBoard(user, meetingId, meta), notStarted: false as const };
  } catch (error) {
    if (error instanceof DomainError && error.key === "live.errors.notStarted")
      return { board: null, notStarted: true as const };
    throw error;
  }
}

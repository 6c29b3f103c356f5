import type { BoardChange, ItemBoard, ItemEvent, LiveBoard, LiveMeetingState } from "./events";

/**
 * The browser's copy of a live board, and how events change it. Pure functions (unit-tested):
 * each item's changes are numbered by the server; a change is applied exactly once and in order,
 * a change that arrives early waits for the ones before it, and a gap that does not fill is the
 * signal to reload the board (catch-up).
 */

function upsert<T extends { id: string; version: number }>(list: T[], entity: T): T[] {
  const at = list.findIndex((e) => e.id === entity.id);
  if (at === -1) return [...list, entity];
  if ((list[at] as T).version > entity.version) return list;
  return list.map((e, i) => (i === at ? entity : e));
}

export function applyChange(board: ItemBoard, change: BoardChange): ItemBoard {
  switch (change.kind) {
    case "roleCard":
      return { ...board, roleCards: upsert(board.roleCards, change.roleCard) };
    case "responsibilities":
      return { ...board, responsibilities: change.responsibilities };
    case "need":
      return { ...board, needs: upsert(board.needs, change.need) };
    case "decision":
      return { ...board, decisions: upsert(board.decisions, change.decision) };
    case "action":
      return { ...board, actions: upsert(board.actions, change.action) };
    case "earlierAction":
      return { ...board, earlierActions: upsert(board.earlierActions, change.action) };
  }
}

export type Applied = { board: LiveBoard; applied: ItemEvent[]; waiting: ItemEvent[] };

/**
 * Applies what can be applied of `incoming` plus what was `waiting`: per item, the change numbered
 * one above the board's, then the next, and so on. Older numbers are dropped (already in the
 * board), later ones keep waiting.
 */
export function applyItemEvents(board: LiveBoard, waiting: ItemEvent[], incoming: ItemEvent[] = []): Applied {
  let queue = [...waiting, ...incoming].sort((a, b) => a.seq - b.seq);
  const applied: ItemEvent[] = [];
  let items = board.items;
  let progress = true;
  while (progress) {
    progress = false;
    const next: ItemEvent[] = [];
    for (const event of queue) {
      const item = items.find((i) => i.id === event.itemId);
      const content = item?.content;
      if (!item || !content || event.seq <= content.board.seq) continue; // not ours, or already in
      if (event.seq !== content.board.seq + 1) {
        next.push(event);
        continue;
      }
      const updated = { ...applyChange(content.board, event.change), seq: event.seq };
      items = items.map((i) => (i.id === item.id ? { ...item, content: { ...content, board: updated } } : i));
      applied.push(event);
      progress = true;
    }
    queue = next;
  }
  return { board: applied.length ? { ...board, items } : board, applied, waiting: queue };
}

export function applyMeetingState(board: LiveBoard, state: LiveMeetingState): LiveBoard {
  return state.seq > board.state.seq ? { ...board, state } : board;
}

/** Per organisation at an item: needs raised and addressed, actions owned, card completed. */
export function balanceOf(board: ItemBoard, organisationIds: string[]) {
  return organisationIds.map((organisationId) => ({
    organisationId,
    // A withdrawn need was not asked of the table after all.
    needsRaised: board.needs.filter((n) => n.organisationId === organisationId && n.status !== "WITHDRAWN").length,
    needsOpen: board.needs.filter((n) => n.organisationId === organisationId && n.status === "OPEN").length,
    needsAddressed: board.needs.filter((n) => n.addressedByOrganisationId === organisationId).length,
    actionsOwned: board.actions.filter((a) => a.ownerOrganisationId === organisationId).length,
    cardCompleted: board.roleCards.some((c) => c.organisationId === organisationId && c.completed),
  }));
}

/** The id of the entity a change is about, for highlighting it. */
export function changedEntityId(change: BoardChange): string {
  switch (change.kind) {
    case "roleCard":
      return change.roleCard.id;
    case "responsibilities":
      return "responsibilities";
    case "need":
      return change.need.id;
    case "decision":
      return change.decision.id;
    case "action":
    case "earlierAction":
      return change.action.id;
  }
}

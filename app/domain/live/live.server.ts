/**
 * The live meeting's domain, along its seams: views (live-views), starting, access and the board
 * (live-board), the chair's controls (live-chair) and the board writes (live-writes, live-needs, live-decisions, live-actions).
 */
export { liveAccess, loadBoard, startMeeting } from "./live-board.server";
export type { LiveAccess } from "./live-board.server";
export { closeItem, endMeeting, setCurrentItem } from "./live-chair.server";
export {
  addAction,
  addDecision,
  saveRoleCard,
  setActionStatus,
  setResponsibility,
  updateEarlierAction,
} from "./live-writes.server";
export { addNeed, addressNeed, editNeed, withdrawNeed } from "./live-needs.server";
export { correctDecision } from "./live-decisions.server";
export { answerTransfer, correctAction } from "./live-actions.server";

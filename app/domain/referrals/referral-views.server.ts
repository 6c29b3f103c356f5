/** What the referral pages show of a deadline: the last day (Amsterdam), working days left, or overdue. */
import { amsterdamDate, workingDaysBetween } from "./working-days.server";

export type Due = { lastDay: string; daysLeft: number; overdue: boolean };

export function dueOf(deadlineAt: Date | null, now: Date): Due | null {
  if (!deadlineAt) return null;
  const lastMoment = new Date(deadlineAt.getTime() - 1);
  const overdue = now.getTime() >= deadlineAt.getTime();
  return { lastDay: amsterdamDate(lastMoment), daysLeft: overdue ? 0 : workingDaysBetween(now, lastMoment), overdue };
}

type Listed = {
  id: string;
  kind: "REFERRAL" | "PROPOSAL";
  status: string;
  urgency: "ROUTINE" | "URGENT";
  question: string;
  deadlineAt: Date | null;
  createdAt: Date;
  decidedAt: Date | null;
  outcomeReason: string | null;
  otherTable: string;
  agendaItemId: string | null;
  case: { reference: string; riskLevel: string; status: string };
  referringOrganisation: { shortCode: string };
  meeting: { id: string; title: string; startsAt: Date; status: string; chairId: string } | null;
};

/**
 * One row of a referral list, as the pages show it to `viewer`. A meeting still in preparation is
 * its chair's: the others read that the case is scheduled, not which meeting.
 */
export function listedReferral(r: Listed, now: Date, viewer: { id: string }) {
  const meetingShown = r.meeting && (r.meeting.status !== "DRAFT" || r.meeting.chairId === viewer.id);
  const pending = r.status === "PENDING";
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as "PENDING" | "TO_MEETING" | "OTHER_TABLE" | "RETURNED" | "NO_ACTION",
    urgency: r.urgency,
    question: r.question,
    reference: r.case.reference,
    riskLevel: r.case.riskLevel as "ACUTE" | "HIGH" | "ELEVATED" | "LOW",
    from: r.referringOrganisation.shortCode,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    outcomeReason: r.outcomeReason ?? "",
    otherTable: r.otherTable,
    meeting:
      r.meeting && meetingShown
        ? { id: r.meeting.id, title: r.meeting.title, startsAt: r.meeting.startsAt.toISOString() }
        : null,
    due: pending ? dueOf(r.deadlineAt, now) : null,
    /** Waiting while its case was closed meanwhile: triage can only give it back or take no action. */
    caseClosed: pending && r.case.status !== "OPEN",
    /** It went onto an agenda and the chair took the item off again. */
    offAgenda: r.status === "TO_MEETING" && r.agendaItemId === null,
  };
}
export type ListedReferral = ReturnType<typeof listedReferral>;

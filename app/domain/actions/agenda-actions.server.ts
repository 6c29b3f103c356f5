/**
 * "Openstaande acties" at the top of an agenda: what was agreed earlier for the cases on it, as
 * far as the viewer may see those cases (the access module's item rule).
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import {
  itemSeat,
  meetingAccessSelect,
  meetingRecord,
  meetingVisibleWhere,
  ownsAction,
  seesItemContent,
  verifiedMeeting,
} from "~/domain/access/access.server";
import type { VerifiedMeeting } from "~/domain/access/access.server";
import { ensure, notFound } from "~/domain/errors.server";

import { earlierActionsByCase } from "./action-history.server";
import { amsterdamToday } from "./actions.server";

/**
 * "Openstaande acties" at the top of an agenda: for each case on it that the viewer may see (the
 * chair all; others the items at their organisation's table), the actions from earlier meetings
 * that are still open, and those closed since the case was last on an agenda — each with its
 * history, so the table reviews first what was agreed last time and why it was or was not done.
 */
export async function actionsForAgenda(viewer: SessionUser, meetingId: string, known?: VerifiedMeeting) {
  const meeting = known?.id === meetingId ? known : await verifiedAgenda(viewer, meetingId);
  const cases = meeting.items.filter((i) => seesItemContent(itemSeat(viewer, meeting.record, i)));
  const byCase = await earlierActionsByCase(
    meetingId,
    meeting.startsAt,
    cases.map((i) => i.caseId),
  );
  const result = [];
  for (const item of cases) {
    const actions = byCase.get(item.caseId) ?? [];
    if (actions.length === 0) continue;
    const today = amsterdamToday(new Date());
    result.push({
      reference: item.reference,
      actions: actions.map((a) => ({
        ...a,
        overdue: a.status !== "DONE" && a.dueDate < today.toISOString().slice(0, 10),
        ownerOrganisation: a.ownerShortCode,
        mayUpdate: ownsAction(viewer, a),
        caseReference: item.reference,
      })),
    });
  }
  return result;
}

async function verifiedAgenda(viewer: SessionUser, meetingId: string): Promise<VerifiedMeeting> {
  const meeting = await prisma.meeting.findFirst({
    where: { id: meetingId, ...meetingVisibleWhere(viewer) },
    select: {
      id: true,
      startsAt: true,
      ...meetingAccessSelect,
      items: {
        orderBy: { position: "asc" },
        select: { caseId: true, case: { select: { reference: true } }, tables: { select: { organisationId: true } } },
      },
    },
  });
  ensure(meeting, notFound);
  return verifiedMeeting({
    id: meeting.id,
    startsAt: meeting.startsAt,
    record: meetingRecord(meeting),
    items: meeting.items.map((i) => ({
      caseId: i.caseId,
      reference: i.case.reference,
      tableOrganisationIds: i.tables.map((t) => t.organisationId),
    })),
  });
}

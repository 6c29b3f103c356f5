/**
 * The case across meetings, for its page: every agenda item of the case whose content the viewer
 * may see (the access module's item rule: the meeting's chair, or an organisation at that item's
 * table), in meeting order, each with its question, table, lead, decisions with dissent, needs
 * raised and met, and the actions agreed there with their state. Items at tables the viewer was
 * not at are left out entirely — not counted, not named.
 */
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { itemContentWhere } from "~/domain/access/access.server";
import type { Prisma } from "~/generated/prisma/client";

const organisation = { select: { shortCode: true, name: true } } as const;

const timelineSelect = {
  id: true,
  question: true,
  closedAt: true,
  meeting: { select: { id: true, title: true, startsAt: true, status: true } },
  tables: { orderBy: { organisation: { shortCode: "asc" } }, select: { involvement: true, organisation } },
  decisions: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      text: true,
      earlierTexts: true,
      dissents: { orderBy: { organisationId: "asc" }, select: { reason: true, organisation } },
    },
  },
  needs: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      text: true,
      status: true,
      addressedNote: true,
      organisation,
      addressedByOrganisation: organisation,
    },
  },
  actions: {
    orderBy: [{ dueDate: "asc" }, { id: "asc" }] as Prisma.ActionOrderByWithRelationInput[],
    select: {
      id: true,
      description: true,
      dueDate: true,
      status: true,
      closeReason: true,
      ownerOrganisation: organisation,
    },
  },
} as const satisfies Prisma.AgendaItemSelect;

/** The viewer's part of the case's history, oldest meeting first. */
export async function caseTimeline(viewer: SessionUser, caseId: string, now = new Date()) {
  const items = await prisma.agendaItem.findMany({
    where: { caseId, ...itemContentWhere(viewer) },
    orderBy: [{ meeting: { startsAt: "asc" } }, { id: "asc" }],
    select: timelineSelect,
  });
  const today = now.toISOString().slice(0, 10);
  return items.map((item) => ({
    id: item.id,
    question: item.question,
    closed: item.closedAt !== null,
    meeting: { ...item.meeting, startsAt: item.meeting.startsAt.toISOString() },
    table: item.tables.map((t) => ({ shortCode: t.organisation.shortCode, involvement: t.involvement })),
    decisions: item.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      earlierTexts: d.earlierTexts,
      dissents: d.dissents.map((x) => ({ organisation: x.organisation.shortCode, reason: x.reason })),
    })),
    needs: item.needs.map((n) => ({
      id: n.id,
      text: n.text,
      status: n.status,
      by: n.organisation.shortCode,
      addressedBy: n.addressedByOrganisation?.shortCode ?? null,
      addressedNote: n.addressedNote,
    })),
    actions: item.actions.map((a) => {
      const dueDate = a.dueDate.toISOString().slice(0, 10);
      return {
        id: a.id,
        description: a.description,
        dueDate,
        status: a.status,
        closeReason: a.closeReason,
        owner: a.ownerOrganisation.shortCode,
        overdue: a.status !== "DONE" && dueDate < today,
      };
    }),
  }));
}

export type CaseTimelineEntry = Awaited<ReturnType<typeof caseTimeline>>[number];

/**
 * Who leads the case now: the organisation that took the lead at the most recent table of the
 * case where one did (a case-level fact for everyone who may open the case), or null.
 */
export async function currentLead(caseId: string) {
  const lead = await prisma.agendaItemTable.findFirst({
    where: { involvement: "LEADS", agendaItem: { caseId, meeting: { status: { in: ["LIVE", "FINISHED"] } } } },
    orderBy: { agendaItem: { meeting: { startsAt: "desc" } } },
    select: {
      organisation: { select: { name: true, shortCode: true, slug: true } },
      agendaItem: { select: { meeting: { select: { title: true, startsAt: true } } } },
    },
  });
  return lead
    ? {
        ...lead.organisation,
        since: { title: lead.agendaItem.meeting.title, startsAt: lead.agendaItem.meeting.startsAt.toISOString() },
      }
    : null;
}

/** The agenda: items added, moved and reordered by the chair, and publishing it. */
import { actorOf, recordAudit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { caseVisibleWhere } from "~/domain/access/access.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, notFound, ruleError } from "~/domain/errors.server";
import type { Prisma } from "~/generated/prisma/client";

import type { ChairedMeeting } from "./meeting-chair.server";
import { requireChairOf } from "./meeting-chair.server";
import type { NewAgendaItem } from "./meeting.schema";

/**
 * Puts a case on the agenda. Only the chair; only a case the chair may see; the asking
 * organisation and every organisation at the table must be invited (the asking one is always at
 * the table). After publishing, the item is marked as a change.
 */
export async function addAgendaItem(user: SessionUser, meetingId: string, input: NewAgendaItem, meta: Acting) {
  const meeting = await requireChairOf(user, meetingId);
  const found = await prisma.case.findFirst({
    where: { reference: input.caseReference, ...caseVisibleWhere(user) },
    select: { id: true },
  });
  if (!found) throw ruleError("meetings.errors.unknownCase");
  const item = await insertItem(meeting, { ...input, caseId: found.id }, meta.now ?? new Date());
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.item.added",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    details: { case: input.caseReference },
    at: meta.now,
  });
  return item;
}

/** The one place an item joins an agenda (directly or from an accepted proposal); a case is on it once. */
export async function insertItem(
  meeting: ChairedMeeting,
  input: Omit<NewAgendaItem, "caseReference"> & { caseId: string },
  now: Date,
  tx: Prisma.TransactionClient | null = null,
) {
  if (meeting.status === "LIVE" || meeting.status === "FINISHED") throw ruleError("meetings.errors.closedForChanges");
  const invited = new Set(meeting.invitations.map((i) => i.organisationId));
  const tables = new Set([...input.tableOrganisationIds, input.askingOrganisationId]);
  if (![...tables].every((id) => invited.has(id))) throw ruleError("meetings.errors.tableNotInvited");
  const write = async (db: Prisma.TransactionClient) => {
    // One agenda change at a time per meeting: the place at the end and "not on it yet" stay true;
    // and the meeting is still open for changes (it may have started since it was read).
    const [locked] = await db.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "Meeting" WHERE id = ${meeting.id} FOR UPDATE`;
    if (!locked || locked.status === "LIVE" || locked.status === "FINISHED")
      throw ruleError("meetings.errors.closedForChanges");
    const twice = await db.agendaItem.count({ where: { meetingId: meeting.id, caseId: input.caseId } });
    if (twice > 0) throw ruleError("meetings.errors.caseAlreadyOnAgenda");
    const last = await db.agendaItem.aggregate({ where: { meetingId: meeting.id }, _max: { position: true } });
    return db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        caseId: input.caseId,
        question: input.question,
        askingOrganisationId: input.askingOrganisationId,
        timeboxMinutes: input.timeboxMinutes,
        position: (last._max.position ?? 0) + 1,
        changedAfterPublishAt: meeting.status === "PUBLISHED" ? now : null,
        tables: { create: [...tables].map((organisationId) => ({ organisationId })) },
      },
      select: { id: true },
    });
  };
  return tx ? write(tx) : prisma.$transaction(write);
}

/**
 * Writes a new order. Items whose place changed after publishing are marked as changed, and the
 * change is audited like every other change to the agenda.
 */
async function writeOrder(user: SessionUser, meeting: ChairedMeeting, before: string[], order: string[], meta: Acting) {
  const now = meta.now ?? new Date();
  const published = meeting.status === "PUBLISHED";
  await prisma.$transaction(
    order.map((id, index) =>
      prisma.agendaItem.update({
        where: { id },
        data: { position: index + 1, ...(published && before[index] !== id ? { changedAfterPublishAt: now } : {}) },
      }),
    ),
  );
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.agenda.reordered",
    subjectType: "Meeting",
    subjectId: meeting.id,
    clientAddress: meta.clientAddress,
    at: now,
  });
}

/** Moves an item one place up or down (the keyboard alternative to drag and drop). */
export async function moveAgendaItem(
  user: SessionUser,
  meetingId: string,
  itemId: string,
  direction: "up" | "down",
  meta: Acting = { clientAddress: null },
) {
  const meeting = await requireChairOf(user, meetingId);
  const items = await prisma.agendaItem.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const at = items.findIndex((i) => i.id === itemId);
  ensure(at >= 0, notFound);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= items.length) return;
  const before = items.map((i) => i.id);
  const order = [...before];
  [order[at], order[to]] = [order[to] as string, order[at] as string];
  await writeOrder(user, meeting, before, order, meta);
}

/**
 * Sets the whole order at once (drag and drop). The list must be exactly the agenda's current
 * items: if someone added or removed one meanwhile, the order is refused rather than guessed.
 */
export async function reorderAgenda(
  user: SessionUser,
  meetingId: string,
  orderedIds: string[],
  meta: Acting = { clientAddress: null },
) {
  const meeting = await requireChairOf(user, meetingId);
  const current = await prisma.agendaItem.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const same =
    orderedIds.length === current.length &&
    new Set(orderedIds).size === orderedIds.length &&
    current.every((i) => orderedIds.includes(i.id));
  if (!same) throw ruleError("meetings.errors.staleOrder");
  await writeOrder(
    user,
    meeting,
    current.map((i) => i.id),
    orderedIds,
    meta,
  );
}

/** Draft → published: from now on invitees see the meeting, and changes are marked. */
export async function publishMeeting(user: SessionUser, meetingId: string, meta: Acting) {
  const meeting = await requireChairOf(user, meetingId);
  if (meeting.status !== "DRAFT") throw ruleError("meetings.errors.alreadyPublished");
  await prisma.meeting.update({
    where: { id: meetingId },
    data: { status: "PUBLISHED", publishedAt: meta.now ?? new Date() },
  });
  await recordAudit({
    actor: actorOf(user),
    action: "meeting.published",
    subjectType: "Meeting",
    subjectId: meetingId,
    clientAddress: meta.clientAddress,
    at: meta.now,
  });
}

import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";

/** Actions written to the audit trail. Dotted: area.subject.verb. */
export type AuditAction =
  | "auth.login.succeeded"
  | "auth.login.failed"
  | "auth.login.throttled"
  | "auth.logout"
  | "auth.session.expired"
  | "organisation.profile.saved"
  | "organisation.profile.restored"
  | "organisation.profile.reviewed"
  | "case.created"
  | "case.viewed"
  | "meeting.created"
  | "meeting.published"
  | "meeting.updated"
  | "meeting.chair.reassigned"
  | "meeting.item.added"
  | "meeting.agenda.reordered"
  | "meeting.agenda.viewed"
  | "meeting.proposal.made"
  | "meeting.proposal.accepted"
  | "meeting.proposal.declined"
  | "meeting.calendar.downloaded"
  | "meeting.started"
  | "meeting.ended"
  | "meeting.live.viewed"
  | "meeting.item.current"
  | "meeting.item.closed"
  | "live.roleCard.saved"
  | "live.responsibility.set"
  | "live.need.raised"
  | "live.need.addressed"
  | "live.decision.recorded"
  | "live.action.added"
  | "live.action.status"
  | "action.list.viewed"
  | "action.updated"
  | "action.closed"
  | "action.exported"
  | "case.closed"
  | "retention.dry-run"
  | "retention.case.anonymised"
  | "minutes.viewed"
  | "minutes.approved"
  | "minutes.amended"
  | "minutes.exported";

export type AuditActor = { userId: string; organisationId: string } | null;

export type AuditInput = {
  actor: AuditActor;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string;
  clientAddress?: string | null;
  details?: Prisma.InputJsonValue;
  at?: Date;
};

/**
 * Appends one row to the audit trail (the database refuses to change or delete it later). Pass a
 * transaction client to write it together with the change it records.
 */
export async function recordAudit(input: AuditInput, db: Prisma.TransactionClient = prisma): Promise<void> {
  // createMany: no row comes back (a create returned the whole row, several times slower).
  await db.auditEvent.createMany({
    data: {
      occurredAt: input.at,
      actorUserId: input.actor?.userId ?? null,
      actorOrganisationId: input.actor?.organisationId ?? null,
      action: input.action,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      clientAddress: input.clientAddress ?? null,
      details: input.details,
    },
  });
}

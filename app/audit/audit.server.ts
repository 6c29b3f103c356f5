import { containsNul, InvalidTextError, prisma, sqlQuery } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

import type { AuditAction } from "./audit-actions";

export type { AuditAction } from "./audit-actions";

export type AuditActor = { userId: string; organisationId: string } | null;

/** A signed-in user as the actor of an audit event: who, and for which organisation. */
export const actorOf = (user: { id: string; organisation: { id: string } }) => ({
  userId: user.id,
  organisationId: user.organisation.id,
});

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
 * The INSERT of one audit row as SQL, for a statement that records what it shows in the same round
 * trip (a data-modifying CTE: `WITH audited AS (${auditInsertSql(…)})`). Refuses NUL characters
 * in any field, as the client does (the details go as JSON text, where sqlQuery cannot see them).
 */
export function auditInsertSql(input: AuditInput): Prisma.Sql {
  if (containsNul(input)) throw new InvalidTextError();
  const details = input.details === undefined ? null : JSON.stringify(input.details);
  const at = (input.at ?? new Date()).toISOString();
  return Prisma.sql`
    INSERT INTO "AuditEvent"
      ("occurredAt", "actorUserId", "actorOrganisationId", action, "subjectType", "subjectId", "clientAddress", details)
    VALUES (${at}::timestamptz AT TIME ZONE 'UTC', ${input.actor?.userId ?? null}, ${input.actor?.organisationId ?? null},
            ${input.action}, ${input.subjectType ?? null}, ${input.subjectId ?? null}, ${input.clientAddress ?? null},
            ${details}::jsonb)`;
}

/**
 * Appends one row to the audit trail (the database refuses to change or delete it later). Pass a
 * transaction client to write it together with the change it records.
 */
export async function recordAudit(input: AuditInput, db: Prisma.TransactionClient = prisma): Promise<void> {
  if (db === prisma) {
    // On its own: one INSERT statement through the pool (sqlQuery makes the client's NUL check).
    // Prisma wraps a lone createMany in BEGIN … COMMIT (three round trips) and compiles every
    // query first; a view's audit row (the busiest kind) should cost one round trip and no more.
    await sqlQuery(auditInsertSql(input));
    return;
  }
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

import { recordAudit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { MinutesContent } from "~/domain/minutes/minutes.server";
import { Prisma } from "~/generated/prisma/client";
import { logger } from "~/utils/logger.server";

/** Erased text is replaced by this, so a reader sees that something was there. */
export const ERASED = "";

export type RetentionCase = { reference: string; closedAt: string; agendaItems: number; actions: number };
export type RetentionResult = { dryRun: boolean; cutoff: string; cases: RetentionCase[] };

/** `months` before `now`: a case closed at or before this moment is due for erasure. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/** The moment a case closed at `closedAt` loses its content (shown to whoever may reopen it). */
export function retentionEnd(closedAt: Date, months: number): Date {
  const end = new Date(closedAt);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/**
 * Closed cases whose retention period has passed lose their content: the case description, the
 * question on every agenda item about it, role cards, needs, decisions (with dissent reasons),
 * actions with their notes, and proposals. What stays is the pseudonymous reference, the region,
 * the dates and the structure (who sat at which table), so the audit trail — which never held
 * case content, only references — still reads. Dry run: lists what would go, changes nothing.
 */
export async function runRetention({
  now = new Date(),
  months,
  dryRun,
}: {
  now?: Date;
  months: number;
  dryRun: boolean;
}): Promise<RetentionResult> {
  const cutoff = retentionCutoff(now, months);
  const due = await prisma.case.findMany({
    where: { status: "CLOSED", closedAt: { lte: cutoff }, anonymisedAt: null },
    orderBy: { closedAt: "asc" },
    select: {
      id: true,
      reference: true,
      closedAt: true,
      _count: { select: { agendaItems: true, actions: true } },
    },
  });
  const cases = due.map((c) => ({
    reference: c.reference,
    closedAt: (c.closedAt as Date).toISOString(),
    agendaItems: c._count.agendaItems,
    actions: c._count.actions,
  }));
  if (dryRun) {
    await recordAudit({
      actor: null,
      action: "retention.dry-run",
      details: { cutoff: cutoff.toISOString(), cases: cases.map((c) => c.reference) },
      at: now,
    });
    return { dryRun, cutoff: cutoff.toISOString(), cases };
  }
  for (const c of due) {
    await prisma.$transaction(async (tx) => {
      await eraseCaseContent(tx, c.id);
      await eraseFromMinutes(tx, c.reference);
      // The condition makes two runs at once harmless: only one of them erases and records.
      const erased = await tx.case.updateMany({
        where: { id: c.id, anonymisedAt: null },
        data: { description: ERASED, anonymisedAt: now },
      });
      if (erased.count === 1) {
        await recordAudit(
          {
            actor: null,
            action: "retention.case.anonymised",
            subjectType: "Case",
            subjectId: c.reference,
            details: { closedAt: (c.closedAt as Date).toISOString(), months },
            at: now,
          },
          tx,
        );
      }
    });
  }
  return { dryRun, cutoff: cutoff.toISOString(), cases };
}

/** Everything said about the case at a table: the words go, the structure stays. */
async function eraseCaseContent(tx: Prisma.TransactionClient, caseId: string) {
  const items = { agendaItem: { caseId: caseId } };
  await tx.roleCard.updateMany({
    where: items,
    data: {
      roleInCase: ERASED,
      knowledge: ERASED,
      knowledgeLegalBasis: ERASED,
      contribution: ERASED,
      limitsHere: ERASED,
    },
  });
  await tx.need.updateMany({ where: items, data: { text: ERASED, addressedNote: ERASED } });
  await tx.decisionDissent.updateMany({ where: { decision: items }, data: { reason: ERASED } });
  await tx.decision.updateMany({ where: items, data: { text: ERASED, earlierTexts: [] } });
  // A correction's history keeps what the text was and became: erased with the rest.
  await tx.actionUpdate.updateMany({
    where: { action: { caseId: caseId } },
    data: { note: ERASED, changes: Prisma.DbNull },
  });
  await tx.action.updateMany({
    where: { caseId: caseId },
    data: { description: ERASED, transferToOrganisationId: null },
  });
  await tx.referral.updateMany({
    where: { caseId: caseId },
    data: { question: ERASED, outcomeReason: null, notInformedReason: "", otherTable: "" },
  });
  await tx.agendaItem.updateMany({ where: { caseId: caseId }, data: { question: ERASED } });
  // Every earlier version of the description, and the reasons given for closing or reopening.
  await tx.caseRevision.updateMany({ where: { caseId }, data: { description: ERASED } });
  await tx.caseEvent.updateMany({ where: { caseId }, data: { note: null } });
  await tx.caseRegie.updateMany({ where: { caseId }, data: { reason: ERASED, declineReason: "" } });
  await tx.caseEscalation.updateMany({ where: { caseId }, data: { reason: ERASED, outcome: "" } });
  await tx.caseGoal.updateMany({ where: { caseId }, data: { text: ERASED } });
  await tx.removedAgendaItem.updateMany({ where: { caseId: caseId }, data: { reason: ERASED } });
}

/**
 * Approved minutes keep a frozen copy: the case's items in it lose their text too (the structure,
 * reference and organisations stay), and so do amendments about those items.
 */
async function eraseFromMinutes(tx: Prisma.TransactionClient, reference: string) {
  const minutes = await tx.minutes.findMany({
    where: { meeting: { items: { some: { case: { reference } } } } },
    select: { id: true, content: true },
  });
  for (const m of minutes) {
    const itemIds: string[] = [];
    if (m.content) {
      const content = m.content as unknown as MinutesContent;
      content.items = content.items.map((item) => {
        if (item.reference !== reference) return item;
        itemIds.push(item.id);
        return {
          ...item,
          question: ERASED,
          roleCards: item.roleCards.map((c) => ({
            ...c,
            roleInCase: ERASED,
            contribution: ERASED,
            limitsHere: ERASED,
          })),
          needs: item.needs.map((n) => ({ ...n, text: ERASED, note: ERASED })),
          decisions: item.decisions.map((d) => ({
            text: ERASED,
            earlierTexts: [],
            dissents: d.dissents.map((x) => ({ ...x, reason: ERASED })),
          })),
          actions: item.actions.map((a) => ({ ...a, description: ERASED })),
        };
      });
      await tx.minutes.update({ where: { id: m.id }, data: { content: content as unknown as Prisma.InputJsonValue } });
    }
    if (itemIds.length) {
      await tx.minutesAmendment.updateMany({
        where: { minutesId: m.id, agendaItemId: { in: itemIds } },
        data: { change: ERASED, reason: ERASED, changes: Prisma.DbNull },
      });
    }
  }
}

/**
 * The scheduled job: a minute after start, then every six hours. Several app processes may run it
 * at once: each case is erased and recorded once (the `anonymisedAt` condition).
 */
export function scheduleRetention(months: number): () => void {
  const run = () =>
    runRetention({ months, dryRun: false })
      .then((result) => {
        if (result.cases.length > 0)
          logger.info({ cases: result.cases.map((c) => c.reference) }, "retention: cases anonymised");
      })
      .catch((error: unknown) => logger.error({ err: error }, "retention job failed"));
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, 6 * 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

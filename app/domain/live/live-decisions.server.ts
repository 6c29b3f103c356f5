/** Correcting a decision's wording at the live table (the chair, until the item closes). */
import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, forbidden } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { DecisionView } from "~/realtime/events";

import { writeInOneStatement } from "./board-write.server";
import { decisionSelect, decisionView, notFound } from "./live-views.server";
import type { CorrectDecisionInput } from "./live.schema";

/**
 * The chair corrects how a decision was worded. The earlier wording is kept with it (the minutes
 * show it); who dissented, and why, stays as it was. A closed item's decisions are final.
 */
export async function correctDecision(user: SessionUser, input: CorrectDecisionInput, meta: Acting) {
  const [row] = await sqlQuery<DecisionView & { agendaItemId: string }>(Prisma.sql`
    SELECT d.id, d."agendaItemId", d.text, d."earlierTexts", d.version,
           COALESCE((SELECT json_agg(json_build_object('organisationId', x."organisationId", 'reason', x.reason)
                                     ORDER BY x."organisationId")
                     FROM "DecisionDissent" x WHERE x."decisionId" = d.id), '[]') AS dissents
    FROM "Decision" d WHERE d.id = ${input.decisionId}`);
  if (!row) throw notFound();
  const { agendaItemId, ...current } = row;
  const explain = async (): Promise<never> => {
    const now = await prisma.decision.findUniqueOrThrow({ where: { id: input.decisionId }, select: decisionSelect });
    throw conflict("live.errors.stale", decisionView(now));
  };
  return writeInOneStatement(
    user,
    { itemId: agendaItemId },
    input.key,
    "live.decision.corrected",
    meta,
    (ctx) => {
      if (!ctx.can.addDecision) throw forbidden("live.errors.chairOnly");
      if (current.version !== input.version) return explain();
      const decision: DecisionView = {
        ...current,
        text: input.text,
        earlierTexts: [...current.earlierTexts, current.text],
        version: input.version + 1,
      };
      return {
        change: { kind: "decision", decision },
        subjectId: decision.id,
        sql: Prisma.sql`changed AS (
          UPDATE "Decision" SET "earlierTexts" = array_append("earlierTexts", text), text = ${input.text},
            version = version + 1
          WHERE id = ${input.decisionId} AND version = ${input.version} AND EXISTS (SELECT 1 FROM bumped)
          RETURNING id)`,
      };
    },
    explain,
  );
}

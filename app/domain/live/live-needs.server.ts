/**
 * Needs at the live table ("wij hebben nodig dat…"): raised by an organisation for itself,
 * reworded or withdrawn by that organisation while open, and taken up by the organisation that
 * says so — the chair may record that for another organisation, and the board shows it as such.
 */
import { randomUUID } from "node:crypto";

import type { SessionUser } from "~/auth/session.server";
import { prisma, sqlQuery } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { conflict, forbidden, ruleError } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { NeedView } from "~/realtime/events";

import type { OneStatementWrite } from "./board-statement.server";
import { unreachable, writeInOneStatement } from "./board-write.server";
import type { ItemContext } from "./board-write.server";
import { needSelect, needView, notFound } from "./live-views.server";
import type { AddressNeedInput, EditNeedInput, NeedInput, WithdrawNeedInput } from "./live.schema";

/** A member raises a need on behalf of their own organisation. */
export async function addNeed(user: SessionUser, input: NeedInput, meta: Acting) {
  const need: NeedView = {
    id: randomUUID(),
    organisationId: user.organisation.id,
    text: input.text,
    status: "OPEN",
    addressedByOrganisationId: null,
    addressedNote: "",
    addressedOnBehalf: false,
    version: 1,
  };
  return writeInOneStatement(
    user,
    { itemId: input.itemId },
    input.key,
    "live.need.raised",
    meta,
    (ctx, now) => {
      if (!ctx.can.raiseNeed) throw forbidden("live.errors.notAtTable");
      return {
        change: { kind: "need", need },
        subjectId: need.id,
        sql: Prisma.sql`changed AS (
          INSERT INTO "Need" (id, "agendaItemId", "organisationId", text, "createdById", "createdAt")
          SELECT ${need.id}, ${input.itemId}, ${need.organisationId}, ${need.text}, ${user.id}, ${now} FROM bumped
          RETURNING id)`,
      };
    },
    unreachable,
  );
}

type NeedChange = {
  key: string;
  needId: string;
  version: number;
  action: "live.need.addressed" | "live.need.edited" | "live.need.withdrawn";
  /** Who may make it (from the item's capabilities) and what the need becomes. */
  build: (ctx: ItemContext, current: NeedView, now: Date) => { need: NeedView; set: Prisma.Sql };
};

/**
 * A change of an open need, in one statement: read (for its item and the view after the write),
 * checked against the capabilities, written only if its version and status are as read.
 */
async function changeNeed(user: SessionUser, change: NeedChange, meta: Acting) {
  const [row] = await sqlQuery<NeedView & { agendaItemId: string }>(Prisma.sql`
    SELECT id, "agendaItemId", "organisationId", text, status::text AS status, "addressedByOrganisationId",
           "addressedNote", "addressedOnBehalf", version
    FROM "Need" WHERE id = ${change.needId}`);
  if (!row) throw notFound();
  const { agendaItemId, ...current } = row;
  const explain = async (): Promise<never> => {
    const now = await prisma.need.findUniqueOrThrow({ where: { id: change.needId }, select: needSelect });
    throw conflict("live.errors.stale", needView(now));
  };
  return writeInOneStatement(
    user,
    { itemId: agendaItemId },
    change.key,
    change.action,
    meta,
    (ctx, now): OneStatementWrite | Promise<never> => {
      const { need, set } = change.build(ctx, current, now);
      // The view after the write is the row as read, changed: its version says nothing moved since.
      if (current.version !== change.version || current.status !== "OPEN") return explain();
      return {
        change: { kind: "need", need: { ...need, version: change.version + 1 } },
        subjectId: need.id,
        sql: Prisma.sql`changed AS (
          UPDATE "Need" SET ${set}, version = version + 1
          WHERE id = ${change.needId} AND version = ${change.version} AND status = 'OPEN' AND EXISTS (SELECT 1 FROM bumped)
          RETURNING id)`,
      };
    },
    explain,
  );
}

/** The organisation that takes a need up says so; the chair may record it for another one. */
export function addressNeed(user: SessionUser, input: AddressNeedInput, meta: Acting) {
  return changeNeed(
    user,
    {
      ...input,
      action: "live.need.addressed",
      build: (ctx, current, now) => {
        const by = input.addressedByOrganisationId;
        if (!ctx.tableOrganisationIds.includes(by)) throw ruleError("live.errors.notAtTableOrganisation");
        if (!ctx.can.addressNeedFor.includes(by)) throw forbidden("live.errors.notYourOrganisation");
        const onBehalf = by !== user.organisation.id;
        return {
          need: {
            ...current,
            status: "ADDRESSED",
            addressedByOrganisationId: by,
            addressedNote: input.note,
            addressedOnBehalf: onBehalf,
          },
          set: Prisma.sql`status = 'ADDRESSED', "addressedByOrganisationId" = ${by}, "addressedNote" = ${input.note},
            "addressedOnBehalf" = ${onBehalf}, "addressedById" = ${user.id}, "addressedAt" = ${now}`,
        };
      },
    },
    meta,
  );
}

/** The organisation that raised an open need rewords it. */
export function editNeed(user: SessionUser, input: EditNeedInput, meta: Acting) {
  return changeNeed(
    user,
    {
      ...input,
      action: "live.need.edited",
      build: (ctx, current) => {
        if (!ctx.can.editNeedsOf.includes(current.organisationId)) throw forbidden("live.errors.notYourNeed");
        return { need: { ...current, text: input.text }, set: Prisma.sql`text = ${input.text}` };
      },
    },
    meta,
  );
}

/** …or takes it back: it stays on the board as withdrawn, and no longer counts as open. */
export function withdrawNeed(user: SessionUser, input: WithdrawNeedInput, meta: Acting) {
  return changeNeed(
    user,
    {
      ...input,
      action: "live.need.withdrawn",
      build: (ctx, current) => {
        if (!ctx.can.editNeedsOf.includes(current.organisationId)) throw forbidden("live.errors.notYourNeed");
        return { need: { ...current, status: "WITHDRAWN" }, set: Prisma.sql`status = 'WITHDRAWN'` };
      },
    },
    meta,
  );
}

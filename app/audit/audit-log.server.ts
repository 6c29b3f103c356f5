import { TZDate } from "@date-fns/tz";
import { z } from "zod";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Acting } from "~/domain/acting.server";
import { ensure, forbidden } from "~/domain/errors.server";
import { Prisma } from "~/generated/prisma/client";
import type { Translate } from "~/i18n/keys";
import { asKey } from "~/i18n/keys";
import { spreadsheetCsv } from "~/utils/spreadsheet-csv.server";

import { actorOf, recordAudit } from "./audit.server";

export const AUDIT_VIEW_LIMIT = 500;
const EXPORT_LIMIT = 100_000;

type Row = {
  id: bigint;
  occurredAt: Date;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  clientAddress: string | null;
  details: unknown;
  userName: string | null;
  userEmail: string | null;
  organisationName: string | null;
};

const select = Prisma.sql`
  SELECT e.id, e."occurredAt", e.action, e."subjectType", e."subjectId", e."clientAddress", e.details,
         u.name AS "userName", u.email AS "userEmail", o.name AS "organisationName"
  FROM "AuditEvent" e
  LEFT JOIN "User" u ON u.id = e."actorUserId"
  LEFT JOIN "Organisation" o ON o.id = e."actorOrganisationId"`;

function view(row: Row, caseOf: (row: Row) => string | null) {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    user: row.userName,
    email: row.userEmail,
    organisation: row.organisationName,
    reference: caseOf(row),
    clientAddress: row.clientAddress,
  };
}

/**
 * NEN 7513 for an organisation's own cases: for the cases it brought in, every recorded view or
 * change — who (user), on whose behalf (organisation), when, what, which case, from where — also
 * when it happened through an agenda, the live table, minutes or actions. Organisation admins
 * only; looking is itself recorded.
 */
export async function caseAuditLog(admin: SessionUser, filter: { reference: string }, meta: Acting) {
  ensure(admin.roles.includes("ORG_ADMIN"), forbidden);
  const cases = await prisma.case.findMany({
    where: { organisationId: admin.organisation.id },
    select: { reference: true, agendaItems: { select: { id: true } }, actions: { select: { id: true } } },
    orderBy: { createdAt: "desc" },
  });
  const chosen = filter.reference ? cases.filter((c) => c.reference === filter.reference) : cases;
  const refOfItem = new Map(chosen.flatMap((c) => c.agendaItems.map((i) => [i.id, c.reference] as const)));
  const refOfAction = new Map(chosen.flatMap((c) => c.actions.map((a) => [a.id, c.reference] as const)));
  const refs = chosen.map((c) => c.reference);
  const rows =
    refs.length === 0
      ? []
      : await prisma.$queryRaw<Row[]>`${select}
          WHERE (e."subjectType" = 'Case' AND e."subjectId" = ANY(${refs}))
             OR jsonb_exists_any(e.details -> 'cases', ${refs}::text[])
             OR (e.details ->> 'itemId') = ANY(${[...refOfItem.keys()]})
             OR (e."subjectType" = 'Action' AND e."subjectId" = ANY(${[...refOfAction.keys()]}))
          ORDER BY e."occurredAt" DESC, e.id DESC
          LIMIT ${AUDIT_VIEW_LIMIT}`;
  const caseOf = (row: Row) => {
    if (row.subjectType === "Case") return row.subjectId;
    const details = (row.details ?? {}) as { cases?: unknown; itemId?: unknown };
    if (Array.isArray(details.cases)) return details.cases.filter((r) => refs.includes(String(r))).join(", ");
    if (typeof details.itemId === "string") return refOfItem.get(details.itemId) ?? null;
    if (row.subjectType === "Action" && row.subjectId) return refOfAction.get(row.subjectId) ?? null;
    return null;
  };
  await recordAudit({
    actor: actorOf(admin),
    action: "audit.viewed",
    subjectType: "Organisation",
    subjectId: admin.organisation.id,
    clientAddress: meta.clientAddress,
    details: filter.reference ? { cases: [filter.reference] } : undefined,
    at: meta.now,
  });
  return { events: rows.map((r) => view(r, caseOf)), cases: cases.map((c) => c.reference) };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const periodSchema = z.object({ from: day.optional().catch(undefined), to: day.optional().catch(undefined) });

/** A period in Amsterdam days; default the last seven days up to today. */
export function periodOf(query: z.infer<typeof periodSchema>, now = new Date()) {
  const today = new TZDate(now.getTime(), "Europe/Amsterdam");
  const iso = (d: TZDate) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const weekAgo = new TZDate(today.getTime(), "Europe/Amsterdam");
  weekAgo.setDate(weekAgo.getDate() - 6);
  const from = query.from ?? iso(weekAgo);
  const to = query.to ?? iso(today);
  // Midnight in Amsterdam of a day (plus some days): DST days have 23 or 25 hours.
  const dayStart = (value: string, plusDays = 0) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    return new Date(new TZDate(y, m - 1, d + plusDays, 0, 0, "Europe/Amsterdam").getTime());
  };
  return { from, to, start: dayStart(from), end: dayStart(to, 1) };
}

async function periodRows(start: Date, end: Date, limit: number) {
  return prisma.$queryRaw<Row[]>`${select}
    WHERE e."occurredAt" >= ${start} AND e."occurredAt" < ${end}
    ORDER BY e."occurredAt" DESC, e.id DESC
    LIMIT ${limit}`;
}

const caseOfAny = (row: Row) => {
  if (row.subjectType === "Case") return row.subjectId;
  const details = (row.details ?? {}) as { cases?: unknown };
  return Array.isArray(details.cases) ? details.cases.map(String).join(", ") : null;
};

/** Platform admins: everything in a period (the newest first). Looking is recorded. */
export async function periodAuditLog(admin: SessionUser, query: z.infer<typeof periodSchema>, meta: Acting) {
  ensure(admin.roles.includes("PLATFORM_ADMIN"), forbidden);
  const period = periodOf(query, meta.now);
  const rows = await periodRows(period.start, period.end, AUDIT_VIEW_LIMIT);
  await recordAudit({
    actor: actorOf(admin),
    action: "audit.viewed",
    clientAddress: meta.clientAddress,
    details: { from: period.from, to: period.to },
    at: meta.now,
  });
  return { period: { from: period.from, to: period.to }, events: rows.map((r) => view(r, caseOfAny)) };
}

/** A period of the audit log as CSV for Dutch Excel; platform admins only; the export is recorded. */
export async function periodAuditCsv(
  admin: SessionUser,
  query: z.infer<typeof periodSchema>,
  t: Translate,
  meta: Acting,
) {
  ensure(admin.roles.includes("PLATFORM_ADMIN"), forbidden);
  const period = periodOf(query, meta.now);
  const rows = await periodRows(period.start, period.end, EXPORT_LIMIT);
  const body = spreadsheetCsv(
    rows.map((r) => [
      r.occurredAt.toISOString(),
      r.userName ?? t("audit.system"),
      r.userEmail ?? "",
      r.organisationName ?? "",
      t(asKey(`audit.actions.${r.action.replaceAll(".", "_")}`)),
      r.action,
      caseOfAny(r) ?? "",
      r.subjectType ?? "",
      r.subjectId ?? "",
      r.clientAddress ?? "",
    ]),
    [
      t("audit.when"),
      t("audit.who"),
      "e-mail",
      t("audit.onBehalfOf"),
      t("audit.what"),
      "code",
      t("audit.case"),
      "subject",
      "subject id",
      t("audit.from"),
    ],
  );
  await recordAudit({
    actor: actorOf(admin),
    action: "audit.exported",
    clientAddress: meta.clientAddress,
    details: { from: period.from, to: period.to, count: rows.length },
    at: meta.now,
  });
  return { filename: `logboek-${period.from}-${period.to}.csv`, body };
}

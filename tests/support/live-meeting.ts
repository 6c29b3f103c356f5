import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { createCase } from "~/domain/cases/cases.server";
import { startMeeting } from "~/domain/live/live.server";
import { addAgendaItem, createMeeting, publishMeeting } from "~/domain/meetings/meetings.server";

import { sessionUser } from "./users";

const meta = { clientAddress: "192.0.2.9" };

export async function organisationIds(): Promise<Record<string, string>> {
  const rows = await prisma.organisation.findMany({ select: { id: true, shortCode: true } });
  return Object.fromEntries(rows.map((o) => [o.shortCode, o.id]));
}

/** One agenda item: who sits at its table (short codes), and optionally an existing case. */
export type ItemSpec = {
  table: readonly string[];
  caseReference?: string;
  question?: string;
  timeboxMinutes?: number;
  /** The organisation that asks (short code; default Veilig Thuis). It sits at the table too. */
  asking?: string;
};

export type MeetingSpec<Name extends string> = {
  /** Items by name, in agenda order. */
  items: Record<Name, ItemSpec>;
  /** Invited organisations (short codes); default: every organisation at one of the tables. */
  invited?: readonly string[];
  title?: string;
  startsAt?: Date;
  durationMinutes?: number;
  location?: string;
  /** "draft": not published; "published" (default); "live": started. */
  state?: "draft" | "published" | "live";
};

/**
 * The one builder for "a meeting with these tables", through the domain functions (so the rules
 * and the audit trail are those of any meeting): chaired by Veilig Thuis, which asks every
 * question; a new case per item unless the item names one. Returns the ids by item name.
 */
export async function meetingWithTables<Name extends string>(spec: MeetingSpec<Name>) {
  const chair = await sessionUser("voorzitter@veiligthuis.demo");
  const org = await organisationIds();
  const ids = (codes: readonly string[]) =>
    codes.map((c) => {
      const id = org[c];
      if (!id) throw new Error(`unknown organisation ${c}`);
      return id;
    });
  const entries = Object.entries(spec.items) as [Name, ItemSpec][];
  const invited = spec.invited ?? [...new Set(entries.flatMap(([, item]) => item.table))];
  const meeting = await createMeeting(
    chair,
    {
      title: spec.title ?? "Live overleg",
      region: "Westerduin",
      startsAt: spec.startsAt ?? new Date(Date.now() + 60 * 60_000),
      durationMinutes: spec.durationMinutes ?? 45,
      location: spec.location ?? "ZVH, zaal 1",
      invitedOrganisationIds: ids(invited),
    },
    meta,
  );
  const itemIds = {} as Record<Name, string>;
  const references = {} as Record<Name, string>;
  for (const [name, item] of entries) {
    const reference =
      item.caseReference ??
      (
        await createCase(
          chair,
          { region: "Westerduin", description: `Casus ${name}: gezin, 2 kinderen (4 en 7).`, riskLevel: "HIGH" },
          meta,
        )
      ).reference;
    await addAgendaItem(
      chair,
      meeting.id,
      {
        caseReference: reference,
        question: item.question ?? `Vraag ${name}: wie neemt de regie?`,
        askingOrganisationId: ids([item.asking ?? "VT"])[0] as string,
        timeboxMinutes: item.timeboxMinutes ?? 10,
        tableOrganisationIds: ids(item.table),
      },
      meta,
    );
    const row = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: meeting.id, case: { reference } },
      select: { id: true },
    });
    itemIds[name] = row.id;
    references[name] = reference;
  }
  const state = spec.state ?? "published";
  if (state !== "draft") await publishMeeting(chair, meeting.id, meta);
  if (state === "live") await startMeeting(chair, meeting.id, meta);
  return { meetingId: meeting.id, itemIds, references, org, chair };
}

/**
 * The usual live meeting: the five partners invited (not the local team); item A at the table of
 * police, Child Protection Board and Veilig Thuis; item B at the table of probation and Veilig
 * Thuis. Started (live) unless `start: false`.
 */
export async function liveMeeting({ start = true }: { start?: boolean } = {}) {
  const { meetingId, itemIds, org, chair } = await meetingWithTables({
    items: { A: { table: ["POL", "RvdK", "VT"] }, B: { table: ["RECL", "VT"] } },
    invited: ["POL", "OM", "RECL", "RvdK", "VT"],
    state: start ? "live" : "published",
  });
  return { meetingId, itemIds, org, chair };
}

export async function roleCardOf(itemId: string, organisationId: string) {
  return prisma.roleCard.findUniqueOrThrow({
    where: { agendaItemId_organisationId: { agendaItemId: itemId, organisationId } },
  });
}

export type LiveSetup = Awaited<ReturnType<typeof liveMeeting>> & { users?: Record<string, SessionUser> };

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

/**
 * A published meeting chaired by Veilig Thuis with the five partners invited (not the local team):
 * item A at the table of police, Child Protection Board and Veilig Thuis; item B at the table of
 * probation and Veilig Thuis. Started (live) unless `start: false`.
 */
export async function liveMeeting({ start = true }: { start?: boolean } = {}) {
  const chair = await sessionUser("voorzitter@veiligthuis.demo");
  const org = await organisationIds();
  const meeting = await createMeeting(
    chair,
    {
      title: "Live overleg",
      region: "Westerduin",
      startsAt: new Date(Date.now() + 60 * 60_000),
      durationMinutes: 45,
      location: "ZVH, zaal 1",
      invitedOrganisationIds: ["POL", "OM", "RECL", "RvdK", "VT"].map((c) => org[c] as string),
    },
    meta,
  );
  const tables = { A: ["POL", "RvdK", "VT"], B: ["RECL", "VT"] };
  const itemIds: Record<"A" | "B", string> = { A: "", B: "" };
  for (const [name, table] of Object.entries(tables) as ["A" | "B", string[]][]) {
    const { reference } = await createCase(
      chair,
      { region: "Westerduin", description: `Casus ${name}: gezin, 2 kinderen (4 en 7).`, riskLevel: "HIGH" },
      meta,
    );
    await addAgendaItem(
      chair,
      meeting.id,
      {
        caseReference: reference,
        question: `Vraag ${name}: wie neemt de regie?`,
        askingOrganisationId: org.VT as string,
        timeboxMinutes: 10,
        tableOrganisationIds: table.map((c) => org[c] as string),
      },
      meta,
    );
    const item = await prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: meeting.id, case: { reference } },
      select: { id: true },
    });
    itemIds[name] = item.id;
  }
  await publishMeeting(chair, meeting.id, meta);
  if (start) await startMeeting(chair, meeting.id, meta);
  return { meetingId: meeting.id, itemIds, org, chair };
}

export async function roleCardOf(itemId: string, organisationId: string) {
  return prisma.roleCard.findUniqueOrThrow({
    where: { agendaItemId_organisationId: { agendaItemId: itemId, organisationId } },
  });
}

export type LiveSetup = Awaited<ReturnType<typeof liveMeeting>> & { users?: Record<string, SessionUser> };

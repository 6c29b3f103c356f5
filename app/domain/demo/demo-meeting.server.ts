import { TZDate } from "@date-fns/tz";

import { userSelect } from "~/auth/session.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { closeCase, editCase } from "~/domain/cases/case-corrections.server";
import { createCase } from "~/domain/cases/cases.server";
import { removeAgendaItem } from "~/domain/meetings/agenda-corrections.server";
import { addAgendaItem, createMeeting, publishMeeting } from "~/domain/meetings/meetings.server";

import { seedDemoEscalation, seedDemoReferrals } from "./demo-case-over-time.server";
import { seedPastMeeting } from "./demo-past-meeting.server";

export const DEMO_MEETING_TITLE = "Actie-overleg Westerduin (demo)";
const DAY = 86_400_000;

const items = [
  {
    description: "Gezin, 2 kinderen (4 en 7). Tijdelijk huisverbod na incident in de nacht.",
    question: "Wie neemt de regie, en is een beschermingsonderzoek nodig?",
    tables: ["POL", "RvdK", "VT"],
    riskLevel: "HIGH" as const,
  },
  {
    description: "Ex-partners, dreiging na scheiding; verdachte staat onder toezicht.",
    question: "Welke voorwaarden zijn nodig en wie bewaakt ze?",
    tables: ["POL", "OM", "RECL", "VT"],
    riskLevel: "ACUTE" as const,
  },
  {
    description: "Jongere (16), zorgen over de veiligheid thuis; school meldt verzuim.",
    question: "Wie voert het gesprek met gezin en school?",
    tables: ["RvdK", "VT", "WT"],
    riskLevel: "ELEVATED" as const,
  },
];

/** The next weekday at 10:00 in the Netherlands, at least a day from `now`. */
function nextWeekdayMorning(now: Date): Date {
  const day = new TZDate(now.getTime(), "Europe/Amsterdam");
  do day.setDate(day.getDate() + 1);
  while (day.getDay() === 0 || day.getDay() === 6);
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 10, 0, "Europe/Amsterdam").getTime());
}

/**
 * A published demo meeting that the demo chair can start, so that the live table can be tried at
 * once: three cases, each with its own table; one of them was on a finished meeting last month. Created once; made through the domain functions (so
 * the audit trail and the rules are those of any meeting). Not part of seedDemoData: tests that
 * seed the demo region do not get it.
 */
export async function seedDemoMeeting(now = new Date()): Promise<boolean> {
  if (await prisma.meeting.findFirst({ where: { title: DEMO_MEETING_TITLE }, select: { id: true } })) return false;
  // The chair as the guards see a signed-in user.
  const chair: SessionUser | null = await prisma.user.findUnique({
    where: { email: "voorzitter@veiligthuis.demo" },
    select: userSelect,
  });
  if (!chair) return false;
  const org = Object.fromEntries(
    (await prisma.organisation.findMany({ select: { id: true, shortCode: true } })).map((o) => [o.shortCode, o.id]),
  );
  const meta = { clientAddress: null };
  const meeting = await createMeeting(
    chair,
    {
      title: DEMO_MEETING_TITLE,
      region: "Westerduin",
      startsAt: nextWeekdayMorning(now),
      durationMinutes: 45,
      location: "Zorg- en Veiligheidshuis Westerduin, zaal 2",
      invitedOrganisationIds: ["POL", "OM", "RECL", "RvdK", "VT", "WT"].map((c) => org[c] as string),
    },
    meta,
  );
  const references: string[] = [];
  // The ex-partners (the second case) were brought in five weeks ago and were on a table since.
  const pastStart = nextWeekdayMorning(new Date(now.getTime() - 29 * DAY));
  for (const [index, item] of items.entries()) {
    const { reference } = await createCase(
      chair,
      { region: "Westerduin", description: item.description, riskLevel: item.riskLevel },
      index === 1 ? { clientAddress: null, now: new Date(pastStart.getTime() - 8 * DAY) } : meta,
    );
    await addAgendaItem(
      chair,
      meeting.id,
      {
        caseReference: reference,
        question: item.question,
        askingOrganisationId: org.VT as string,
        timeboxMinutes: 15,
        tableOrganisationIds: item.tables.map((c) => org[c] as string),
      },
      meta,
    );
    references.push(reference);
  }
  // The first case was corrected after it was brought in: its history shows two versions.
  const [first] = items;
  if (first && references[0])
    await editCase(
      chair,
      references[0],
      { version: 1, description: `${first.description} Nieuwe melding van school.`, riskLevel: "ACUTE" },
      meta,
    );
  await seedDroppedCase(chair, meeting.id, org, meta);
  // The ex-partners were on a table four weeks ago: their actions come back on this agenda.
  if (references[1]) {
    await seedPastMeeting(chair, org, references[1], pastStart);
    await seedDemoEscalation(chair, org, references[1], now);
  }
  await seedDemoReferrals(chair, org, now);
  return true;
}

/**
 * A fourth case went onto the agenda and was taken off it after publishing: the invitees see it
 * as dropped ("vervallen"); the police and probation, who were at its table, see why. Then it was
 * closed as handed over.
 */
async function seedDroppedCase(
  chair: SessionUser,
  meetingId: string,
  org: Record<string, string>,
  meta: { clientAddress: null },
) {
  const { reference } = await createCase(
    chair,
    { region: "Westerduin", description: "Gezin, 3 kinderen; verhuisd naar een andere regio.", riskLevel: "ELEVATED" },
    meta,
  );
  const dropped = await addAgendaItem(
    chair,
    meetingId,
    {
      caseReference: reference,
      question: "Wie draagt de casus over aan de nieuwe regio?",
      askingOrganisationId: org.VT as string,
      timeboxMinutes: 10,
      tableOrganisationIds: ["POL", "RECL"].map((c) => org[c] as string),
    },
    meta,
  );
  await publishMeeting(chair, meetingId, meta);
  await removeAgendaItem(
    chair,
    meetingId,
    dropped.id,
    { reason: "Het gezin is verhuisd; de tafel in de nieuwe regio neemt de casus over.", version: 1 },
    meta,
  );
  // …and closed as handed over, watched for three months; it can be reopened while its retention
  // period runs.
  await closeCase(
    chair,
    reference,
    {
      confirm: "yes",
      closeReason: "TRANSFERRED",
      note: "Overgedragen aan de tafel in de nieuwe regio.",
      monitorMonths: 3,
    },
    meta,
  );
}

import { randomUUID } from "node:crypto";

import { userSelect } from "~/auth/session.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { updateAction } from "~/domain/actions/actions.server";
import { answerRegie, proposeRegie } from "~/domain/cases/case-regie.server";
import {
  addAction,
  addDecision,
  closeItem,
  endMeeting,
  setResponsibility,
  startMeeting,
} from "~/domain/live/live.server";
import { addAgendaItem, createMeeting, publishMeeting } from "~/domain/meetings/meetings.server";
import { approveMinutes } from "~/domain/minutes/minutes.server";

export const DEMO_PAST_MEETING_TITLE = "Actie-overleg Westerduin, vorige maand (demo)";

const DAY = 86_400_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** What was agreed last month, per organisation, and how far each is now. */
const AGREED = [
  { owner: "POL", text: "Stopgesprek met de ex-partner voeren", dueAfterDays: 14, done: false },
  { owner: "RECL", text: "Naleving van het contactverbod wekelijks terugkoppelen", dueAfterDays: 30, done: false },
  { owner: "OM", text: "Beslissen over de vordering tot voorlopige hechtenis", dueAfterDays: 60, done: false },
  { owner: "VT", text: "Veiligheidsplan met de moeder opstellen", dueAfterDays: 10, done: true },
] as const;

async function demoUser(email: string): Promise<SessionUser> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: userSelect });
}

/**
 * The case of the ex-partners was on the table four weeks ago too: a finished meeting with
 * approved minutes, a decision, the lead, four actions — one overdue, two running, one done — and
 * casusregie handed to probation afterwards,
 * so that the chair's overview, /acties of each organisation and the next agenda's "Openstaande
 * acties" have something to show. Made through the domain functions, each at its own moment.
 */
export async function seedPastMeeting(
  chair: SessionUser,
  org: Record<string, string>,
  caseReference: string,
  startsAt: Date,
): Promise<void> {
  const at = (offset: number) => ({ clientAddress: null, now: new Date(startsAt.getTime() + offset) });
  const tables = ["POL", "OM", "RECL", "VT"].map((c) => org[c] as string);
  const meeting = await createMeeting(
    chair,
    {
      title: DEMO_PAST_MEETING_TITLE,
      region: "Westerduin",
      startsAt,
      durationMinutes: 45,
      location: "Zorg- en Veiligheidshuis Westerduin, zaal 2",
      invitedOrganisationIds: tables,
    },
    at(-7 * DAY),
  );
  const item = await addAgendaItem(
    chair,
    meeting.id,
    {
      caseReference,
      question: "Is een contactverbod nodig, en wie bewaakt het?",
      askingOrganisationId: org.VT as string,
      timeboxMinutes: 15,
      tableOrganisationIds: tables,
    },
    at(-7 * DAY),
  );
  await publishMeeting(chair, meeting.id, at(-6 * DAY));
  await startMeeting(chair, meeting.id, at(0));
  const table = await prisma.agendaItemTable.findFirstOrThrow({
    where: { agendaItemId: item.id, organisationId: org.RECL as string },
    select: { organisationId: true, version: true },
  });
  await setResponsibility(
    chair,
    {
      key: randomUUID(),
      itemId: item.id,
      organisationId: table.organisationId,
      involvement: "LEADS",
      version: table.version,
    },
    at(5 * MINUTE),
  );
  await addDecision(
    chair,
    {
      key: randomUUID(),
      itemId: item.id,
      text: "Het OM vordert een contactverbod; de reclassering houdt toezicht en neemt de regie.",
      dissents: [],
    },
    at(10 * MINUTE),
  );
  const ids: string[] = [];
  for (const agreed of AGREED) {
    const written = await addAction(
      chair,
      {
        key: randomUUID(),
        itemId: item.id,
        description: agreed.text,
        ownerOrganisationId: org[agreed.owner] as string,
        ownerUserId: "",
        dueDate: isoDay(new Date(startsAt.getTime() + agreed.dueAfterDays * DAY)),
      },
      at(12 * MINUTE),
    );
    if (written.change.kind === "action") ids.push(written.change.action.id);
  }
  await closeItem(chair, meeting.id, { itemId: item.id, confirmOpenNeeds: false }, at(15 * MINUTE));
  await endMeeting(chair, meeting.id, at(40 * MINUTE));
  await approveMinutes(chair, meeting.id, at(DAY));
  await Promise.all([followUp(ids, at), handOverRegie(org, caseReference, at)]);
}

/** After the table: Veilig Thuis (which brought the case in) hands casusregie to probation, which accepts. */
async function handOverRegie(
  org: Record<string, string>,
  reference: string,
  at: (offset: number) => { clientAddress: null; now: Date },
) {
  const [safeHome, probation] = await Promise.all([
    demoUser("medewerker@veiligthuis.demo"),
    demoUser("medewerker@reclassering.demo"),
  ]);
  const proposal = await proposeRegie(
    safeHome,
    reference,
    {
      kind: "CONTENT",
      organisationId: org.RECL as string,
      reason: "Afgesproken aan tafel: de reclassering houdt toezicht en stuurt de inhoud.",
    },
    at(HOUR),
  );
  await answerRegie(
    probation,
    reference,
    { regieId: proposal.id, version: 1, answer: "accept", declineReason: "" },
    at(DAY),
  );
}

/** Since then: probation started its reports, Veilig Thuis made the safety plan. */
async function followUp(ids: string[], at: (offset: number) => { clientAddress: null; now: Date }) {
  const [probationId, doneId] = [ids[1], ids[3]];
  const [probation, safeHome] = await Promise.all([
    demoUser("medewerker@reclassering.demo"),
    demoUser("medewerker@veiligthuis.demo"),
  ]);
  const base = { closeReason: "" as const, ownerUserId: "" };
  if (probationId)
    await updateAction(
      probation,
      { ...base, actionId: probationId, version: 1, status: "IN_PROGRESS", note: "Eerste twee weken nageleefd." },
      at(14 * DAY),
    );
  if (doneId)
    await updateAction(
      safeHome,
      {
        ...base,
        actionId: doneId,
        version: 1,
        status: "DONE",
        closeReason: "EXECUTED",
        note: "Plan met de moeder besproken en door haar ondertekend.",
      },
      at(8 * DAY),
    );
}

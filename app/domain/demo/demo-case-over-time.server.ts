import { userSelect } from "~/auth/session.server";
import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { raiseEscalation } from "~/domain/cases/case-escalations.server";
import { addGoal } from "~/domain/cases/case-plan.server";
import { createCase } from "~/domain/cases/cases.server";
import { regionCriteria } from "~/domain/referrals/referral-settings.server";
import { createReferral } from "~/domain/referrals/referrals.server";
import { triageReferral } from "~/domain/referrals/triage.server";

const DAY = 86_400_000;

async function member(email: string): Promise<SessionUser | null> {
  return prisma.user.findUnique({ where: { email }, select: userSelect });
}

/**
 * Two referrals, made through the domain functions: the police referred a case two days ago and it
 * waits in the chair's triage queue; the local team referred one last week and the chair sent it
 * back with advice — the local team sees that on its start page.
 */
export async function seedDemoReferrals(chair: SessionUser, org: Record<string, string>, now: Date) {
  const [police, localTeam] = await Promise.all([
    member("medewerker@politie.demo"),
    member("medewerker@wijkteam.demo"),
  ]);
  if (!police || !localTeam) return;
  const criteria = await regionCriteria("Westerduin", { activeOnly: true });
  const pick = (...keys: string[]) => criteria.filter((c) => c.key && keys.includes(c.key)).map((c) => c.id);
  const twoDaysAgo = { clientAddress: null, now: new Date(now.getTime() - 2 * DAY) };
  const waiting = await createCase(
    police,
    {
      region: "Westerduin",
      description: "Jongvolwassene, herhaald geweld in het uitgaansleven; zorgmijdend, woont bij ouder.",
      riskLevel: "HIGH",
    },
    twoDaysAgo,
  );
  await createReferral(
    police,
    {
      caseReference: waiting.reference,
      question: "Wie pakt de zorg op naast de strafrechtelijke aanpak, en wie houdt de regie?",
      criterionIds: pick("severalDomains", "careAndJustice"),
      partnerOrganisationIds: ["POL", "OM", "RECL", "WT"].map((c) => org[c] as string),
      urgency: "ROUTINE",
      informed: "yes",
      notInformedReason: "",
    },
    twoDaysAgo,
  );
  const lastWeek = { clientAddress: null, now: new Date(now.getTime() - 7 * DAY) };
  const returned = await createCase(
    localTeam,
    {
      region: "Westerduin",
      description: "Alleenstaande ouder met schulden en een kind dat niet naar school gaat.",
      riskLevel: "LOW",
    },
    lastWeek,
  );
  const referral = await createReferral(
    localTeam,
    {
      caseReference: returned.reference,
      question: "Kan de tafel helpen de schoolgang en de schulden tegelijk aan te pakken?",
      criterionIds: pick("severalDomains"),
      partnerOrganisationIds: [org.WT as string],
      urgency: "ROUTINE",
      informed: "no",
      notInformedReason: "Eerst met de ouder bespreken bij het volgende huisbezoek.",
    },
    lastWeek,
  );
  await triageReferral(
    chair,
    referral.id,
    {
      outcome: "RETURNED",
      reason: "Geen veiligheidsvraag: schakel eerst de leerplichtambtenaar en de schuldhulp in via het wijkteam.",
    },
    { clientAddress: null, now: new Date(now.getTime() - 6 * DAY) },
  );
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The ex-partners' case after the last table: a plan with two goals (the safety goal's review date
 * has passed, so the case is back on the chair's list), and probation escalated it to the managers.
 */
export async function seedDemoEscalation(
  chair: SessionUser,
  org: Record<string, string>,
  reference: string,
  now: Date,
) {
  const probation = await member("medewerker@reclassering.demo");
  if (!probation) return;
  const meta = { clientAddress: null };
  await addGoal(
    chair,
    reference,
    {
      phase: "IMMEDIATE_SAFETY",
      text: "Het contactverbod wordt nageleefd en bewaakt.",
      leadOrganisationId: org.POL as string,
      contributorOrganisationIds: [org.RECL as string, org.OM as string],
      reviewDate: isoDay(new Date(now.getTime() - DAY)),
      actionIds: [],
    },
    meta,
  );
  await addGoal(
    chair,
    reference,
    {
      phase: "RECOVERY",
      text: "Beide ouders hebben een vaste hulpverlener en de omgang is geregeld.",
      leadOrganisationId: org.VT as string,
      contributorOrganisationIds: [org.RECL as string],
      reviewDate: isoDay(new Date(now.getTime() + 60 * DAY)),
      actionIds: [],
    },
    meta,
  );
  await raiseEscalation(
    probation,
    reference,
    {
      level: "MANAGEMENT",
      reason: "Het contactverbod wordt niet bewaakt; de leidinggevenden moeten afspreken wie dat doet.",
    },
    { clientAddress: null },
  );
}

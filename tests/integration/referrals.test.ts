import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { userSelect } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { closeCase, monitorEnd, reopenCase } from "~/domain/cases/case-corrections.server";
import { caseCloseSchema } from "~/domain/cases/case.schema";
import { createCase, listVisibleCases } from "~/domain/cases/cases.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { removeAgendaItem } from "~/domain/meetings/agenda-corrections.server";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { listProposals, proposeItem } from "~/domain/meetings/proposals.server";
import {
  addCriterion,
  regionCriteria,
  saveTriageSetting,
  setCriterionActive,
} from "~/domain/referrals/referral-settings.server";
import { startReferrals } from "~/domain/referrals/referral-start.server";
import { listedReferral } from "~/domain/referrals/referral-views.server";
import type { ReferralInput } from "~/domain/referrals/referral.schema";
import { referralSchema, triageSchema } from "~/domain/referrals/referral.schema";
import { createReferral, getReferral, ownReferrals, triageQueue } from "~/domain/referrals/referrals.server";
import { triageReferral } from "~/domain/referrals/triage.server";

import { meetingWithTables, organisationIds } from "../support/live-meeting";
import { outcome, thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.61" };
let police: SessionUser;
let rvdk: SessionUser;
let chair: SessionUser;
let org: Record<string, string>;
let criteria: string[];

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, chair] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("voorzitter@veiligthuis.demo"),
  ]);
  org = await organisationIds();
  criteria = (await regionCriteria("Westerduin", { activeOnly: true })).map((c) => c.id);
});

async function policeCase(region = "Westerduin") {
  return createCase(
    police,
    { region, description: "Jongere (16), geweld op straat en thuis.", riskLevel: "HIGH" },
    meta,
  );
}

function referral(caseReference: string, over: Partial<ReferralInput> = {}): ReferralInput {
  return {
    caseReference,
    question: "Wie pakt de zorg op naast de strafrechtelijke aanpak?",
    criterionIds: criteria.slice(0, 2),
    partnerOrganisationIds: [org.POL as string, org.RvdK as string],
    urgency: "ROUTINE",
    informed: "yes",
    notInformedReason: "",
    ...over,
  };
}

/** A user with only the triage role, at the local team (a Westerduin organisation). */
async function triageOfficer(): Promise<SessionUser> {
  const created = await prisma.user.create({
    data: {
      email: `triage-${randomUUID()}@wijkteam.demo`,
      name: "Triagist",
      functionTitle: "Triagist",
      roles: ["TRIAGE"],
      organisationId: org.WT as string,
    },
    select: userSelect,
  });
  return created;
}

describe("referring a case", () => {
  it("asks why this table, who should sit at it, and whether the people concerned were told — guarded", () => {
    const base = referral("AO-2026-0001");
    expect(referralSchema.safeParse(base).success).toBe(true);
    const refused = (over: Partial<ReferralInput>) => {
      const parsed = referralSchema.safeParse({ ...base, ...over });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(refused({ criterionIds: [] })).toEqual(["criterionIds:referrals.errors.criterionRequired"]);
    expect(refused({ partnerOrganisationIds: [] })).toEqual([
      "partnerOrganisationIds:referrals.errors.partnerRequired",
    ]);
    expect(refused({ informed: "" as "yes" })).toEqual(["informed:referrals.errors.informedRequired"]);
    expect(refused({ informed: "no" })).toEqual(["notInformedReason:referrals.errors.notInformedReason"]);
    // The identifier guard on every text.
    expect(refused({ question: "Bel moeder op 06-12345678" })[0]).toMatch(/^question:/);
    expect(refused({ informed: "no", notInformedReason: "Vader (geb. 12-03-1980) weet het niet" })[0]).toMatch(
      /^notInformedReason:/,
    );
  });

  it("counts the deadline in working days from the referral: 5 for routine, 1 for urgent, across Christmas", async () => {
    const [first, second] = [await policeCase(), await policeCase()];
    // Wednesday 23 December 2026, 10:00 in Amsterdam.
    const at = { ...meta, now: new Date("2026-12-23T09:00:00Z") };
    const routine = await createReferral(police, referral(first.reference), at);
    const urgent = await createReferral(police, referral(second.reference, { urgency: "URGENT" }), at);
    // One referral waits per case.
    expect(await outcome(createReferral(police, referral(first.reference), at))).toBe(
      "rule:referrals.errors.alreadyWaiting",
    );
    const deadlines = await prisma.referral.findMany({
      where: { id: { in: [routine.id, urgent.id] } },
      select: { id: true, deadlineAt: true },
    });
    const due = new Map(deadlines.map((d) => [d.id, d.deadlineAt?.toISOString()]));
    // Thu 24, (Fri 25 and Sat 26 Christmas, Sun 27) Mon 28, Tue 29, Wed 30, Thu 31: the end of Thursday 31.
    expect(due.get(routine.id)).toBe("2026-12-31T23:00:00.000Z");
    // Urgent: the end of Thursday 24.
    expect(due.get(urgent.id)).toBe("2026-12-24T23:00:00.000Z");
  });

  it("only for an open case of one's own organisation, with the region's active criteria", async () => {
    const { reference } = await policeCase();
    expect(await outcome(createReferral(rvdk, referral(reference), meta))).toBe("rule:referrals.errors.unknownCase");
    expect(await outcome(createReferral(police, referral(reference, { criterionIds: ["made-up"] }), meta))).toBe(
      "rule:referrals.errors.criterionRequired",
    );
    expect(
      await outcome(createReferral(police, referral(reference, { partnerOrganisationIds: ["made-up"] }), meta)),
    ).toBe("rule:referrals.errors.partnerRequired");
  });
});

describe("who sees a referral", () => {
  it("the referring organisation and the region's triage; everyone else gets the same 404 as for nothing", async () => {
    const { reference } = await policeCase();
    const { id } = await createReferral(police, referral(reference), meta);
    const now = new Date();
    expect((await getReferral(police, id, now)).decides).toBe(false);
    expect((await getReferral(chair, id, now)).decides).toBe(true);
    expect(await thrownStatus(getReferral(rvdk, id, now))).toBe(404);
    expect(await thrownStatus(getReferral(rvdk, "no-such-referral", now))).toBe(404);
    expect((await ownReferrals(rvdk)).map((r) => r.id)).not.toContain(id);
    expect((await triageQueue(rvdk)).map((r) => r.id)).not.toContain(id);
    expect((await triageQueue(chair)).map((r) => r.id)).toContain(id);
    // Nor can the Board decide it: not found, not "forbidden".
    expect(await thrownStatus(triageReferral(rvdk, id, { outcome: "NO_ACTION", reason: "Niet nodig." }, meta))).toBe(
      404,
    );
  });

  it("another region's referral is not in this region's queue", async () => {
    const { reference } = await policeCase(`Elders-${randomUUID().slice(0, 8)}`);
    // The other region has its own criteria: Westerduin's are refused there.
    expect(await outcome(createReferral(police, referral(reference), meta))).toBe(
      "rule:referrals.errors.criterionRequired",
    );
    const own = (await prisma.case.findUniqueOrThrow({ where: { reference }, select: { region: true } })).region;
    const theirs = (await regionCriteria(own)).map((c) => c.id);
    const { id } = await createReferral(police, referral(reference, { criterionIds: theirs.slice(0, 1) }), meta);
    expect((await triageQueue(chair)).map((r) => r.id)).not.toContain(id);
    expect(await thrownStatus(getReferral(chair, id, new Date()))).toBe(404);
  });

  it("the queue puts the nearest deadline first: an urgent referral of today before a routine one of yesterday", async () => {
    const [first, second] = [await policeCase(), await policeCase()];
    const yesterday = { ...meta, now: new Date(Date.now() - 86_400_000) };
    const older = await createReferral(police, referral(first.reference), yesterday);
    const urgent = await createReferral(police, referral(second.reference, { urgency: "URGENT" }), meta);
    const order = (await triageQueue(chair)).map((r) => r.id).filter((id) => id === older.id || id === urgent.id);
    expect(order).toEqual([urgent.id, older.id]);
  });
});

describe("triage decides", () => {
  it("to a meeting: an agenda item with the proposed table (the Board invited), and the referrer sees it", async () => {
    const { reference } = await policeCase();
    const { meetingId } = await meetingWithTables({
      title: `Triage ${randomUUID().slice(0, 6)}`,
      items: {},
      invited: ["POL", "VT"],
      startsAt: new Date(Date.now() + 3 * 86_400_000),
    });
    const { id } = await createReferral(police, referral(reference), meta);
    expect(await listVisibleCases(rvdk)).not.toContainEqual(expect.objectContaining({ reference }));
    const input = triageSchema.parse({
      outcome: "TO_MEETING",
      meetingId,
      tableOrganisationIds: [org.POL, org.RvdK],
      timeboxMinutes: "15",
      reason: "Veiligheid en zorg moeten samen: de Raad aan tafel.",
    });
    await triageReferral(chair, id, input, meta);
    const agenda = await getMeeting(chair, meetingId, meta);
    const placed = (await ownReferrals(police)).find((r) => r.id === id);
    if (!placed) throw new Error("not listed");
    expect(listedReferral(placed, new Date(), police).offAgenda).toBe(false);
    const item = agenda.items.find((i) => i.reference === reference);
    expect(item?.content?.question).toBe("Wie pakt de zorg op naast de strafrechtelijke aanpak?");
    expect(item?.content?.askingOrganisation).toBe("POL");
    expect([...(item?.content?.tables ?? [])].sort()).toEqual(["POL", "RvdK"]);
    expect(agenda.invitations.map((i) => i.organisation.shortCode).sort()).toEqual(["POL", "RvdK", "VT"]);
    // The referrer reads the outcome on its start page.
    const start = await startReferrals(police, new Date(), "2026-12-08");
    expect(start.own).toContainEqual(
      expect.objectContaining({
        id,
        status: "TO_MEETING",
        outcomeReason: "Veiligheid en zorg moeten samen: de Raad aan tafel.",
      }),
    );
    // The chair takes the item off the agenda again: the referral says so.
    const itemId = (await prisma.referral.findUniqueOrThrow({ where: { id } })).agendaItemId as string;
    await removeAgendaItem(chair, meetingId, itemId, { reason: "Eerst de school.", version: 1 }, meta);
    const removed = (await ownReferrals(police)).find((r) => r.id === id);
    if (!removed) throw new Error("not listed");
    expect([removed.status, listedReferral(removed, new Date(), police).offAgenda]).toEqual(["TO_MEETING", true]);
    // Deciding again is refused; so is a second decision at the same moment.
    expect(await outcome(triageReferral(chair, id, { outcome: "NO_ACTION", reason: "Toch niet." }, meta))).toBe(
      "rule:meetings.errors.alreadyDecided",
    );
  });

  it("two triagers at once decide it once", async () => {
    const { reference } = await policeCase();
    const { id } = await createReferral(police, referral(reference), meta);
    const officer = await triageOfficer();
    const results = await Promise.allSettled([
      triageReferral(chair, id, { outcome: "RETURNED", reason: "Eerst de huisarts." }, meta),
      triageReferral(officer, id, { outcome: "NO_ACTION", reason: "Geen vraag voor de tafel." }, meta),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await prisma.auditEvent.count({
        where: { action: "referral.triaged", details: { path: ["referral"], equals: id } },
      }),
    ).toBe(1);
  });

  it("another table needs its name, and every outcome a reason", () => {
    expect(triageSchema.safeParse({ outcome: "OTHER_TABLE", otherTable: "", reason: "x" }).success).toBe(false);
    expect(triageSchema.safeParse({ outcome: "RETURNED", reason: "" }).success).toBe(false);
    expect(triageSchema.safeParse({ outcome: "NO_ACTION", reason: "Mevrouw Jansen belt zelf" }).success).toBe(false);
    expect(triageSchema.safeParse({ outcome: "MAYBE", reason: "x" }).success).toBe(false);
    expect(
      triageSchema.safeParse({ outcome: "OTHER_TABLE", otherTable: "ZSM-overleg", reason: "Snelrecht past beter." })
        .success,
    ).toBe(true);
  });

  it("a triage officer puts it on a published meeting, not on another chair's draft", async () => {
    const officer = await triageOfficer();
    const { reference } = await policeCase();
    const { id } = await createReferral(police, referral(reference), meta);
    expect((await getReferral(officer, id, new Date())).decides).toBe(true);
    const draft = await meetingWithTables({
      items: {},
      invited: ["POL"],
      state: "draft",
      startsAt: new Date(Date.now() + 86_400_000),
    });
    const input = {
      outcome: "TO_MEETING" as const,
      tableOrganisationIds: [org.POL as string],
      timeboxMinutes: 10,
      reason: "Past.",
    };
    expect(await outcome(triageReferral(officer, id, { ...input, meetingId: draft.meetingId }, meta))).toBe(
      "rule:referrals.errors.meetingRequired",
    );
    // The refusal left the referral waiting.
    expect((await prisma.referral.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe(
      "PENDING",
    );
    const published = await meetingWithTables({
      items: {},
      invited: ["POL"],
      startsAt: new Date(Date.now() + 86_400_000),
    });
    await triageReferral(officer, id, { ...input, meetingId: published.meetingId }, meta);
    expect((await getMeeting(chair, published.meetingId, meta)).items.map((i) => i.reference)).toContain(reference);
  });

  it("a proposal for an agenda is a referral its meeting's chair decides; the region's triage does not", async () => {
    const { reference } = await policeCase();
    const { meetingId } = await meetingWithTables({
      items: {},
      invited: ["POL", "VT"],
      startsAt: new Date(Date.now() + 86_400_000),
    });
    const { id } = await proposeItem(
      police,
      meetingId,
      { caseReference: reference, question: "Wie?", timeboxMinutes: 10 },
      meta,
    );
    const officer = await triageOfficer();
    expect((await triageQueue(officer)).map((r) => r.id)).not.toContain(id);
    expect(await thrownStatus(getReferral(officer, id, new Date()))).toBe(404);
    expect((await triageQueue(chair)).map((r) => r.id)).toContain(id);
    await triageReferral(chair, id, { outcome: "RETURNED", reason: "Volgende keer." }, meta);
    expect(await listProposals(police, meetingId)).toEqual([
      expect.objectContaining({ id, status: "RETURNED", outcomeReason: "Volgende keer." }),
    ]);
  });
});

describe("closing with a watch, and a referral that follows on an earlier case", () => {
  it("a transfer says to whom; monitoring runs from the closing; reopening ends it", async () => {
    const base = { confirm: "yes", closeReason: "TRANSFERRED", note: "", monitorMonths: "6" };
    const refused = caseCloseSchema.safeParse(base);
    expect(refused.success ? [] : refused.error.issues.map((i) => i.message)).toEqual(["cases.errors.noteForTransfer"]);
    const parsed = caseCloseSchema.parse({ ...base, note: "Overgedragen aan het Zorg- en Veiligheidshuis" });
    expect(parsed.monitorMonths).toBe(6);
    // Calendar months in Amsterdam: the last day of August plus six months is the last of February.
    expect(monitorEnd(new Date("2026-08-31T10:00:00Z"), 6)?.toISOString()).toBe("2027-02-28T11:00:00.000Z");
    const { reference } = await policeCase();
    await closeCase(police, reference, parsed, { ...meta, now: new Date("2026-12-08T10:00:00Z") });
    const closed = await prisma.case.findUniqueOrThrow({ where: { reference } });
    // 11:00 in Amsterdam in winter, 11:00 in Amsterdam in summer.
    expect(closed.monitorUntil?.toISOString()).toBe("2027-06-08T09:00:00.000Z");
    await reopenCase(police, reference, { note: "Nieuwe melding." }, { ...meta, retentionMonths: 12 });
    expect((await prisma.case.findUniqueOrThrow({ where: { reference } })).monitorUntil).toBeNull();
  });

  it("names a closed case by its reference; each viewer sees of it what the case rule allows", async () => {
    const earlier = await policeCase();
    const later = await policeCase();
    // Not closed yet: refused like a reference that does not exist.
    expect(
      await outcome(
        createReferral(police, referral(later.reference, { earlierCaseReference: earlier.reference }), meta),
      ),
    ).toBe("rule:referrals.errors.unknownEarlierCase");
    expect(
      await outcome(createReferral(police, referral(later.reference, { earlierCaseReference: "AO-1999-9999" }), meta)),
    ).toBe("rule:referrals.errors.unknownEarlierCase");
    await closeCase(police, earlier.reference, { confirm: "yes", closeReason: "GOALS_MET", note: "" }, meta);
    const { id } = await createReferral(
      police,
      referral(later.reference, { earlierCaseReference: earlier.reference }),
      meta,
    );
    // The Board never sat at a table of the police's case: to it, the reference is unknown — trying
    // references tells nobody which cases of other organisations exist.
    const boardCase = await createCase(
      rvdk,
      { region: "Westerduin", description: "Gezin, zorgen.", riskLevel: "LOW" },
      meta,
    );
    expect(
      await outcome(
        createReferral(
          rvdk,
          referral(boardCase.reference, {
            earlierCaseReference: earlier.reference,
            partnerOrganisationIds: [org.RvdK as string],
          }),
          meta,
        ),
      ),
    ).toBe("rule:referrals.errors.unknownEarlierCase");
    // The police brought the earlier case in: they may open it. The chair triages the referral and
    // sees the reference, but she was at no table of the earlier case: no link.
    expect((await getReferral(police, id, new Date())).earlierCase).toEqual({
      reference: earlier.reference,
      visible: true,
    });
    expect((await getReferral(chair, id, new Date())).earlierCase).toEqual({
      reference: earlier.reference,
      visible: false,
    });
  });
});

describe("what triage may not do", () => {
  it("put a closed case on an agenda, seat an organisation from outside the region, or give a proposal another outcome", async () => {
    const { reference } = await policeCase();
    const { id } = await createReferral(police, referral(reference), meta);
    const { meetingId } = await meetingWithTables({
      items: {},
      invited: ["POL", "VT"],
      startsAt: new Date(Date.now() + 86_400_000),
    });
    const elsewhere = await prisma.organisation.create({
      data: {
        name: "Team Elders",
        shortCode: `EL${randomUUID().slice(0, 6)}`,
        slug: `elders-${randomUUID()}`,
        kind: "OTHER",
        region: "Elders",
      },
    });
    const toMeeting = { outcome: "TO_MEETING" as const, meetingId, timeboxMinutes: 10, reason: "Past." };
    expect(await outcome(triageReferral(chair, id, { ...toMeeting, tableOrganisationIds: [elsewhere.id] }, meta))).toBe(
      "rule:referrals.errors.tableOutsideRegion",
    );
    await closeCase(police, reference, { confirm: "yes", closeReason: "NO_LONGER_NEEDED", note: "" }, meta);
    expect(
      await outcome(triageReferral(chair, id, { ...toMeeting, tableOrganisationIds: [org.POL as string] }, meta)),
    ).toBe("rule:referrals.errors.caseClosed");
    // Nothing was written: the referral still waits (the queue says its case was closed), and can
    // be closed with "no action".
    expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    const queued = (await triageQueue(chair)).find((r) => r.id === id);
    if (!queued) throw new Error("not queued");
    expect(listedReferral(queued, new Date(), chair).caseClosed).toBe(true);
    expect((await getMeeting(chair, meetingId, meta)).items).toEqual([]);
    await triageReferral(chair, id, { outcome: "NO_ACTION", reason: "De casus is gesloten." }, meta);

    const proposed = await policeCase();
    const proposal = await proposeItem(
      police,
      meetingId,
      { caseReference: proposed.reference, question: "Wie?", timeboxMinutes: 10 },
      meta,
    );
    expect(await outcome(triageReferral(chair, proposal.id, { outcome: "NO_ACTION", reason: "Nee." }, meta))).toBe(
      "rule:referrals.errors.proposalOutcome",
    );
    // Accepted from the referral's own page: no meeting to choose, its own.
    await triageReferral(
      chair,
      proposal.id,
      { ...toMeeting, meetingId: "", tableOrganisationIds: [org.POL as string] },
      meta,
    );
    expect((await getMeeting(chair, meetingId, meta)).items.map((i) => i.reference)).toEqual([proposed.reference]);
  });

  it("the referrer reads that its case is scheduled, not the title of a meeting still in preparation", async () => {
    const { reference } = await policeCase();
    const { id } = await createReferral(police, referral(reference), meta);
    const draft = await meetingWithTables({
      title: `Concept ${randomUUID().slice(0, 6)}`,
      items: {},
      invited: ["POL"],
      state: "draft",
      startsAt: new Date(Date.now() + 86_400_000),
    });
    await triageReferral(
      chair,
      id,
      {
        outcome: "TO_MEETING",
        meetingId: draft.meetingId,
        tableOrganisationIds: [org.POL as string],
        timeboxMinutes: 10,
        reason: "Volgende keer.",
      },
      meta,
    );
    const own = (await startReferrals(police, new Date(), "2026-12-08")).own.find((r) => r.id === id);
    expect([own?.status, own?.meetingTitle]).toEqual(["TO_MEETING", null]);
    const [listed] = (await ownReferrals(police)).filter((r) => r.id === id);
    if (!listed) throw new Error("not listed");
    expect(listedReferral(listed, new Date(), police).meeting).toBeNull();
    expect(listedReferral(listed, new Date(), chair).meeting?.id).toBe(draft.meetingId);
  });
});

describe("the region's settings", () => {
  it("the platform admin sets the deadlines (a stale save is refused) and adds and retires criteria", async () => {
    const admin = await sessionUser("admin@actie-overleg.demo");
    const region = `Regio-${randomUUID().slice(0, 8)}`;
    expect(
      await thrownStatus(
        saveTriageSetting(chair, region, { version: 0, routineWorkingDays: 3, urgentWorkingDays: 1 }, meta),
      ),
    ).toBe(403);
    await saveTriageSetting(admin, region, { version: 0, routineWorkingDays: 3, urgentWorkingDays: 1 }, meta);
    expect(
      await outcome(
        saveTriageSetting(admin, region, { version: 0, routineWorkingDays: 4, urgentWorkingDays: 1 }, meta),
      ),
    ).toBe("conflict:referrals.errors.staleSettings");
    await addCriterion(admin, region, { labelNl: "Radicalisering", labelEn: "Radicalisation" }, meta);
    const listed = await regionCriteria(region);
    // The built-in five, then the added one.
    expect(listed.map((c) => c.key ?? c.labelEn)).toEqual([
      "severalDomains",
      "safety",
      "noSingleOrganisation",
      "stuck",
      "careAndJustice",
      "Radicalisation",
    ]);
    const { reference } = await policeCase(region);
    const added = listed.at(-1)?.id as string;
    // Monday 7 December 2026, 10:00: three working days → the end of Thursday 10 December.
    const { id } = await createReferral(police, referral(reference, { criterionIds: [added] }), {
      ...meta,
      now: new Date("2026-12-07T09:00:00Z"),
    });
    expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).deadlineAt?.toISOString()).toBe(
      "2026-12-10T23:00:00.000Z",
    );
    await setCriterionActive(admin, added, false, meta);
    expect(await outcome(createReferral(police, referral(reference, { criterionIds: [added] }), meta))).toBe(
      "rule:referrals.errors.criterionRequired",
    );
  });
});

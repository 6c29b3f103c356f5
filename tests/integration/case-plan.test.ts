import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { addGoal, editGoal, planOf } from "~/domain/cases/case-plan.server";
import { answerRegie, proposeRegie } from "~/domain/cases/case-regie.server";
import { caseSignals } from "~/domain/cases/case-signals";
import type { GoalInput } from "~/domain/cases/case.schema";
import { goalSchema } from "~/domain/cases/case.schema";
import { createCase } from "~/domain/cases/cases.server";
import { chairSignals } from "~/domain/cases/chair-signals.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { addAction } from "~/domain/live/live.server";
import { startReferrals } from "~/domain/referrals/referral-start.server";

import { meetingWithTables, organisationIds } from "../support/live-meeting";
import { outcome, thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.81" };
let police: SessionUser;
let rvdk: SessionUser;
let recl: SessionUser;
let chair: SessionUser;
let org: Record<string, string>;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, recl, chair] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@reclassering.demo"),
    sessionUser("voorzitter@veiligthuis.demo"),
  ]);
  org = await organisationIds();
});

/**
 * A case brought in by Veilig Thuis (the chair's organisation), at a live table of the police and
 * the Board with one police action; then at a second live table of the police alone, with another.
 */
async function caseWithTwoTables() {
  const { reference } = await createCase(
    chair,
    { region: "Westerduin", description: "Gezin, 2 kinderen; geweld na de scheiding.", riskLevel: "HIGH" },
    meta,
  );
  const first = await meetingWithTables({
    items: { A: { table: ["POL", "RvdK"], caseReference: reference, asking: "POL" } },
    invited: ["POL", "RvdK", "RECL"],
    state: "live",
  });
  const second = await meetingWithTables({
    startsAt: new Date(Date.now() + 86_400_000),
    items: { A: { table: ["POL"], caseReference: reference, asking: "POL" } },
    invited: ["POL"],
    state: "live",
  });
  const action = (itemId: string, description: string) =>
    addAction(
      police,
      {
        key: randomUUID(),
        itemId,
        description,
        ownerOrganisationId: org.POL as string,
        ownerUserId: "",
        dueDate: "2027-03-01",
      },
      meta,
    );
  await action(first.itemIds.A, "Meldingen delen met de Raad");
  await action(second.itemIds.A, "Huisbezoek met de wijkagent");
  const { id } = await prisma.case.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  const actions = await prisma.action.findMany({ where: { caseId: id }, orderBy: { description: "asc" } });
  return { reference, caseId: id, actions: { home: actions[0]?.id as string, share: actions[1]?.id as string } };
}

const goal = (over: Partial<GoalInput> = {}): GoalInput => ({
  phase: "IMMEDIATE_SAFETY",
  text: "De kinderen zijn veilig thuis.",
  leadOrganisationId: org.RvdK as string,
  contributorOrganisationIds: [org.POL as string],
  reviewDate: "2027-03-15",
  actionIds: [],
  ...over,
});

describe("the plan van aanpak", () => {
  it("is kept by the owner, the regie holders and the chair; read by everyone who may see the case", async () => {
    const { reference, caseId, actions } = await caseWithTwoTables();
    expect(goalSchema.safeParse(goal({ text: "Moeder (geb. 12-03-1985) krijgt hulp" })).success).toBe(false);
    expect(goalSchema.safeParse(goal({ reviewDate: "2027-02-30" })).success).toBe(false);
    expect(goalSchema.safeParse(goal({ reviewDate: "0000-01-01" })).success).toBe(false);
    // Probation was invited but never at a table of the case: 404, as for a case that does not exist.
    expect(await thrownStatus(addGoal(recl, reference, goal(), meta))).toBe(404);
    // The police sit at the tables but neither brought the case nor hold regie.
    expect(await outcome(addGoal(police, reference, goal(), meta))).toBe("forbidden:cases.plan.errors.notYours");
    // Only organisations that know the case lead or contribute.
    expect(await outcome(addGoal(chair, reference, goal({ leadOrganisationId: org.WT as string }), meta))).toBe(
      "rule:cases.plan.errors.notACandidate",
    );
    await addGoal(chair, reference, goal({ actionIds: [actions.share, actions.home] }), meta);
    await addGoal(
      chair,
      reference,
      goal({ phase: "RECOVERY", text: "Ouders maken afspraken over de omgang.", reviewDate: "" }),
      meta,
    );

    const forPolice = await planOf(police, caseId, "2027-01-01");
    expect(forPolice.mayAdd).toBe(false);
    expect(forPolice.goals.map((g) => [g.phase, g.lead.shortCode, g.contributors, g.mayUpdate])).toEqual([
      ["IMMEDIATE_SAFETY", "RvdK", ["POL"], false],
      ["RECOVERY", "RvdK", ["POL"], false],
    ]);
    expect(forPolice.goals[0]?.actions.map((a) => a.description).sort()).toEqual([
      "Huisbezoek met de wijkagent",
      "Meldingen delen met de Raad",
    ]);
    // The Board was not at the second table: the action agreed there is not shown to it.
    const forBoard = await planOf(rvdk, caseId, "2027-01-01");
    expect(forBoard.goals[0]?.actions.map((a) => a.description)).toEqual(["Meldingen delen met de Raad"]);
    expect(forBoard.goals[0]?.mayUpdate).toBe(true);

    // Regie handed to the police: now they keep the plan too.
    const handover = await proposeRegie(
      chair,
      reference,
      { kind: "PROCESS", organisationId: org.POL as string, reason: "Zij coördineren." },
      meta,
    );
    await answerRegie(
      police,
      reference,
      { regieId: handover.id, version: 1, answer: "accept", declineReason: "" },
      meta,
    );
    expect((await planOf(police, caseId, "2027-01-01")).mayAdd).toBe(true);
  });

  it("the leading organisation updates its goal, not who leads it; a stale change is refused; links it could not see stay", async () => {
    const { reference, caseId, actions } = await caseWithTwoTables();
    await addGoal(chair, reference, goal({ actionIds: [actions.share, actions.home] }), meta);
    const [g] = (await planOf(rvdk, caseId, "2027-01-01")).goals;
    if (!g) throw new Error("no goal");
    const edit = { ...goal(), goalId: g.id, version: g.version, status: "MET" as const, actionIds: [actions.share] };
    expect(await outcome(editGoal(rvdk, reference, { ...edit, leadOrganisationId: org.POL as string }, meta))).toBe(
      "rule:cases.plan.errors.leadIsForEditors",
    );
    // The Board unticks nothing it could not see: the second table's action stays linked.
    await editGoal(rvdk, reference, edit, meta);
    expect(await outcome(editGoal(rvdk, reference, edit, meta))).toBe("conflict:cases.plan.errors.stale");
    const after = await planOf(police, caseId, "2027-01-01");
    expect([after.goals[0]?.status, after.goals[0]?.actions.length]).toEqual(["MET", 2]);
    const audit = await prisma.auditEvent.findMany({
      where: { subjectId: reference, action: { startsWith: "case.goal." } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["case.goal.added", "case.goal.updated"]);
  });

  it("a review date passing: a signal on the case and the case back on the chair's agenda list", async () => {
    const { reference, caseId } = await caseWithTwoTables();
    await addGoal(chair, reference, goal({ reviewDate: "2027-03-15" }), meta);
    const plan = await planOf(chair, caseId, "2027-03-15");
    expect(plan.goals[0]?.reviewDue).toBe(true);
    expect(caseSignals([], "2027-03-15", 14, plan.goals).map((s) => s.kind)).toEqual(["goalReview"]);
    const line = async (today: string) => (await chairSignals(chair, today, 14)).find((r) => r.reference === reference);
    expect(await line("2027-03-14")).toBeUndefined();
    expect((await line("2027-03-15"))?.goalsDue).toBe(1);
    // The start page reads the same within its referrals statement.
    const start = await startReferrals(chair, new Date("2027-03-15T09:00:00Z"), "2027-03-15", { overdueDays: 14 });
    expect(start.signals?.find((r) => r.reference === reference)?.goalsDue).toBe(1);
  });
});

import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { actionUpdateSchema } from "~/domain/actions/action.schema";
import { updateAction } from "~/domain/actions/actions.server";
import { seedDemoData } from "~/domain/demo/seed.server";
import { DomainError, httpStatusOf } from "~/domain/errors.server";
import { actionSchema, decisionSchema } from "~/domain/live/live.schema";
import { addAction, addDecision, addNeed, endMeeting, loadBoard } from "~/domain/live/live.server";
import { amendAction } from "~/domain/minutes/minutes-amendments.server";
import { minutesActionsCsv, minutesPdf } from "~/domain/minutes/minutes-exports.server";
import { amendMinutes, approveMinutes, getMinutes } from "~/domain/minutes/minutes.server";
import { translator } from "~/i18n/translate.server";

import { liveMeeting } from "../support/live-meeting";
import { thrownStatus } from "../support/responses";
import { sessionUser } from "../support/users";

const meta = { clientAddress: "192.0.2.40" };
let police: SessionUser;
let rvdk: SessionUser;
let recl: SessionUser;

beforeAll(async () => {
  await seedDemoData();
  [police, rvdk, recl] = await Promise.all([
    sessionUser("medewerker@politie.demo"),
    sessionUser("medewerker@rvdk.demo"),
    sessionUser("medewerker@reclassering.demo"),
  ]);
});

async function finishedMeeting() {
  const setup = await liveMeeting();
  const { meetingId, itemIds, org, chair } = setup;
  // Joining records attendance.
  await loadBoard(police, meetingId, meta);
  await loadBoard(rvdk, meetingId, meta);
  await addNeed(rvdk, { key: randomUUID(), itemId: itemIds.A, text: "Wij hebben nodig: schoolcontact." }, meta);
  await addDecision(
    chair,
    decisionSchema.parse({
      key: randomUUID(),
      itemId: itemIds.A,
      text: "De politie neemt de regie.",
      dissents: [{ organisationId: org.RvdK, reason: "Eerst zelf onderzoeken." }],
    }),
    meta,
  );
  const action = await addAction(
    rvdk,
    actionSchema.parse({
      key: randomUUID(),
      itemId: itemIds.A,
      description: "Raadsonderzoek starten",
      ownerOrganisationId: org.RvdK,
      dueDate: "2099-12-15",
    }),
    meta,
  );
  await addNeed(recl, { key: randomUUID(), itemId: itemIds.B, text: "Wij hebben nodig: toezichtsinfo." }, meta);
  await endMeeting(chair, meetingId, meta);
  return { ...setup, actionId: action.change.kind === "action" ? action.change.action.id : "" };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code === "rule" ? error.key : httpStatusOf(error);
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("minutes", () => {
  it("are generated from the structure, and each organisation reads only the items it was at the table for", async () => {
    const { meetingId, org, chair } = await finishedMeeting();
    const forChair = await getMinutes(chair, meetingId, meta);
    if (!forChair.available) throw new Error("no minutes");
    expect(forChair.status).toBe("DRAFT");
    expect(forChair.content.items.map((i) => i.question)).toEqual([
      "Vraag A: wie neemt de regie?",
      "Vraag B: wie neemt de regie?",
    ]);
    const itemA = forChair.content.items[0];
    expect(itemA?.decisions).toEqual([
      {
        text: "De politie neemt de regie.",
        earlierTexts: [],
        dissents: [{ organisationId: org.RvdK, reason: "Eerst zelf onderzoeken." }],
      },
    ]);
    expect(itemA?.actions.map((a) => [a.description, a.ownerOrganisationId, a.dueDate])).toEqual([
      ["Raadsonderzoek starten", org.RvdK, "2099-12-15"],
    ]);
    expect(itemA?.needs.map((n) => [n.text, n.status])).toEqual([["Wij hebben nodig: schoolcontact.", "OPEN"]]);
    expect(forChair.content.attendance.map((a) => a.organisationId).sort()).toEqual([org.POL, org.RvdK].sort());

    const forPolice = await getMinutes(police, meetingId, meta);
    if (!forPolice.available) throw new Error("no minutes");
    expect(forPolice.content.items.map((i) => i.reference)).toHaveLength(1);
    expect(JSON.stringify(forPolice)).not.toContain("toezichtsinfo");
    const forProbation = await getMinutes(recl, meetingId, meta);
    expect(JSON.stringify(forProbation)).not.toContain("schoolcontact");
    const localTeam = await sessionUser("medewerker@wijkteam.demo");
    expect(await thrownStatus(getMinutes(localTeam, meetingId, meta))).toBe(404);
  });

  it("only the chair approves, only after the meeting; approved minutes do not change silently", async () => {
    const { meetingId, actionId, chair } = await finishedMeeting();
    expect(await refusal(approveMinutes(police, meetingId, meta))).toBe(404);
    expect(await refusal(approveMinutes(chair, meetingId, meta))).toBe("ok");
    expect(await refusal(approveMinutes(chair, meetingId, meta))).toBe("minutes.errors.alreadyApproved");
    // The action is updated afterwards in /acties: the approved minutes keep what was decided.
    await updateAction(
      rvdk,
      actionUpdateSchema.parse({
        actionId,
        version: 1,
        status: "IN_PROGRESS",
        note: "Gestart",
        closeReason: "",
        ownerUserId: "",
      }),
      meta,
    );
    await prisma.action.update({ where: { id: actionId }, data: { description: "Iets anders" } });
    const minutes = await getMinutes(chair, meetingId, meta);
    if (!minutes.available) throw new Error("no minutes");
    expect(minutes.status).toBe("APPROVED");
    expect(minutes.content.items[0]?.actions[0]?.description).toBe("Raadsonderzoek starten");
  });

  it("after approval a change is an amendment (who, when, why), shown only to those who may see its item", async () => {
    const { meetingId, itemIds, chair } = await finishedMeeting();
    const amendment = {
      agendaItemId: itemIds.B,
      change: "Toezicht loopt tot maart.",
      reason: "Aanvulling van de reclassering.",
    };
    expect(await refusal(amendMinutes(chair, meetingId, amendment, meta))).toBe("minutes.errors.notApproved");
    await approveMinutes(chair, meetingId, meta);
    expect(await refusal(amendMinutes(police, meetingId, amendment, meta))).toBe(404);
    await amendMinutes(chair, meetingId, amendment, meta);
    await amendMinutes(
      chair,
      meetingId,
      { agendaItemId: "", change: "Volgende keer om 9 uur.", reason: "Afspraak." },
      meta,
    );
    const forProbation = await getMinutes(recl, meetingId, meta);
    const forPolice = await getMinutes(police, meetingId, meta);
    if (!forProbation.available || !forPolice.available) throw new Error("no minutes");
    expect(forProbation.amendments.map((a) => [a.change, a.reason, a.byName])).toEqual([
      ["Toezicht loopt tot maart.", "Aanvulling van de reclassering.", chair.name],
      ["Volgende keer om 9 uur.", "Afspraak.", chair.name],
    ]);
    expect(forPolice.amendments.map((a) => a.change)).toEqual(["Volgende keer om 9 uur."]);
    expect(await prisma.auditEvent.count({ where: { action: "minutes.amended", subjectId: meetingId } })).toBe(2);
  });

  it("there are no minutes before the meeting has finished", async () => {
    const { meetingId } = await liveMeeting();
    expect((await getMinutes(police, meetingId, meta)).available).toBe(false);
  });
});

/** Each page's text as PDF.js (Mozilla's reader, not ours) extracts it, and what it says about tagging. */
async function readPdf(pdf: Buffer) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  const structured: boolean[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = await page.getTextContent();
    pages.push(
      text.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
    structured.push(Boolean((await page.getStructTree())?.children?.length));
  }
  const { info } = (await doc.getMetadata()) as { info: { Language?: string; Title?: string } };
  const marked = await doc.getMarkInfo();
  await doc.destroy();
  return { pages, text: pages.join("\n"), structured, language: info.Language, title: info.Title, marked };
}

describe("minutes exports", () => {
  it("PDF with the item structure and the CSV of actions, each for what the reader may see; audited", async () => {
    const { meetingId, chair } = await finishedMeeting();
    await approveMinutes(chair, meetingId, meta);
    const nl = await translator("nl");
    const pdf = await minutesPdf(police, meetingId, nl, "nl", meta);
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await readPdf(pdf.body);
    for (const expected of [
      "Verslag: Live overleg",
      "Aanwezig",
      "Vraag A: wie neemt de regie?",
      "Rolkaarten",
      "Regie en verantwoordelijkheden",
      "Behoeften",
      "Besluiten",
      "De politie neemt de regie.",
      "Acties",
      "Raadsonderzoek starten",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Vraag B");
    const probationPdf = (await readPdf((await minutesPdf(recl, meetingId, nl, "nl", meta)).body)).text;
    expect(probationPdf).toContain("Vraag B");
    expect(probationPdf).not.toContain("Raadsonderzoek");

    const csv = await minutesActionsCsv(police, meetingId, nl, meta);
    expect(csv.body.startsWith("\uFEFFCasus;Overleg;Actie;")).toBe(true);
    expect(csv.body).toContain(";Raadsonderzoek starten;");
    expect((await minutesActionsCsv(recl, meetingId, nl, meta)).body).not.toContain("Raadsonderzoek");
    const exports = await prisma.auditEvent.findMany({
      where: { action: "minutes.exported", subjectId: meetingId, actorUserId: police.id },
    });
    expect(exports.map((e) => (e.details as { format: string }).format).sort()).toEqual(["csv", "pdf"]);
  });

  it("PDF: tagged with its language, every page says for whom it is and 'pagina n van m', amendments that changed data spelled out", async () => {
    const { meetingId, chair, itemIds } = await finishedMeeting();
    await approveMinutes(chair, meetingId, meta);
    const action = await prisma.action.findFirstOrThrow({ where: { agendaItemId: itemIds.A } });
    await amendAction(
      chair,
      meetingId,
      {
        actionId: action.id,
        version: action.version,
        description: action.description,
        dueDate: "2099-12-31",
        ownerOrganisationId: action.ownerOrganisationId,
        reason: "De datum was verkeerd genoteerd.",
      },
      meta,
    );
    // Enough amendments for more than one page.
    for (let i = 1; i <= 30; i++)
      await amendMinutes(
        chair,
        meetingId,
        {
          agendaItemId: itemIds.A,
          change: `Aanvulling ${i}: de afspraak over het schoolcontact loopt door.`,
          reason: "Nagekomen.",
        },
        meta,
      );
    const nl = await translator("nl");
    const pdf = await readPdf((await minutesPdf(police, meetingId, nl, "nl", meta)).body);
    expect(pdf.pages.length).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`pagina ${i + 1} van ${pdf.pages.length}`);
      expect(page).toContain(`Vertrouwelijk — alleen voor ${police.name} (${police.organisation.name})`);
    });
    expect(pdf.text).toContain("uiterlijk: 15 december 2099 werd 31 december 2099");
    expect(pdf.text).toContain("De datum was verkeerd genoteerd.");
    expect(pdf.text).toContain("Aanvulling 30");
    expect(pdf.language).toBe("nl-NL");
    expect(pdf.marked).toMatchObject({ Marked: true });
    expect(pdf.structured.every(Boolean)).toBe(true);
    const en = await readPdf((await minutesPdf(police, meetingId, await translator("en"), "en", meta)).body);
    expect(en.language).toBe("en-GB");
    expect(en.pages[0]).toContain(`page 1 of ${en.pages.length}`);
    expect(en.pages[0]).toContain(`Confidential — only for ${police.name}`);
  });
});

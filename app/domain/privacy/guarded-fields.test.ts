import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { actionUpdateSchema } from "~/domain/actions/action.schema";
import { newCaseSchema } from "~/domain/cases/case.schema";
import * as live from "~/domain/live/live.schema";
import * as meetings from "~/domain/meetings/meeting.schema";
import { amendmentSchema } from "~/domain/minutes/minutes.schema";

// Every free text that can reach another organisation, each with a valid value around it.
const key = "k-12345678";
const FIELDS: [string, z.ZodType, Record<string, unknown>, string[]][] = [
  [
    "new meeting",
    meetings.newMeetingSchema,
    {
      title: "Actie-overleg Westerduin",
      region: "Westerduin",
      startsAt: new Date("2027-01-14T09:00:00Z"),
      durationMinutes: 90,
      location: "Zorg- en Veiligheidshuis, Stationsplein 12",
      invitedOrganisationIds: ["o1"],
    },
    ["title", "region", "location"],
  ],
  [
    "agenda item",
    meetings.newAgendaItemSchema,
    {
      caseReference: "AO-2026-0142",
      question: "Wie neemt regie?",
      askingOrganisationId: "o1",
      timeboxMinutes: 15,
      tableOrganisationIds: ["o1"],
    },
    ["question"],
  ],
  [
    "proposal",
    meetings.proposalSchema,
    { caseReference: "AO-2026-0142", question: "Wie?", timeboxMinutes: 15 },
    ["question"],
  ],
  ["declined proposal", meetings.declineProposalSchema, { reason: "Past beter bij het zorgoverleg." }, ["reason"]],
  [
    "case",
    newCaseSchema,
    { region: "Westerduin", description: "Gezin, 2 kinderen (4 en 7).", riskLevel: "HIGH" },
    ["region", "description"],
  ],
  [
    "role card",
    live.roleCardSchema,
    {
      key,
      cardId: "c1",
      version: 1,
      roleInCase: "a",
      knowledge: "b",
      knowledgeLegalBasis: "art. 1:255 BW",
      contribution: "c",
      limitsHere: "d",
    },
    ["roleInCase", "knowledge", "knowledgeLegalBasis", "contribution", "limitsHere"],
  ],
  ["need", live.needSchema, { key, itemId: "i1", text: "Zicht op de schoolgang." }, ["text"]],
  [
    "need taken up",
    live.addressNeedSchema,
    { key, needId: "n1", version: 1, addressedByOrganisationId: "o1", note: "Leerplicht belt." },
    ["note"],
  ],
  ["decision", live.decisionSchema, { key, itemId: "i1", text: "Veilig Thuis neemt regie." }, ["text"]],
  [
    "action",
    live.actionSchema,
    { key, itemId: "i1", description: "Huisbezoek plannen", ownerOrganisationId: "o1", dueDate: "2027-01-20" },
    ["description"],
  ],
  [
    "action update",
    actionUpdateSchema,
    { actionId: "a1", version: 1, status: "IN_PROGRESS", note: "Gebeld." },
    ["note"],
  ],
  [
    "minutes amendment",
    amendmentSchema,
    { change: "Actie 2 is van de GI.", reason: "Verkeerd genoteerd." },
    ["change", "reason"],
  ],
];

const IDENTIFIERS: [string, string][] = [
  ["phone", "bel moeder op 06 1234 5678"],
  ["email", "m.jansen [at] voorbeeld [punt] nl"],
  ["bsn", "bsn 1234 56 782"],
  ["name", "gezin De Vries"],
];

describe("the identifier guard on every free text (issue 18)", () => {
  for (const [what, schema, base, fields] of FIELDS) {
    it(`accepts a ${what} without identifiers`, () => {
      expect(schema.safeParse(base).error?.issues).toBeUndefined();
    });
    for (const field of fields) {
      it.each(IDENTIFIERS)(`refuses a ${what}'s ${field} with a %s in it`, (kind, text) => {
        const result = schema.safeParse({ ...base, [field]: text });
        expect(result.success).toBe(false);
        const issue = result.error?.issues.find((i) => i.path[0] === field);
        expect(issue?.message).toBe(`privacy.found.${kind}`);
      });
    }
  }

  it("lets a meeting's location name the venue's street and postcode, nothing else", () => {
    const base = FIELDS[0]?.[2] as Record<string, unknown>;
    expect(
      meetings.newMeetingSchema.safeParse({ ...base, location: "Stationsplein 12, 1234 AB Westerduin" }).success,
    ).toBe(true);
    expect(meetings.newMeetingSchema.safeParse({ ...base, location: "bij mevr. El Amrani thuis" }).success).toBe(false);
  });
});

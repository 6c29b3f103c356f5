/**
 * fast-check over every zod schema at a boundary: hostile values never make a schema throw, never
 * pollute Object.prototype, and what a schema accepts stays a plain value within its limits.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";

import { periodSchema } from "~/audit/audit-log.server";
import { loginFormSchema } from "~/auth/login-form.server";
import { passwordPolicy } from "~/auth/password-policy";
import { actionQuerySchema, actionUpdateSchema } from "~/domain/actions/action.schema";
import {
  escalationEndSchema,
  escalationRaiseSchema,
  goalEditSchema,
  goalSchema,
  newCaseSchema,
} from "~/domain/cases/case.schema";
import * as live from "~/domain/live/live.schema";
import * as meetings from "~/domain/meetings/meeting.schema";
import { amendmentSchema } from "~/domain/minutes/minutes.schema";
import { compareQuerySchema, directoryQuerySchema, historyQuerySchema } from "~/domain/organisations/queries.server";
import * as profile from "~/domain/organisations/role-profile.schema";
import * as referrals from "~/domain/referrals/referral.schema";
import { envSchema } from "~/env.server";

import { hostileString, hostileValue, pollutingObject } from "../support/hostile";

const schemas: Record<string, z.ZodType> = {
  loginFormSchema,
  periodSchema,
  passwordPolicy: passwordPolicy({ demoMode: false, email: "iemand@politie.demo" }),
  actionQuerySchema,
  actionUpdateSchema,
  newCaseSchema,
  escalationRaiseSchema,
  escalationEndSchema,
  goalSchema,
  goalEditSchema,
  newMeetingSchema: meetings.newMeetingSchema,
  newAgendaItemSchema: meetings.newAgendaItemSchema,
  proposalSchema: meetings.proposalSchema,
  acceptProposalSchema: meetings.acceptProposalSchema,
  declineProposalSchema: meetings.declineProposalSchema,
  meetingRefSchema: live.meetingRefSchema,
  itemRefSchema: live.itemRefSchema,
  closeItemSchema: live.closeItemSchema,
  endMeetingSchema: live.endMeetingSchema,
  roleCardSchema: live.roleCardSchema,
  responsibilitySchema: live.responsibilitySchema,
  needSchema: live.needSchema,
  addressNeedSchema: live.addressNeedSchema,
  decisionSchema: live.decisionSchema,
  actionSchema: live.actionSchema,
  actionStatusSchema: live.actionStatusSchema,
  earlierActionSchema: live.earlierActionSchema,
  amendmentSchema,
  directoryQuerySchema,
  compareQuerySchema,
  historyQuerySchema,
  capabilitySchema: profile.capabilitySchema,
  limitSchema: profile.limitSchema,
  legalBasisSchema: profile.legalBasisSchema,
  sharingRuleSchema: profile.sharingRuleSchema,
  contactSchema: profile.contactSchema,
  reachabilitySchema: profile.reachabilitySchema,
  roleProfileSchema: profile.roleProfileSchema,
  saveProfileFormSchema: profile.saveProfileFormSchema,
  referralSchema: referrals.referralSchema,
  triageSchema: referrals.triageSchema,
  triageSettingSchema: referrals.triageSettingSchema,
  criterionSchema: referrals.criterionSchema,
  envSchema,
};

const RUNS = 200;
let cases = 0;

/** The keys the schema looks at (an object schema's shape), so that values reach the field checks. */
function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** No accepted string is longer than the longest a field allows anywhere (the profile's 4000). */
function longestString(value: unknown, seen = new Set<unknown>()): number {
  if (typeof value === "string") return value.length;
  if (!value || typeof value !== "object" || seen.has(value)) return 0;
  seen.add(value);
  return Math.max(0, ...Object.values(value).map((v) => longestString(v, seen)));
}

afterAll(() => {
  console.log(`schema fuzzing: ${cases} cases over ${Object.keys(schemas).length} schemas`);
});

describe("every zod schema under random and hostile input", () => {
  it.each(Object.entries(schemas))("%s never throws, never pollutes, accepts only bounded values", (_name, schema) => {
    const keys = keysOf(schema);
    const shaped =
      keys.length > 0
        ? fc.oneof(
            fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }),
            fc.record(Object.fromEntries(keys.map((k) => [k, hostileString]))),
            pollutingObject,
          )
        : hostileValue;
    const input = fc.oneof(shaped, hostileValue, fc.anything({ maxDepth: 4 }));
    fc.assert(
      fc.property(input, (value) => {
        cases++;
        const result = schema.safeParse(value); // throwing fails the property
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>).isChair).toBeUndefined();
        if (result.success && result.data && typeof result.data === "object") {
          expect([Object.prototype, Array.prototype, null]).toContain(Object.getPrototypeOf(result.data));
          expect(longestString(result.data)).toBeLessThanOrEqual(4_000);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

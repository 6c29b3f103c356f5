import { z } from "zod";

/**
 * The structured role profile. Error messages are translation keys (see app/utils/form-errors).
 * Limits keep a profile readable at the table and a page printable.
 */
const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const required = (max: number) => text(max).min(1, "validation.required");
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, "validation.tooMany").default([]);

export const LIMITS = {
  mission: 600,
  listItems: 25,
  legalBases: 20,
  contacts: 15,
} as const;

export const capabilitySchema = z.object({ title: required(120), explanation: text(500).default("") });
export const limitSchema = z.object({ title: required(120), explanation: text(500).default("") });
export const legalBasisSchema = z.object({
  law: required(120),
  article: text(60).default(""),
  allows: required(500),
});
export const sharingRuleSchema = z.object({
  kind: z.enum(["shares", "never"], { error: "validation.choose" }),
  what: required(200),
  withWhom: text(200).default(""),
  conditions: text(500).default(""),
});
export const contactSchema = z.object({
  role: required(120),
  name: text(120).default(""),
  workEmail: z.union([z.literal(""), z.email("validation.email").max(254, "validation.tooLong")]).default(""),
  workPhone: text(30).default(""),
  deputy: text(200).default(""),
});
export const reachabilitySchema = z.object({
  officeHours: text(200).default(""),
  urgentRoute: text(300).default(""),
  functionalMailbox: z.union([z.literal(""), z.email("validation.email").max(254, "validation.tooLong")]).default(""),
  functionalPhone: text(30).default(""),
  responseTimes: text(300).default(""),
});

export const roleProfileSchema = z.object({
  mission: required(LIMITS.mission),
  capabilities: list(capabilitySchema, LIMITS.listItems),
  limits: list(limitSchema, LIMITS.listItems),
  legalBases: list(legalBasisSchema, LIMITS.legalBases),
  sharingRules: list(sharingRuleSchema, LIMITS.listItems),
  reachability: reachabilitySchema.prefault({}),
  contacts: list(contactSchema, LIMITS.contacts),
  escalationRoute: text(500).default(""),
});

export type RoleProfile = z.infer<typeof roleProfileSchema>;
export type ListSection = "capabilities" | "limits" | "legalBases" | "sharingRules" | "contacts";
export const LIST_SECTIONS: ListSection[] = ["capabilities", "limits", "legalBases", "sharingRules", "contacts"];

export const emptyItems: { [K in ListSection]: RoleProfile[K][number] } = {
  capabilities: { title: "", explanation: "" },
  limits: { title: "", explanation: "" },
  legalBases: { law: "", article: "", allows: "" },
  sharingRules: { kind: "shares", what: "", withWhom: "", conditions: "" },
  contacts: { role: "", name: "", workEmail: "", workPhone: "", deputy: "" },
};

export const emptyProfile: RoleProfile = {
  mission: "",
  capabilities: [],
  limits: [],
  legalBases: [],
  sharingRules: [],
  reachability: { officeHours: "", urgentRoute: "", functionalMailbox: "", functionalPhone: "", responseTimes: "" },
  contacts: [],
  escalationRoute: "",
};

export const saveProfileFormSchema = z.object({
  baseVersion: z.coerce.number().int().min(0),
  changeSummary: required(200),
  profile: roleProfileSchema,
});

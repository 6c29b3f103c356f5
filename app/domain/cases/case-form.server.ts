import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest, DomainError } from "~/domain/errors.server";
import { getEnv } from "~/env.server";
import type { TranslationKey } from "~/i18n/keys";
import { formRefusal } from "~/server/domain-errors.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { closeCase, editCase, eraseFromCase, reopenCase, requireOwnedCase } from "./case-corrections.server";
import { endEscalation, raiseEscalation } from "./case-escalations.server";
import { requireVisibleCase } from "./case-lock.server";
import { addGoal, editGoal } from "./case-plan.server";
import { answerRegie, proposeRegie } from "./case-regie.server";
import {
  caseCloseSchema,
  caseEditSchema,
  caseEraseSchema,
  caseReopenSchema,
  escalationEndSchema,
  escalationRaiseSchema,
  goalEditSchema,
  goalSchema,
  newCaseSchema,
  regieAnswerSchema,
  regieProposalSchema,
} from "./case.schema";
import { createCase } from "./cases.server";

export type CaseFormData = { values: { region: string; description: string; riskLevel: string }; errors?: FormErrors };

/** New case: validate (identifier guard included), create, go to the case; or keep what was typed. */
export async function handleNewCaseForm(user: SessionUser, formData: FormData, meta: Acting) {
  const values = {
    region: formText(formData.get("region")).slice(0, 1000),
    description: formText(formData.get("description")).slice(0, 10_000),
    riskLevel: formText(formData.get("riskLevel")),
  };
  const parsed = newCaseSchema.safeParse(values);
  if (!parsed.success)
    return data<CaseFormData>({ values, errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
  const created = await createCase(user, parsed.data, meta);
  throw redirect(`/casussen/${created.reference}?nieuw=1`);
}

export type CaseIntent =
  | "edit"
  | "erase"
  | "close"
  | "reopen"
  | "proposeRegie"
  | "answerRegie"
  | "raiseEscalation"
  | "endEscalation"
  | "addGoal"
  | "editGoal";
/** Regie, escalation and the plan involve more than the bringing organisation (the access module says who). */
const VISIBLE_CASE_INTENTS: readonly CaseIntent[] = [
  "proposeRegie",
  "answerRegie",
  "raiseEscalation",
  "endEscalation",
  "addGoal",
  "editGoal",
];
/** Fields that carry several values (checkboxes): kept comma-joined in the echo, parsed as lists. */
const LIST_FIELDS = new Set(["contributorOrganisationIds", "actionIds"]);
const GOAL_FIELDS = ["phase", "text", "leadOrganisationId", "contributorOrganisationIds", "reviewDate", "actionIds"];
const listOf = (value: string | undefined) => (value ? value.split(",").filter(Boolean) : []);
const goalValues = (values: Record<string, string>) => ({
  ...values,
  contributorOrganisationIds: listOf(values.contributorOrganisationIds),
  actionIds: listOf(values.actionIds),
});

export type CaseCorrectionData = {
  intent: CaseIntent;
  values: Record<string, string>;
  errors?: FormErrors;
  formError?: TranslationKey;
  /** On a conflict: what the case says now and who wrote it. */
  current?: { description: string; riskLevel: string; version: number; byName: string | null };
  done?: TranslationKey;
  doneValues?: Record<string, string | number>;
};

const FIELDS: Record<CaseIntent, readonly string[]> = {
  edit: ["version", "description", "riskLevel"],
  erase: ["version", "text"],
  close: ["confirm", "closeReason", "note", "monitorMonths"],
  reopen: ["note"],
  proposeRegie: ["kind", "organisationId", "reason"],
  answerRegie: ["regieId", "version", "answer", "declineReason"],
  raiseEscalation: ["level", "reason"],
  endEscalation: ["escalationId", "version", "next", "outcome"],
  addGoal: GOAL_FIELDS,
  editGoal: ["goalId", "version", "status", ...GOAL_FIELDS],
};

function isIntent(value: string): value is CaseIntent {
  return Object.hasOwn(FIELDS, value);
}

async function runGoalIntent(
  user: SessionUser,
  reference: string,
  intent: "addGoal" | "editGoal",
  values: Record<string, string>,
  meta: Acting,
): Promise<{ errors: FormErrors } | { done: TranslationKey }> {
  if (intent === "addGoal") {
    const parsed = goalSchema.safeParse(goalValues(values));
    if (!parsed.success) return { errors: fieldErrorsFrom(parsed.error.issues) };
    await addGoal(user, reference, parsed.data, meta);
    return { done: "cases.plan.added" };
  }
  const parsed = goalEditSchema.safeParse(goalValues(values));
  if (!parsed.success) return { errors: fieldErrorsFrom(parsed.error.issues) };
  await editGoal(user, reference, parsed.data, meta);
  return { done: "cases.plan.updated" };
}

async function runCaseIntent(
  user: SessionUser,
  reference: string,
  intent: CaseIntent,
  values: Record<string, string>,
  meta: Acting,
): Promise<{ errors: FormErrors } | { done: TranslationKey; doneValues?: Record<string, string | number> }> {
  const invalid = (issues: Parameters<typeof fieldErrorsFrom>[0]) => ({ errors: fieldErrorsFrom(issues) });
  if (intent === "edit") {
    const parsed = caseEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    await editCase(user, reference, parsed.data, meta);
    return { done: "cases.editedNotice" };
  }
  if (intent === "erase") {
    const parsed = caseEraseSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    const { versions } = await eraseFromCase(user, reference, parsed.data, meta);
    return { done: "cases.erasedNotice", doneValues: { count: versions } };
  }
  if (intent === "close") {
    const parsed = caseCloseSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    await closeCase(user, reference, parsed.data, meta);
    return { done: "cases.closedNotice", doneValues: { months: getEnv().RETENTION_MONTHS } };
  }
  if (intent === "proposeRegie") {
    const parsed = regieProposalSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    await proposeRegie(user, reference, parsed.data, meta);
    return { done: "cases.regie.proposed" };
  }
  if (intent === "answerRegie") {
    const parsed = regieAnswerSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    const { status } = await answerRegie(user, reference, parsed.data, meta);
    return {
      done:
        status === "ACCEPTED"
          ? "cases.regie.accepted"
          : status === "DECLINED"
            ? "cases.regie.declined"
            : "cases.regie.withdrawn",
    };
  }
  if (intent === "addGoal" || intent === "editGoal") return runGoalIntent(user, reference, intent, values, meta);
  if (intent === "raiseEscalation") {
    const parsed = escalationRaiseSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    await raiseEscalation(user, reference, parsed.data, meta);
    return { done: "cases.escalation.raised" };
  }
  if (intent === "endEscalation") {
    const parsed = escalationEndSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error.issues);
    const { level } = await endEscalation(user, reference, parsed.data, meta);
    return { done: level ? "cases.escalation.moved" : "cases.escalation.ended" };
  }
  const parsed = caseReopenSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error.issues);
  await reopenCase(user, reference, parsed.data, { ...meta, retentionMonths: getEnv().RETENTION_MONTHS });
  return { done: "cases.reopenedNotice" };
}

/**
 * The case page's forms: correct, erase an identifier, close, reopen, hand over regie and answer a
 * handover. Every refusal comes back
 * with what was typed; a done erasure does not echo the erased text.
 */
export async function handleCaseCorrection(user: SessionUser, reference: string, formData: FormData, meta: Acting) {
  const intent = formText(formData.get("intent"));
  if (!isIntent(intent)) throw badRequest("errors.unknownIntent");
  // Who may not change the case hears it does not exist, before any field is read (regie: who may
  // not see it; the regie rules are checked on the locked case).
  if (VISIBLE_CASE_INTENTS.includes(intent)) await requireVisibleCase(user, reference);
  else await requireOwnedCase(user, reference);
  const values = Object.fromEntries(
    FIELDS[intent].map((k) => [
      k,
      LIST_FIELDS.has(k)
        ? formData
            .getAll(k)
            .map((v) => formText(v).slice(0, 100).replaceAll(",", ""))
            .slice(0, 100)
            .join(",")
        : formText(formData.get(k)).slice(0, 10_000),
    ]),
  );
  const base = { intent, values };
  try {
    const result = await runCaseIntent(user, reference, intent, values, meta);
    if ("errors" in result) return data<CaseCorrectionData>({ ...base, errors: result.errors }, { status: 400 });
    return data<CaseCorrectionData>({ intent, values: {}, ...result });
  } catch (error) {
    const current = error instanceof DomainError ? (error.current as CaseCorrectionData["current"]) : undefined;
    return formRefusal(error, { ...base, ...(current ? { current } : {}) } as CaseCorrectionData);
  }
}

import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { newCaseSchema } from "./case.schema";
import { createCase } from "./cases.server";

export type CaseFormData = { values: { region: string; description: string; riskLevel: string }; errors?: FormErrors };

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

/** New case: validate (identifier guard included), create, go to the case; or keep what was typed. */
export async function handleNewCaseForm(user: SessionUser, formData: FormData, meta: { clientAddress: string | null }) {
  const values = {
    region: text(formData.get("region")).slice(0, 1000),
    description: text(formData.get("description")).slice(0, 10_000),
    riskLevel: text(formData.get("riskLevel")),
  };
  const parsed = newCaseSchema.safeParse(values);
  if (!parsed.success)
    return data<CaseFormData>({ values, errors: fieldErrorsFrom(parsed.error.issues) }, { status: 400 });
  const created = await createCase(user, parsed.data, meta);
  throw redirect(`/casussen/${created.reference}?nieuw=1`);
}

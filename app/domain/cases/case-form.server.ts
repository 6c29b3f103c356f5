import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { formText } from "~/utils/form-data";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";

import { newCaseSchema } from "./case.schema";
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

import { data, redirect } from "@remix-run/node";

import type { SessionUser } from "~/auth/session.server";
import type { Acting } from "~/domain/acting.server";
import { badRequest } from "~/domain/errors.server";
import type { TranslationKey } from "~/i18n/keys";
import type { FormErrors } from "~/utils/form-errors";
import { fieldErrorsFrom } from "~/utils/form-errors";
import { parseNestedForm } from "~/utils/nested-form";

import type { ProfileChange } from "./profile-diff";
import { diffProfiles } from "./profile-diff";
import type { ProfileConflict } from "./profile-save.server";
import { applyChoices, missingChoices, pendingConflict, readChoices, saveMerging } from "./profile-save.server";
import {
  emptyItems,
  emptyProfile,
  LIMITS,
  LIST_SECTIONS,
  roleProfileSchema,
  saveProfileFormSchema,
} from "./role-profile.schema";
import type { ListSection, RoleProfile } from "./role-profile.schema";
import { getProfile, markReviewed, requireProfileEditor } from "./role-profiles.server";

export type ProfileFormData = {
  values: RoleProfile;
  changeSummary: string;
  baseVersion: number;
  errors?: FormErrors;
  /** A message about the whole form (translation key). */
  formError?: TranslationKey;
  conflict?: ProfileConflict;
  /** The editor's choices so far, per overlapping field ("mine" / "theirs"). */
  choices?: Record<string, string>;
  /** Id of the field to focus and the message to announce after adding or removing a row. */
  focus?: string;
  announce?: { key: TranslationKey; section: ListSection; n: number };
};

const asText = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The typed values as they came in, in the profile's shape, without validating them: what is
 * shown again in the form so that nothing typed is lost.
 */
export function formValues(raw: unknown): RoleProfile {
  const source = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const rows = (section: ListSection) => {
    const list = Array.isArray(source[section]) ? (source[section] as unknown[]) : [];
    return list.slice(0, 100).map((item) => {
      const fields = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(emptyItems[section]).map((k) => [
          k,
          asText(fields[k]) || (emptyItems[section] as Record<string, string>)[k],
        ]),
      );
    });
  };
  const reachability = (
    source.reachability && typeof source.reachability === "object" ? source.reachability : {}
  ) as Record<string, unknown>;
  return {
    mission: asText(source.mission),
    capabilities: rows("capabilities") as RoleProfile["capabilities"],
    limits: rows("limits") as RoleProfile["limits"],
    legalBases: rows("legalBases") as RoleProfile["legalBases"],
    sharingRules: rows("sharingRules") as RoleProfile["sharingRules"],
    reachability: Object.fromEntries(
      Object.keys(emptyProfile.reachability).map((k) => [k, asText(reachability[k])]),
    ) as RoleProfile["reachability"],
    contacts: rows("contacts") as RoleProfile["contacts"],
    escalationRoute: asText(source.escalationRoute),
  };
}

const maxItems: Record<ListSection, number> = {
  capabilities: LIMITS.listItems,
  limits: LIMITS.listItems,
  legalBases: LIMITS.legalBases,
  sharingRules: LIMITS.listItems,
  contacts: LIMITS.contacts,
};

const firstField: Record<ListSection, string> = {
  capabilities: "title",
  limits: "title",
  legalBases: "law",
  sharingRules: "what",
  contacts: "role",
};

/**
 * One action for the edit form: `save`, `review`, `add:<section>`, `remove:<section>:<index>`.
 * Adding and removing rows go through the server too, so the form works without JavaScript and
 * the typed text comes back as it was.
 */
export async function handleProfileForm(user: SessionUser, slug: string, formData: FormData, meta: Acting) {
  const intent = String(formData.get("intent") ?? "");
  const values = formValues(parseNestedForm(formData, "profile"));
  const changeSummary = asText(formData.get("changeSummary")).slice(0, 1000);
  const baseVersion = Number.parseInt(asText(formData.get("baseVersion")), 10);
  if (!Number.isInteger(baseVersion) || baseVersion < 0) throw badRequest("errors.invalidVersion");
  const echo: ProfileFormData = { values, changeSummary, baseVersion };

  const [verb, section, index] = intent.split(":") as [string, ListSection | undefined, string | undefined];
  if ((verb === "add" || verb === "remove") && section && LIST_SECTIONS.includes(section)) {
    const list = values[section] as unknown[];
    if (verb === "add") {
      if (list.length >= maxItems[section]) {
        return data<ProfileFormData>(
          {
            ...echo,
            errors: { [`profile.${section}`]: { key: "validation.tooMany", values: { limit: maxItems[section] } } },
          },
          { status: 400 },
        );
      }
      list.push({ ...emptyItems[section] });
      return data<ProfileFormData>({
        ...echo,
        focus: `profile.${section}.${list.length - 1}.${firstField[section]}`,
        announce: { key: "profileEdit.itemAdded", section, n: list.length },
      });
    }
    const at = Number.parseInt(index ?? "", 10);
    if (!Number.isInteger(at) || at < 0 || at >= list.length) throw badRequest("errors.unknownRow");
    list.splice(at, 1);
    return data<ProfileFormData>({
      ...echo,
      focus: `add-${section}`,
      announce: { key: "profileEdit.itemRemoved", section, n: at + 1 },
    });
  }

  if (intent === "review") {
    // Only when the form still shows the current version: typed changes are never dropped.
    const current = await getProfile(user, slug);
    const submitted = roleProfileSchema.safeParse(parseNestedForm(formData, "profile"));
    if (!submitted.success || diffProfiles(current.profile ?? emptyProfile, submitted.data).length > 0) {
      return data<ProfileFormData>({ ...echo, formError: "profileEdit.reviewHasChanges" }, { status: 400 });
    }
    const result = await markReviewed(
      user,
      slug,
      // Empty when not given: the history shows "reviewed, no changes" in the reader's language.
      { baseVersion, changeSummary },
      meta,
    );
    if (result.ok) throw redirect(`/organisaties/${slug}?opgeslagen=${result.number}`);
    return conflictResponse(echo, result.conflict);
  }

  if (intent !== "save") throw badRequest("errors.unknownIntent");
  return handleSave(user, slug, formData, echo, meta);
}

/** Save; after a conflict, with the editor's choice per overlapping field. */
async function handleSave(user: SessionUser, slug: string, formData: FormData, echo: ProfileFormData, meta: Acting) {
  const { units, choices } = readChoices(formData);
  const parsed = saveProfileFormSchema.safeParse({
    baseVersion: echo.baseVersion,
    changeSummary: echo.changeSummary,
    profile: parseNestedForm(formData, "profile"),
  });
  const missing = missingChoices(units, choices);
  const pending = echo.conflict ?? (units.length ? await pendingConflict(user, slug, echo.baseVersion, units) : null);
  const withPending = pending ? { conflict: pending, choices: Object.fromEntries(choices) } : {};
  if (!parsed.success || Object.keys(missing).length > 0) {
    const errors = { ...(parsed.success ? {} : fieldErrorsFrom(parsed.error.issues)), ...missing };
    return data<ProfileFormData>({ ...echo, ...withPending, errors }, { status: 400 });
  }
  const organisation = await requireProfileEditor(user, slug);
  const profile = await applyChoices(organisation.id, parsed.data, units, choices);
  const result = await saveMerging(user, slug, { ...parsed.data, profile }, meta);
  if (result.ok) {
    const merged = result.mergedWith ? `&samengevoegd=${result.mergedWith}` : "";
    throw redirect(`/organisaties/${slug}?opgeslagen=${result.number}${merged}`);
  }
  return data<ProfileFormData>(
    { ...echo, values: result.values, baseVersion: result.baseVersion, conflict: result.conflict },
    { status: 409 },
  );
}

function conflictResponse(
  echo: ProfileFormData,
  conflict: { number: number; authorName: string; byYou: boolean; createdAt: Date; changes: ProfileChange[] },
) {
  // The next save builds on the version the editor has now seen.
  return data<ProfileFormData>(
    {
      ...echo,
      baseVersion: conflict.number,
      conflict: { ...conflict, createdAt: conflict.createdAt.toISOString(), overlaps: [] },
    },
    { status: 409 },
  );
}

import type { Locale } from "~/i18n/config";
import type { Translate } from "~/i18n/keys";

/** The criteria every region starts with: translation keys, so no Dutch is stored as data. */
export const BUILT_IN_CRITERIA = [
  "severalDomains",
  "safety",
  "noSingleOrganisation",
  "stuck",
  "careAndJustice",
] as const;
type BuiltIn = (typeof BUILT_IN_CRITERIA)[number];

export type Criterion = { id: string; key: string | null; labelNl: string; labelEn: string; active: boolean };

function isBuiltIn(key: string): key is BuiltIn {
  return (BUILT_IN_CRITERIA as readonly string[]).includes(key);
}

/** What a criterion says in the viewer's language: its translation, or the admin's own label. */
export function criterionLabel(c: Omit<Criterion, "active" | "id">, locale: Locale, t: Translate): string {
  if (c.key && isBuiltIn(c.key)) return t(`referrals.criteria.${c.key}`);
  return locale === "en" ? c.labelEn || c.labelNl : c.labelNl || c.labelEn;
}

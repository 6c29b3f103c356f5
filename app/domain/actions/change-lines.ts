/**
 * What a correction or an amendment changed, field by field, in the reader's language: one
 * function for the web pages (through a hook) and the exports (the minutes PDF), so both say it
 * the same way.
 */
import type { Locale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import type { Translate } from "~/i18n/keys";

type ActionChanges = {
  description?: { from: string; to: string };
  dueDate?: { from: string; to: string };
  ownerUser?: { from: string | null; to: string | null };
  ownerOrganisation?: { from: string; to: string };
};

type AmendmentChanges = {
  about: string;
  action?: ActionChanges & { offeredTo?: string };
  decision?: { text: { from: string; to: string } };
};

export function actionChangeLines(changes: ActionChanges | null, t: Translate, locale: Locale): string[] {
  if (!changes) return [];
  const date = (iso: string) => formatDate(`${iso}T12:00:00Z`, locale);
  const lines: string[] = [];
  if (changes.description)
    lines.push(t("actions.changes.description", { from: changes.description.from, to: changes.description.to }));
  if (changes.dueDate)
    lines.push(t("actions.changes.dueDate", { from: date(changes.dueDate.from), to: date(changes.dueDate.to) }));
  if (changes.ownerOrganisation)
    lines.push(
      t("actions.changes.ownerOrganisation", {
        from: changes.ownerOrganisation.from,
        to: changes.ownerOrganisation.to,
      }),
    );
  if (changes.ownerUser)
    lines.push(
      t("actions.changes.ownerUser", {
        from: changes.ownerUser.from ?? t("actions.nobody"),
        to: changes.ownerUser.to ?? t("actions.nobody"),
      }),
    );
  return lines;
}

/** An amendment that corrected data: its title line and what changed (`org` names a short code). */
export function amendmentChangeLines(
  changes: AmendmentChanges,
  t: Translate,
  locale: Locale,
  org: (code: string) => string,
): { title: string; lines: string[] } {
  if (changes.decision)
    return {
      title: t("minutes.amendedDecision", { about: changes.about }),
      lines: [t("minutes.decisionChange", changes.decision.text)],
    };
  return {
    title: t("minutes.amendedAction", { about: changes.about }),
    lines: [
      ...actionChangeLines(changes.action ?? null, t, locale),
      ...(changes.action?.offeredTo ? [t("minutes.offeredTo", { organisation: org(changes.action.offeredTo) })] : []),
    ],
  };
}

import type { ProfileChange } from "~/domain/organisations/profile-diff";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

/** A field-by-field list of what changed between two versions. */
export function ProfileChanges({ changes }: { changes: ProfileChange[] }) {
  const { t } = useLocale();
  if (changes.length === 0) return <p>{t("history.noChanges")}</p>;
  return (
    <ul className="changes" data-testid="profile-changes">
      {changes.map((change, i) => (
        <li key={i} className={`change change--${change.kind}`}>
          <span className="change__kind">{t(`history.${change.kind}`)}</span>{" "}
          <span className="change__where">
            {t(`profile.sections.${change.section}`)}
            {change.kind === "changed" && change.field ? ` · ${t(asKey(`profile.fields.${change.field}`))}` : ""}
          </span>
          {change.kind === "changed" ? (
            <dl className="change__values">
              <dt>{t("history.before")}</dt>
              <dd>
                <del>{change.before || t("history.empty")}</del>
              </dd>
              <dt>{t("history.after")}</dt>
              <dd>
                <ins>{change.after || t("history.empty")}</ins>
              </dd>
            </dl>
          ) : (
            <p className="change__item">
              {change.kind === "added" ? <ins>{change.item}</ins> : <del>{change.item}</del>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

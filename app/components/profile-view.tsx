import type { ReactNode } from "react";

import type { RoleProfile } from "~/domain/organisations/role-profile.schema";
import { asKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

/** Renders one list section, or "nothing yet" when empty. */
function ItemList<T>({ items, render }: { items: T[]; render: (item: T) => ReactNode }) {
  const { t } = useLocale();
  if (items.length === 0) return <p className="hint">{t("profile.nothingYet")}</p>;
  return (
    <ul className="profile-list">
      {items.map((item, i) => (
        <li key={i}>{render(item)}</li>
      ))}
    </ul>
  );
}

function Titled({ title, explanation }: { title: string; explanation?: string }) {
  return (
    <>
      <strong>{title}</strong>
      {explanation ? <> — {explanation}</> : null}
    </>
  );
}

/** Each section's content, shared by the profile page and the comparison table. */
export function ProfileSectionContent({ profile, section }: { profile: RoleProfile; section: keyof RoleProfile }) {
  const { t } = useLocale();
  switch (section) {
    case "mission":
      return <p>{profile.mission}</p>;
    case "capabilities":
    case "limits":
      return (
        <ItemList items={profile[section]} render={(i) => <Titled title={i.title} explanation={i.explanation} />} />
      );
    case "legalBases":
      return (
        <ItemList
          items={profile.legalBases}
          render={(b) => <Titled title={[b.law, b.article].filter(Boolean).join(", ")} explanation={b.allows} />}
        />
      );
    case "sharingRules":
      return (
        <ItemList
          items={profile.sharingRules}
          render={(r) => (
            <>
              {r.kind === "never" ? <strong className="tag tag--never">{t("profile.never")}: </strong> : null}
              <strong>{r.what}</strong>
              {r.withWhom ? (
                <>
                  {" "}
                  — {t("profile.with")} {r.withWhom}
                </>
              ) : null}
              {r.conditions ? <> ({r.conditions})</> : null}
            </>
          )}
        />
      );
    case "reachability": {
      const entries = Object.entries(profile.reachability).filter(([, v]) => v);
      if (entries.length === 0) return <p className="hint">{t("profile.nothingYet")}</p>;
      return (
        <dl className="facts facts--compact">
          {entries.map(([field, value]) => (
            <div key={field} className="facts__row">
              <dt>{t(asKey(`profile.fields.${field}`))}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    }
    case "contacts":
      return (
        <ItemList
          items={profile.contacts}
          render={(c) => (
            <>
              <strong>{c.role}</strong>
              {[c.name, c.workEmail, c.workPhone].filter(Boolean).map((v) => (
                <span key={v}> · {v}</span>
              ))}
              {c.deputy ? (
                <span>
                  {" "}
                  · {t("profile.deputy")}: {c.deputy}
                </span>
              ) : null}
            </>
          )}
        />
      );
    case "escalationRoute":
      return profile.escalationRoute ? (
        <p>{profile.escalationRoute}</p>
      ) : (
        <p className="hint">{t("profile.nothingYet")}</p>
      );
  }
}

export const PROFILE_SECTIONS: (keyof RoleProfile)[] = [
  "mission",
  "capabilities",
  "limits",
  "legalBases",
  "sharingRules",
  "reachability",
  "contacts",
  "escalationRoute",
];

export function ProfileView({ profile }: { profile: RoleProfile }) {
  const { t } = useLocale();
  return (
    <div className="profile">
      {PROFILE_SECTIONS.map((section) => (
        <section key={section} className="profile__section" aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`}>{t(`profile.sections.${section}`)}</h2>
          <ProfileSectionContent profile={profile} section={section} />
        </section>
      ))}
    </div>
  );
}

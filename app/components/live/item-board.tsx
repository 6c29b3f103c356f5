import { useLocale } from "~/i18n/use-locale";

import { Actions } from "./board/actions";
import { Decisions } from "./board/decisions";
import { EarlierActions } from "./board/earlier-actions";
import type { ItemProps } from "./board/item-props";
import { Balance, Needs } from "./board/needs";
import { Responsibilities } from "./board/responsibilities";
import { RoleCard } from "./role-card";

/** One agenda item's board, for the chair and the organisations at its table. */
export function ItemBoard(props: ItemProps) {
  const { t } = useLocale();
  return (
    <>
      <EarlierActions {...props} />
      <section aria-labelledby={`cards-title-${props.itemId}`} className="live-section">
        <h3 id={`cards-title-${props.itemId}`}>{t("live.sections.roleCards")}</h3>
        <div className="role-cards">
          {props.board.roleCards.map((card) => (
            <RoleCard
              key={card.id}
              card={card}
              mayEdit={props.can.editRoleCardOf.includes(card.organisationId)}
              open={props.open}
            />
          ))}
        </div>
      </section>
      <Responsibilities {...props} />
      <Needs {...props} />
      <Balance {...props} />
      <Decisions {...props} />
      <Actions {...props} />
    </>
  );
}

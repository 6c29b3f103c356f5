import type { Translate } from "~/i18n/keys";
import type { NeedView } from "~/realtime/events";

type NeedFacts = Pick<NeedView, "status" | "addressedByOrganisationId" | "addressedOnBehalf">;

/**
 * Where a need stands, in words: open, withdrawn, or taken up by an organisation (recorded by the
 * chair on its behalf, when so). One sentence for the board, the minutes page, the PDF and the CSV.
 */
export function needStatusText(t: Translate, need: NeedFacts, orgName: (id: string | null) => string): string {
  if (need.status === "OPEN") return t("live.need.open");
  if (need.status === "WITHDRAWN") return t("live.need.withdrawn");
  const organisation = orgName(need.addressedByOrganisationId);
  return need.addressedOnBehalf
    ? t("live.need.addressedOnBehalf", { organisation })
    : t("live.need.addressed", { organisation });
}

import { describe, expect, it } from "vitest";

import { actionsUrl, auditUrl, urlVocabulary } from "./url-words";

describe("url words: Dutch in the URL, English in the code", () => {
  it("reads Dutch parameter names and values as English ones", () => {
    expect(actionsUrl.read(new URLSearchParams("weergave=all&casus=C-1&eigenaar=niemand&onbekend=1"))).toEqual({
      view: "all",
      caseReference: "C-1",
      owner: "none",
    });
  });

  it("writes English names and values back in Dutch, leaving empty values out", () => {
    expect(
      actionsUrl.write({ view: "overdue", caseReference: "", meetingId: undefined, owner: "none" }).toString(),
    ).toBe("weergave=overdue&eigenaar=niemand");
    expect(auditUrl.write({ from: "2026-12-01", to: "2026-12-03" }).toString()).toBe("van=2026-12-01&tot=2026-12-03");
  });

  it("round-trips, and names form fields in Dutch", () => {
    const words = urlVocabulary({ pagina: "page", soort: "kind" }, { kind: { politie: "POLICE" } });
    const params = words.write({ page: 3, kind: "POLICE" });
    expect(params.toString()).toBe("pagina=3&soort=politie");
    expect(words.read(params)).toEqual({ page: "3", kind: "POLICE" });
    expect(words.name("page")).toBe("pagina");
    expect(words.value("kind", "POLICE")).toBe("politie");
  });
});

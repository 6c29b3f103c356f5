/**
 * The URLs speak Dutch — what users see, bookmark and share — and the code speaks English. Each
 * vocabulary maps the query parameters (and where needed their values) of one page to English
 * names; the route reads and writes its URL through it, so no Dutch word goes past the route.
 */
type Words = Record<string, string>;
type ValueWords = Record<string, Record<string, string>>;

export type UrlVocabulary<W extends Words> = {
  /** English name → value, from a URL's query string (values in Dutch translated too). */
  read(params: URLSearchParams): Partial<Record<W[keyof W], string>>;
  /** English name → value, to a query string with the Dutch names (empty values left out). */
  write(values: Partial<Record<W[keyof W], string | number | null | undefined>>): URLSearchParams;
  /** The Dutch parameter name of an English one, for a form field. */
  name(english: W[keyof W]): string;
  /** The Dutch word for an English value of a parameter (itself when it has none). */
  value(english: W[keyof W], value: string): string;
};

export function urlVocabulary<const W extends Words>(words: W, values: ValueWords = {}): UrlVocabulary<W> {
  type English = W[keyof W];
  const toDutch = new Map(Object.entries(words).map(([dutch, english]) => [english, dutch]));
  const valueToDutch = (english: string, value: string) =>
    Object.entries(values[english] ?? {}).find(([, e]) => e === value)?.[0] ?? value;
  return {
    read(params) {
      const out: Partial<Record<English, string>> = {};
      for (const [dutch, english] of Object.entries(words) as [string, English][]) {
        const raw = params.get(dutch);
        if (raw !== null) out[english] = values[english]?.[raw] ?? raw;
      }
      return out;
    },
    write(input) {
      const params = new URLSearchParams();
      for (const [english, value] of Object.entries(input) as [string, unknown][]) {
        const dutch = toDutch.get(english);
        if (dutch && value !== undefined && value !== null && value !== "")
          params.set(dutch, valueToDutch(english, String(value)));
      }
      return params;
    },
    name: (english) => toDutch.get(english) ?? english,
    value: (english, value) => valueToDutch(english, value),
  };
}

/**
 * `/acties` and `/acties.csv`: ?weergave=&bereik=&casus=&overleg=&eigenaar= (eigenaar=niemand: no
 * owner; bereik=mijn-overleggen: a chair reads every organisation's actions of her meetings).
 */
export const actionsUrl = urlVocabulary(
  { weergave: "view", bereik: "scope", casus: "caseReference", overleg: "meetingId", eigenaar: "owner" },
  { owner: { niemand: "none" }, scope: { eigen: "mine", "mijn-overleggen": "chaired" } },
);

/** `/logboek` and `/logboek.csv`: ?van=&tot= (platform admin) or ?casus= (organisation admin). */
export const auditUrl = urlVocabulary({ van: "from", tot: "to", casus: "caseReference" });

/** `/organisaties/<slug>/versies?van=&naar=`. */
export const historyUrl = urlVocabulary({ van: "from", naar: "to" });

/** `/organisaties?q=&soort=&regio=&pagina=`. */
export const directoryUrl = urlVocabulary({ q: "q", soort: "kind", regio: "region", pagina: "page" });

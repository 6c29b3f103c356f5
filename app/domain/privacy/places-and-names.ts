/**
 * Where someone lives and who they are: Dutch postcodes, a street with a house number, and a
 * title or family word followed by a surname ("gezin De Vries", "mevr. El Amrani", "the Hendriks
 * family"). Pseudonyms stay allowed: "gezin A", "moeder (M)", "vader (V)".
 */

export type PlaceFinding = { kind: "postcode" | "address" | "name"; from: number; to: number };

// Letter pairs that are abbreviations at these tables, not postcode letters, unless a place
// name follows ("sinds 2023 VT betrokken").
const ABBREVIATIONS = new Set(["VT", "OM", "GI", "RN", "WT", "AM", "PM", "BW", "SR", "NL", "EU", "JB", "ZD", "GZ"]);
const WORDS = new Set(
  "en at as an am be he me we al na te ze er ja de ge is in op of om by do go if it my no on or so to up us ik je nu zo bv ca mn".split(
    " ",
  ),
);
// Four digits (also spread out: "35 11", "5 6 1 1"), a separator or none, two letters.
const POSTCODE =
  /(?<![\p{L}\p{N}])([1-9](?:[ ._·]?\d){3})([ ._·-]?)([A-Za-z]{2}|[A-Z] [A-Z])(?![\p{L}\p{N}])(\s*,?\s*\p{Lu}\p{Ll}+)?/gu;

function postcodes(text: string): PlaceFinding[] {
  const found: PlaceFinding[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    const [, digits = "", space = "", spaced = "", place] = m;
    const letters = spaced.replace(" ", "");
    const upper = letters.toUpperCase();
    if (["SA", "SD", "SS"].includes(upper)) continue;
    const isUpper = letters === upper;
    const ok =
      isUpper && !space
        ? true
        : isUpper
          ? !ABBREVIATIONS.has(upper) || Boolean(place)
          : !space && /^\d{4}$/.test(digits)
            ? !/^\d{4}(?:st|nd|rd|th|ste|de|e)$/.test(`${digits}${letters}`)
            : Boolean(place) && !WORDS.has(letters);
    if (ok) found.push({ kind: "postcode", from: m.index, to: m.index + digits.length + space.length + spaced.length });
  }
  return found;
}

const SUFFIX =
  "straat|str\\.|weg|laan|plein|gracht|kade|singel|dijk|pad|hof|park|steeg|dreef|markt|plantsoen|boulevard|allee|baan|wal|haven|veld|erf|akker|burg|hout|zijde|poort|dam|hoven|stede|werf|kamp|brink|vaart|wetering|rade|donk|horst|hoek|lei|straatweg|dwarsstraat|straße|strasse|gasse|platz";
const HOUSE_NUMBER = String.raw`(?:(?:nr|no|nummer|huisnummer)\.?\s*)?(?:(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig)(?![\p{L}])|[1-9]\d{0,3}(?:\s?[a-zA-Z](?![\p{L}])|-?(?:I{1,3}|hs|bis|huis|boven|bg|zw|rd)(?![\p{L}])|-\d{1,3}(?!\d))?)`;
const PARTICLE = String.raw`(?:van|der|de|den|het|'t|ter|ten|te|op|aan|in|bij|la|le|du|St\.|Sint)`;
const CAP_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
// A count is not a house number: "Vergadering 2 keer", "Onderweg 3 dagen".
const NOT_A_HOUSE_NUMBER = String.raw`(?!\s*(?:keer|x|maal|dagen|dag|weken|week|maanden|maand|jaar|jaren|uur|minuten|min|meldingen|kinderen|personen|procent|%|punten|acties|times|days|weeks|months|years|hours)(?![\p{L}]))`;
// Words that end like a street and are not one.
const NOT_A_STREET =
  /^(?:onderweg|halfweg|omweg|uitweg|snelweg|zijweg|tussenweg|achterweg|loopbaan|werkveld|speelveld|aandachtsveld|werkterrein|arbeidsmarkt|woningmarkt|invalshoek|voorzijde|achterzijde|keerzijde|zorgpad|gerechtshof|overleg|dossier)$/i;
const STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:${CAP_WORD}\s+){0,2}\p{Lu}[\p{L}\p{M}'’-]*(?:${SUFFIX})\s+${HOUSE_NUMBER}(?![\d])${NOT_A_HOUSE_NUMBER}`,
  "gu",
);
const LOWER_STREET = new RegExp(
  String.raw`(?<![\p{L}])\p{Ll}{3,}(?:straat|laan|gracht|plein|kade|singel|steeg|dreef|str\.)\s+${HOUSE_NUMBER}(?![\d])${NOT_A_HOUSE_NUMBER}`,
  "gu",
);
const LEADING_WORD_STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:Laan|Weg|Plein|Straat|Kade|Singel|Dreef|Gracht|Hof|Park|Markt|Dijk|Pad|Ring|Burgemeester|Prins|Prinses|Koning|Koningin|Graaf|Dokter|Dr\.|Generaal|President|Sint|Oude|Nieuwe|Lange|Korte|Hoge|Lage)(?:\s+(?:${PARTICLE}|${CAP_WORD})){1,4}\s+${HOUSE_NUMBER}(?![\d])${NOT_A_HOUSE_NUMBER}`,
  "gu",
);
const ENGLISH_STREET =
  /(?<![\p{L}\d])\d{1,4}[a-z]?\s+(?:\p{Lu}\p{L}+\s+){1,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Close|Way|Court|Place|Square|Crescent|Terrace|Gardens)(?![\p{L}])/gu;
const LIVES_AT = new RegExp(
  String.raw`(?:[Ww]oont|[Ww]oonachtig|[Ww]onend|[Vv]erblijft|[Aa]dres|[Vv]erhuisd naar|[Ll]ives at|[Ll]iving at|[Aa]ddress)\s*:?\s*(?:op|aan|in|at)?\s*(?:de|het|the)?\s+((?:${CAP_WORD}\s+){1,3}${HOUSE_NUMBER})(?![\d])`,
  "gu",
);

function addresses(text: string): PlaceFinding[] {
  const found: PlaceFinding[] = [];
  for (const re of [STREET, LOWER_STREET, LEADING_WORD_STREET, ENGLISH_STREET]) {
    for (const m of text.matchAll(re)) {
      const street =
        m[0]
          .replace(/\s+(?:(?:nr|no|nummer|huisnummer)\.?\s*)?\S+$/u, "")
          .split(/\s+/)
          .pop() ?? "";
      if (!NOT_A_STREET.test(street)) found.push({ kind: "address", from: m.index, to: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(LIVES_AT)) {
    const at = m.index + m[0].length - (m[1] as string).length;
    found.push({ kind: "address", from: at, to: m.index + m[0].length });
  }
  return found;
}

// Words that follow a title but name a role, not a person ("de heer Officier van Justitie").
const ROLES =
  /^(?:Officier|Wethouder|Burgemeester|Rechter|Kinderrechter|Voorzitter|Jeugdbeschermer|Wijkagent|Casusregisseur|Procesregisseur|Directeur|Huisarts|Advocaat|Politie|Reclassering|Raad|Veilig|Gemeente|Wijkteam|Thuis|Chair|Officer|Prosecutor|Judge|President|Mayor|Minister|Doctor|Dokter)$/;
// An abbreviation with its dot may touch the name ("mw.Demir"); a word needs a space after it.
const TITLE = String.raw`(?:(?:[Dd]hr|DHR|[Mm]evr|MEVR|[Mm]vr|[Mm]w|MW|[Mm]r|[Mm]rs|[Mm]s|[Ff]am|FAM)(?:\.\s*|\s+)|(?:[Mm]iss|[Mm]ister|[Dd]e heer|DE HEER|[Mm]eneer|[Mm]evrouw|MEVROUW|[Jj]uffrouw|[Ff]amilie|FAMILIE|[Gg]ezin|GEZIN|[Ff]amily|[Hh]uishouden)\s+)`;
const INITIALS = String.raw`(?:\p{Lu}\.\s?){0,3}`;
// A capitalised surname, one in capitals, or one spelled out ("P i n a s").
const SURNAME = String.raw`(?:\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?|\p{Lu}[\p{Lu}\p{M}]{2,}|\p{Lu}(?: \p{Ll}){3,}(?![\p{L}]))`;
const NAME_AFTER_TITLE = new RegExp(
  String.raw`(?<![\p{L}])${TITLE}${INITIALS}((?:(?:${PARTICLE}|[Ee]l|[Aa]l|[Bb]en|[Vv]on|[Dd]a|[Dd]os|[Dd]i|[Ll]a|[Dd]e|[Vv]an|[Dd]er|[Dd]en)\s+){0,3}${SURNAME})`,
  "gu",
);
const FAMILY_AFTER_NAME = new RegExp(
  String.raw`(?<![\p{L}])(?:[Tt]he|[Dd]e)\s+(${SURNAME})\s+(?:family|household|familie)(?![\p{L}])`,
  "gu",
);
const ABBREVIATION_SURNAME = /^(?:ZSM|GGZ|GGD|RVDK|VTH|JGZ|WMO|MDA|AMHK|SHG|OGGZ|BOA|CJG)$/;

function names(text: string): PlaceFinding[] {
  const found: PlaceFinding[] = [];
  for (const re of [NAME_AFTER_TITLE, FAMILY_AFTER_NAME]) {
    for (const m of text.matchAll(re)) {
      const surname = (m[1] as string).split(/\s+/).pop() as string;
      if (ROLES.test(surname) || ABBREVIATION_SURNAME.test(surname)) continue;
      found.push({ kind: "name", from: m.index, to: m.index + m[0].length });
    }
  }
  return found;
}

export function findPlacesAndNames(text: string, skip: ReadonlySet<string>): PlaceFinding[] {
  return [
    ...(skip.has("postcode") ? [] : postcodes(text)),
    ...(skip.has("address") ? [] : addresses(text)),
    ...(skip.has("name") ? [] : names(text)),
  ];
}

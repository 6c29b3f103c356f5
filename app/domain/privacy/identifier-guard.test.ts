import { describe, expect, it } from "vitest";

import { findIdentifiers, passesElevenTest } from "./identifier-guard";

const NOW = new Date("2026-11-28T10:00:00Z");
const kinds = (text: string) => findIdentifiers(text, NOW).map((f) => `${f.kind}:${f.match}`);

describe("passesElevenTest", () => {
  // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−1·3 = 66 = 6·11
  it.each(["111222333", "123456782", "999999990"])("accepts the valid BSN %s", (bsn) => {
    expect(passesElevenTest(bsn)).toBe(true);
  });
  // near misses: one digit off, two digits swapped, all zeros, too short, too long
  it.each(["111222334", "123456789", "123456728", "000000000", "12345678", "1234567820"])("refuses %s", (value) => {
    expect(passesElevenTest(value)).toBe(false);
  });
});

describe("findIdentifiers", () => {
  it("finds a valid BSN, also grouped with dots or spaces", () => {
    expect(kinds("Moeder, bsn 123456782, is bekend.")).toEqual(["bsn:123456782"]);
    expect(kinds("BSN 1234.56.782")).toEqual(["bsn:1234.56.782"]);
    expect(kinds("nr 111 222 333")).toEqual(["bsn:111 222 333"]);
  });

  it("leaves nine digits alone that fail the 11-test, and longer numbers", () => {
    expect(kinds("dossiernummer 123456789")).toEqual([]);
    expect(kinds("zaaknummer 1234567820")).toEqual([]);
    expect(kinds("referentie AO-2026-0142, 2 kinderen (4 en 7)")).toEqual([]);
  });

  it("finds e-mail addresses", () => {
    expect(kinds("mail naar j.de.vries@voorbeeld.nl graag")).toEqual(["email:j.de.vries@voorbeeld.nl"]);
    expect(kinds("vader (p123456782@mail.example)")).toEqual(["email:p123456782@mail.example"]);
    expect(kinds("afgesproken @ het wijkteam")).toEqual([]);
  });

  it("finds Dutch phone numbers in the usual notations", () => {
    expect(kinds("bel 06-12345678")).toEqual(["phone:06-12345678"]);
    expect(kinds("tel. +31 6 1234 5678")).toEqual(["phone:+31 6 1234 5678"]);
    expect(kinds("via 0031612345678 of 010 - 123 45 67")).toEqual(["phone:0031612345678", "phone:010 - 123 45 67"]);
    expect(kinds("(020) 123 4567")).toEqual(["phone:(020) 123 4567"]);
  });

  it("leaves service numbers and short numbers alone", () => {
    expect(kinds("Veilig Thuis 0800-2000, politie 0900-8844, 112")).toEqual([]);
  });

  it("finds a date of birth after a birth word, in digits or written out", () => {
    expect(kinds("kind geboren 12-03-2025")).toEqual(["birthDate:12-03-2025"]);
    expect(kinds("geb. 3 maart 2026")).toEqual(["birthDate:3 maart 2026"]);
    expect(kinds("geboortedatum: 2019-07-01")).toEqual(["birthDate:2019-07-01"]);
  });

  it("treats a full date long ago as a date of birth, recent and future dates as ordinary dates", () => {
    expect(kinds("zoon van 12/03/2015")).toEqual(["birthDate:12/03/2015"]);
    expect(kinds("incident op 01-11-2026, zitting op 12-03-2027")).toEqual([]);
    expect(kinds("sinds september 2015 in beeld")).toEqual([]); // no full date
  });

  it("ignores impossible dates", () => {
    expect(kinds("geboren 31-02-2015")).toEqual([]);
    expect(kinds("geboren 12-13-2015")).toEqual([]);
  });

  it("reports every finding in order", () => {
    const text = "Moeder (geb. 01-01-1990, bsn 111222333) is te bereiken op 06 1234 5678 of m@x.nl.";
    expect(findIdentifiers(text, NOW).map((f) => f.kind)).toEqual(["birthDate", "bsn", "phone", "email"]);
  });

  it("stays linear on hostile input (100 KB: ~0.2 s here; quadratic took 15 s)", () => {
    for (const text of [
      "a".repeat(100_000),
      "1".repeat(100_000),
      "1.".repeat(50_000),
      "a@".repeat(50_000),
      "0 ".repeat(50_000),
    ]) {
      const started = performance.now();
      findIdentifiers(text, NOW);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it("accepts the minimum a table needs", () => {
    expect(kinds("Gezin, 2 kinderen (4 en 7). Vader verdachte, moeder slachtoffer. Melding 14 november.")).toEqual([]);
  });
});

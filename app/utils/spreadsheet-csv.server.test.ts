import { describe, expect, it } from "vitest";

import { neutralise, spreadsheetCsv } from "./spreadsheet-csv.server";

describe("spreadsheet CSV", () => {
  it.each(["=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"])("writes %j as text", (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
  });

  it.each(["Huisbezoek afleggen", "27-11-2026", "1+1=2", "e-mail: -", ""])("leaves %j as it is", (cell) => {
    expect(neutralise(cell)).toBe(cell);
  });

  it("is for Dutch Excel: a byte-order mark, semicolons, Windows line ends, a header", () => {
    expect(spreadsheetCsv([["a;b", "=x"]], ["Kop", "+Kop"])).toBe("\uFEFFKop;'+Kop\r\n\"a;b\";'=x\r\n");
  });
});

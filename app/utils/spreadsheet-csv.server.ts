import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP "CSV injection") — is written with a leading apostrophe, which Excel and
 * LibreOffice show as text and do not evaluate. A description typed at the table, a name, a note:
 * anything that came from a person goes through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Every CSV the product writes: for Dutch Excel (semicolons, a byte-order mark so accents survive,
 * Windows line ends), a header row, and no cell that runs as a formula.
 */
export function spreadsheetCsv(rows: readonly (readonly string[])[], columns: readonly string[]): string {
  return stringify(
    rows.map((row) => row.map(neutralise)),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "windows",
      header: true,
      columns: columns.map(neutralise),
    },
  );
}

import { stringify } from 'csv-stringify/sync';

/** A CSV cell as callers hand it over; null and undefined become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Spreadsheets run a cell that begins with one of these as a formula (CSV injection, OWASP):
 * `=`, `+`, `-`, `@`, and tab or carriage return, which some of them skip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert: prefixed with a single quote when a spreadsheet would read it as a
 * formula. Numbers are left alone (a negative figure is data, not a formula).
 */
export function neutraliseCell(value: CsvCell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document: RFC 4180 (comma, CRLF line ends, fields quoted when they hold a comma, quote
 * or line break, quotes doubled), UTF-8 with a byte-order mark so Excel opens Dutch names
 * (Zoë, Çelik) correctly, and every text cell neutralised against formula injection.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Buffer {
  const text = stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], {
    bom: true,
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  return Buffer.from(text, 'utf8');
}

/** A Content-Disposition value for a download, with an ASCII fallback and the RFC 5987 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * CSV as RFC 4180 writes it (CRLF lines, quoted cells), made safe to open in a spreadsheet.
 * A cell starting with = + - @, a tab or a carriage return would be run as a formula
 * (CSV injection), so it gets a leading apostrophe and is shown as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

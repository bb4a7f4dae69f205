/**
 * One CSV cell: quoted, quotes doubled, and a leading `= + - @`, tab or CR neutralised with an
 * apostrophe so a spreadsheet never evaluates it as a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

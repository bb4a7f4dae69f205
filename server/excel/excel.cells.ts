import type { CellValue } from 'exceljs';

/**
 * One text cell of an exported workbook: a leading `= + - @`, tab or CR is neutralised with an
 * apostrophe, so neither Excel nor a later CSV conversion ever evaluates it as a formula (the
 * xlsx twin of `csvCell` in server/core/csv.ts).
 */
export function safeCell(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** What a read cell holds, unwrapped: formulas give their cached result, rich text its plain text. */
export type Plain = string | number | boolean | Date | null;

export function plainValue(value: CellValue | undefined): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || typeof result === 'object') {
        return result instanceof Date ? result : null;
      }
      return result as string | number | boolean;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

/** A cell as text: trimmed, '' for nothing. Whole numbers print without a decimal point. */
export function textOf(value: Plain): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDay(value) ?? '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return value.replace(/^\s+|\s+$/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a date cell (exceljs reads them as UTC midnight; a stray time is rounded off). */
export function isoDay(date: Date): string | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const day = new Date(ms + 1000);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's serial day number (1900 system: day 25569 is 1970-01-01). */
function fromSerial(serial: number): string | null {
  if (serial < 1 || serial > 2958465) return null;
  return isoDay(new Date(Math.round((serial - 25569) * 86400) * 1000));
}

/**
 * A date as written in a cell: a real date cell, an Excel serial number, or text
 * `1988-06-12`, `1988/6/12`, `1988.6.12`, `1988年6月12日` or `19880612`. Null when it is none.
 */
export function parseDay(value: Plain): string | null {
  if (value === null || typeof value === 'boolean') return null;
  if (value instanceof Date) {
    // 19880612 typed into a date-formatted cell is read as day number 19880612
    const serial = Math.round(value.getTime() / 86400000 + 25569);
    if (serial >= 19000101 && serial <= 21001231) return parseDay(serial);
    const day = isoDay(value);
    return day && day >= '1900-01-01' && day <= '2100-12-31' ? day : null;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) {
      return validDay(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    }
    return fromSerial(value);
  }
  const text = value.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** A cell holding a list (专业特长, 分管领域): split on 、 , ， ; ； or line breaks; blanks dropped, duplicates once. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\n\r]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

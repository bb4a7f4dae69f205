import { type CadreValues, zCadreInput } from '../../../common/cadres/cadres.schema.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { t } from '../../../common/i18n/index.js';
import { identityMismatches } from '../../../common/personal/id-number.js';
import {
  columnOf,
  convertRows,
  noteIssues,
  Problems,
  type RowsChecked,
  UNRESOLVED,
  zodMessagesOnce,
} from '../excel.check.js';
import { type ColumnSpec, col, OPTIONS, optional } from '../excel.columns.js';
import type { SheetRow } from '../excel.reader.js';

/** The cadre import's columns and the checks of its rows that need only the rows (worker-safe). */

export function cadreColumns(): ColumnSpec[] {
  const pick = (key: keyof typeof OPTIONS, header: MessageKey, width = 12) =>
    col(key, header, 'excel.note.pick', 'enum', width, { options: OPTIONS[key]() });
  return [
    col('name', 'excel.col.name', 'excel.note.name', 'text', 12),
    pick('gender', 'excel.col.gender', 8),
    pick('ethnicity', 'excel.col.ethnicity', 12),
    pick('politicalStatus', 'excel.col.politicalStatus', 14),
    col('birthDate', 'excel.col.birthDate', 'excel.note.date', 'date', 14),
    col('idNumber', 'excel.col.idNumber', 'excel.note.idNumber', 'code', 22),
    col('phone', 'excel.col.phone', 'excel.note.phone', 'code', 16, optional),
    pick('education', 'excel.col.education', 14),
    pick('degree', 'excel.col.degree', 10),
    col('school', 'excel.col.school', 'excel.note.optionalText', 'text', 20, optional),
    col('major', 'excel.col.major', 'excel.note.optionalText', 'text', 16, optional),
    col('unitId', 'excel.col.cadreUnit', 'excel.note.cadreUnit', 'reference', 28),
    col('position', 'excel.col.position', 'excel.note.requiredText', 'text', 18),
    pick('rankLevel', 'excel.col.rankLevel', 12),
    pick('rankKind', 'excel.col.rankKind', 12),
    col('reserve', 'excel.col.reserve', 'excel.note.pickOptional', 'bool', 10, {
      required: false,
      options: OPTIONS.bool(),
    }),
    col('expertise', 'excel.col.expertise', 'excel.note.tags', 'list', 24, optional),
  ];
}

/** A cadre row that passed the checks of the rows alone; its unit is resolved afterwards. */
export interface ParsedCadre {
  row: number;
  values: CadreValues;
}

/** A cadre row waiting for commit (kept encrypted as a whole with the rest of the import). */
export interface PendingCadre extends ParsedCadre {
  /** Filled in the file (in update mode an empty optional cell keeps the record's value). */
  given: { phone: boolean; school: boolean; major: boolean; reserve: boolean; expertise: boolean };
}

/**
 * Cadre rows checked on their own: each cell, then the row against `zCadreInput` with the unit
 * standing in as UNRESOLVED (names are resolved afterwards, for the whole file at once, with
 * the database), and the birth date and gender against the ID number.
 */
export function checkCadreRows(rows: SheetRow[]): RowsChecked<ParsedCadre> {
  zodMessagesOnce();
  const columns = cadreColumns();
  const problems = new Problems();
  const converted = convertRows(columns, rows, problems);
  const parsed: ParsedCadre[] = [];
  for (const c of converted) {
    const v = c.values;
    const result = zCadreInput.safeParse({
      ...v,
      unitId: UNRESOLVED,
      reserve: v.reserve ?? false,
      expertise: v.expertise ?? [],
      resume: [],
      relatives: [],
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, columns, problems);
      continue;
    }
    const [mismatch] = identityMismatches(result.data, result.data.idNumber);
    if (mismatch) problems.add(c.row, columnOf(columns, mismatch.field), t(mismatch.key));
    parsed.push({ row: c.row, values: result.data });
  }
  return { converted, parsed, problems: problems.list };
}

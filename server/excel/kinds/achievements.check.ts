import { checkAmount, UNITS } from '../../../common/achievements/achievement-amount.js';
import { ACHIEVEMENT_KINDS } from '../../../common/achievements/achievement-moves.js';
import {
  type AchievementInput,
  zAchievementInput,
} from '../../../common/achievements/achievements.schema.js';
import { t } from '../../../common/i18n/index.js';
import {
  columnOf,
  convertRows,
  noteIssues,
  Problems,
  type RowsChecked,
  UNRESOLVED,
  zodMessagesOnce,
} from '../excel.check.js';
import { type ColumnSpec, col, optional } from '../excel.columns.js';
import type { SheetRow } from '../excel.reader.js';

/** The achievement import's columns and the checks of its rows that need only the rows (worker-safe). */

export function achievementColumns(): ColumnSpec[] {
  return [
    col('cadreName', 'excel.col.achievementCadre', 'excel.note.achievementCadre', 'text', 12),
    col('idNumber', 'excel.col.achievementIdNumber', 'excel.note.achievementIdNumber', 'code', 22),
    col('kind', 'excel.col.achievementKind', 'excel.note.pick', 'enum', 14, {
      options: ACHIEVEMENT_KINDS.map((code) => ({ code, label: t(`achievementKind.${code}`) })),
    }),
    col('title', 'excel.col.achievementTitle', 'excel.note.requiredText', 'text', 30),
    col('amount', 'excel.col.amount', 'excel.note.amount', 'text', 12, optional),
    col('unit', 'excel.col.amountUnit', 'excel.note.amountUnit', 'enum', 10, {
      required: false,
      options: UNITS.map((u) => ({ code: u, label: u })),
    }),
    col('date', 'excel.col.achievementDate', 'excel.note.achievementDate', 'date', 14),
    col('description', 'excel.col.achievementDescription', 'excel.note.optionalText', 'text', 40, optional),
  ];
}

/** A row that passed the checks of the rows alone: the cadre is resolved afterwards. */
export interface ParsedAchievement {
  row: number;
  cadreName: string;
  idNumber: string;
  values: Omit<AchievementInput, 'postingId'>;
}

/** A row ready to commit: on the cadre's active posting at the importing unit. */
export interface PendingAchievement extends ParsedAchievement {
  postingId: string;
}

/** Each cell, then the row against the form's schema, then the amount parsed exactly. */
export function checkAchievementRows(rows: SheetRow[]): RowsChecked<ParsedAchievement> {
  zodMessagesOnce();
  const columns = achievementColumns();
  const problems = new Problems();
  const converted = convertRows(columns, rows, problems);
  const parsed: ParsedAchievement[] = [];
  for (const c of converted) {
    const v = c.values;
    const result = zAchievementInput.safeParse({
      postingId: UNRESOLVED,
      kind: v.kind,
      title: v.title,
      amount: (v.amount as string | undefined) ?? null,
      unit: (v.unit as string | undefined) ?? null,
      date: v.date,
      description: (v.description as string | undefined) ?? null,
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, columns, problems);
      continue;
    }
    const amount = checkAmount(result.data.amount, result.data.unit);
    if (!amount.ok) {
      problems.add(c.row, columnOf(columns, amount.field), t(amount.key, amount.params));
      continue;
    }
    if (problems.has(c.row) || typeof v.cadreName !== 'string' || typeof v.idNumber !== 'string') continue;
    const { postingId: _p, ...values } = result.data;
    parsed.push({ row: c.row, cadreName: v.cadreName, idNumber: v.idNumber.toUpperCase(), values });
  }
  return { converted, parsed, problems: problems.list };
}

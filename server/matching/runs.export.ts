import ExcelJS from 'exceljs';
import { type MessageKey, t } from '../../common/i18n/index.js';
import { safeCell } from '../excel/excel.cells.js';
import type { ColumnSpec } from '../excel/excel.columns.js';
import { formatColumns, writeHeader } from '../excel/excel.templates.js';

/** One row of the 拟任名单. */
export interface ProposedRow {
  name: string;
  gender: string;
  birthDate: string;
  sendingUnitName: string;
  position: string;
  rankLevel: string;
  receivingUnitName: string;
  postTitle: string;
  duties: { kind: string; area: string }[];
  plannedStart: string;
  plannedEnd: string;
  score: number;
  explanation: string;
}

const column = (key: string, width: number, type: ColumnSpec['type'] = 'text'): ColumnSpec => ({
  key,
  header: t(`matching.export.col.${key}` as MessageKey),
  note: '',
  required: false,
  type,
  width,
});

/**
 * The confirmed run as the 拟任名单 the 组织部 circulates (.xlsx, exceljs as in
 * server/excel/excel.export.ts: frozen header, the house header style, every text cell escaped).
 */
export async function proposedListWorkbook(rows: ProposedRow[], created: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = t('app.name');
  book.created = created;
  const sheet = book.addWorksheet(t('matching.export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = [
    column('seq', 6),
    column('name', 10),
    column('gender', 6),
    column('birth', 10),
    column('sendingUnit', 36),
    column('rank', 10),
    column('receivingUnit', 30),
    column('post', 28),
    column('duties', 30),
    column('term', 24),
    column('score', 8),
    column('explanation', 60),
  ];
  formatColumns(sheet, columns);
  writeHeader(sheet, columns);
  rows.forEach((r, k) => {
    const inCharge = r.duties.filter((d) => d.kind === 'in_charge').map((d) => d.area);
    const assist = r.duties.filter((d) => d.kind === 'assist').map((d) => d.area);
    const values: (string | number)[] = [
      k + 1,
      r.name,
      t(`gender.${r.gender}` as MessageKey),
      r.birthDate.slice(0, 7).replace('-', '.'),
      `${r.sendingUnitName}${r.position}`,
      t(`rankLevel.${r.rankLevel}` as MessageKey),
      r.receivingUnitName,
      r.postTitle,
      t('matching.export.duties', { inCharge: inCharge.join('、') || '—', assist: assist.join('、') || '—' }),
      t('matching.export.term', { from: r.plannedStart, to: r.plannedEnd }),
      r.score,
      r.explanation,
    ];
    sheet.addRow(values.map((v) => (typeof v === 'string' ? safeCell(v) : v)));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { legend, reportTitle } from '../../common/attendance/attendance.js';
import type { ReportRow } from '../../common/attendance/attendance.schema.js';
import { t } from '../../common/i18n/index.js';
import { safeCell } from '../excel/excel.cells.js';

const MISSING_FILL = 'FFFFC7CE';
const FLAG_FILL = 'FFFFEB9C';
const REST_FILL = 'FFF2F2F2';
const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The month's 考勤表 (.xlsx, exceljs as in server/excel): a title row, the header (序号, 姓名,
 * 挂职单位及职务, one column per day, the totals and 缺记录天数), one row per posting with the
 * day symbols — the days lacking a record and the row's 缺记录天数 highlighted — and the legend.
 */
export async function reportWorkbook(month: string, rows: ReportRow[], created: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = t('app.name');
  book.created = created;
  const sheet = book.addWorksheet(t('attendance.report.sheet'), {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const dayCount =
    rows[0]?.days.length ?? new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
  const totals = ['present', 'leave', 'absent', 'missing'] as const;
  const width = 3 + dayCount + totals.length;
  sheet.columns = [
    { width: 6 },
    { width: 10 },
    { width: 36 },
    ...Array.from({ length: dayCount }, () => ({ width: 4.5 })),
    ...totals.map(() => ({ width: 9 })),
  ];

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = reportTitle(month);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  const header = sheet.getRow(2);
  header.values = [
    t('attendance.report.col.seq'),
    t('attendance.report.col.name'),
    t('attendance.report.col.post'),
    ...Array.from({ length: dayCount }, (_, i) => i + 1),
    ...totals.map((k) => t(`attendance.report.col.${k}`)),
  ];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => {
    c.border = thin;
  });

  rows.forEach((r, k) => {
    const row = sheet.addRow([
      k + 1,
      safeCell(r.cadreName),
      safeCell(`${r.receivingUnitName} ${r.title}`),
      ...r.days.map((d) => d.symbol || null),
      r.totals.present,
      r.totals.leaveTotal,
      r.totals.absent,
      r.totals.missing,
    ]);
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.getCell(3).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = thin;
    });
    r.days.forEach((d, i) => {
      const cell = row.getCell(4 + i);
      if (d.kind === 'missing') cell.fill = fill(MISSING_FILL);
      else if (d.kind === 'rest') cell.fill = fill(REST_FILL);
      if (d.far) cell.note = t('attendance.far');
    });
    if (r.totals.missing > 0) row.getCell(width).fill = fill(FLAG_FILL);
  });

  const legendRow = sheet.addRow([legend()]);
  sheet.mergeCells(legendRow.number, 1, legendRow.number, width);
  legendRow.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
  legendRow.height = 32;
  return Buffer.from(await book.xlsx.writeBuffer());
}

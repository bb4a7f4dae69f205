import { expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';

/** A fictional cadre as typed into the cadre template. */
export interface FictionalCadre {
  name: string;
  gender: '男' | '女';
  birth: string;
  idNumber: string;
  ethnicity: string;
  reserve: boolean;
}

/** Birth date from the ID number (positions 7–14), gender from the 17th digit (odd: 男). */
export function cadre(
  name: string,
  birth: string,
  sequence: string,
  options: { reserve?: boolean; ethnicity?: string } = {},
): FictionalCadre {
  return {
    name,
    gender: Number(sequence.at(-1)) % 2 === 1 ? '男' : '女',
    birth: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    idNumber: fictionalIdNumber('52', birth, sequence),
    ethnicity: options.ethnicity ?? '汉族',
    reserve: options.reserve ?? false,
  };
}

/** Fills the downloaded template: rows from row 3, columns found by their header in row 1. */
export async function fillTemplate(
  template: Buffer,
  unitName: string,
  cadres: FictionalCadre[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('干部信息') ?? book.worksheets[0];
  if (!sheet) throw new Error('template has no sheet');
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => column.set(String(cell.value), col));
  cadres.forEach((c, i) => {
    const values: Record<string, string> = {
      姓名: c.name,
      性别: c.gender,
      民族: c.ethnicity,
      政治面貌: '中共党员',
      出生日期: c.birth,
      身份证号: c.idNumber,
      学历: '大学本科',
      学位: '学士',
      所在单位: unitName,
      现任职务: '科员',
      级别: '正乡科级',
      职务类别: '职级',
      后备干部: c.reserve ? '是' : '否',
      专业特长: '乡村振兴',
    };
    const row = sheet.getRow(3 + i);
    for (const [header, value] of Object.entries(values)) {
      const col = column.get(header);
      if (!col) throw new Error(`no column ${header} in the template`);
      row.getCell(col).value = value;
    }
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Puts a file in the 导入干部 dialog and asks for the check. */
export async function uploadCadreFile(page: Page, file: Buffer): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '导入干部' });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: '干部信息.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  await dialog.getByRole('button', { name: '上传并检查' }).click();
}

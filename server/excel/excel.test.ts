import { describe, expect, it } from 'vitest';
import { configureZodMessages } from '../../common/i18n/zod.js';
import { fillTemplate, oldXls, zip } from '../../test/fixtures/excel/workbooks.js';
import { csvCell } from '../core/csv.js';
import { AppError } from '../core/errors.js';
import { parseDay, plainValue, safeCell, splitList, textOf } from './excel.cells.js';
import { columnsOf, kindModule } from './excel.kinds.js';
import { readSheet } from './excel.reader.js';
import { buildTemplate } from './excel.templates.js';
import { centralDirectory, inspectXlsx, ZIP_MAX_ENTRIES } from './excel.zip.js';

configureZodMessages();

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).message;
  }
  throw new Error('not refused');
};

describe('formula escaping', () => {
  it('prefixes = + - @ tab and CR with an apostrophe, like csvCell', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(safeCell(text)).toBe(`'${text}`);
      expect(csvCell(text)).toBe(`"'${text.replace(/"/g, '""')}"`);
    }
    expect(safeCell('张三')).toBe('张三');
    expect(safeCell('a=1')).toBe('a=1');
    expect(safeCell(null)).toBeNull();
  });
});

describe('cells', () => {
  it('reads dates however they were typed, and nothing that is not one', () => {
    const want = '1988-06-12';
    for (const v of [
      new Date(Date.UTC(1988, 5, 12)),
      '1988-06-12',
      '1988/6/12',
      '1988.6.12',
      '1988年6月12日',
      '19880612',
      19880612,
      32306,
    ]) {
      expect(parseDay(v), String(v)).toBe(want);
    }
    // 19880612 typed into a date-formatted cell: exceljs hands over day 19880612 as a Date
    expect(parseDay(new Date((19880612 - 25569) * 86400000))).toBe(want);
    for (const v of ['1988-13-01', '1988-02-30', '88-6-12', 'yesterday', '', true, 0, 1e9, '18000101']) {
      expect(parseDay(v as never), String(v)).toBeNull();
    }
  });

  it('unwraps rich text, formulas and hyperlinks; prints whole numbers without decimals', () => {
    expect(plainValue({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(plainValue({ formula: 'A1', result: 5 } as never)).toBe(5);
    expect(plainValue({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(plainValue({ error: '#N/A' } as never)).toBeNull();
    expect(textOf(13800001234)).toBe('13800001234');
    expect(textOf('  a b  ')).toBe('a b');
  });

  it('splits lists on 、 and commas, once each', () => {
    expect(splitList('招商引资、大数据, 招商引资，教育;')).toEqual(['招商引资', '大数据', '教育']);
  });
});

describe('upload inspection', () => {
  it('tells an old .xls from something that is not a workbook at all', () => {
    expect(refusal(() => inspectXlsx(oldXls()))).toBe('这是旧版 .xls 文件，请另存为 .xlsx 后上传');
    expect(refusal(() => inspectXlsx(Buffer.from('<html></html>')))).toContain('不是有效的 .xlsx');
    expect(refusal(() => inspectXlsx(Buffer.alloc(0)))).toBe('请上传 .xlsx 文件');
  });

  it('refuses too many entries before reading them, too much unpacked, and extreme ratios', () => {
    const many = zip(
      Array.from({ length: ZIP_MAX_ENTRIES + 1 }, (_, i) => ({ name: `${i}`, data: Buffer.from('x') })),
    );
    expect(refusal(() => inspectXlsx(many))).toContain('部件过多');
    const big = zip([
      { name: 'a', data: Buffer.alloc(30 * 1024 * 1024, 1), store: true },
      { name: 'b', data: Buffer.alloc(30 * 1024 * 1024, 2), store: true },
    ]);
    expect(refusal(() => inspectXlsx(big))).toContain('解压后过大');
    expect(
      refusal(() => inspectXlsx(zip([{ name: 'zeros', data: Buffer.alloc(4 * 1024 * 1024) }]))),
    ).toContain('压缩比异常');
  });

  it('inflates every entry with its declared size as a cap: a lying header is refused', () => {
    const liar = zip([{ name: 'a.xml', data: Buffer.alloc(100_000, 0x61), declaredSize: 10 }]);
    expect(centralDirectory(liar)[0]?.size).toBe(10);
    expect(refusal(() => inspectXlsx(liar))).toContain('解压后过大');
    const truncated = zip([{ name: 'a.xml', data: Buffer.from('hello') }]).subarray(0, 40);
    expect(() => inspectXlsx(truncated)).toThrow(AppError);
  });

  it('counts the cells of every worksheet before a library builds them', () => {
    const row = '<c r="A1" t="n"><v>1</v></c>'.repeat(1000);
    const sheet = Buffer.from(
      `<worksheet><sheetData>${`<row>${row}</row>`.repeat(601)}</sheetData></worksheet>`,
    );
    expect(
      refusal(() => inspectXlsx(zip([{ name: 'xl/worksheets/sheet1.xml', data: sheet, store: true }]))),
    ).toContain('单元格过多');
  });

  it('passes a real template', async () => {
    const entries = inspectXlsx(await buildTemplate(kindModule('cadres')));
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });
});

describe('reading a sheet', () => {
  it('keeps every Chinese character, however the parts are sliced for the parser', async () => {
    // exceljs's streaming reader turns a character split between two chunks into U+FFFD;
    // 3000 names are far more than one 64 KB slice of the shared strings and of the sheet
    const names = Array.from({ length: 3000 }, (_, i) => `测试干部张${i}号「籍贯贵州黔东南」`);
    const file = await fillTemplate(
      'cadres',
      names.map((name, i) => [name, '男', '汉族', null, new Date(Date.UTC(1960, 0, 1 + i))]),
    );
    const { rows } = await readSheet(file, kindModule('cadres'));
    expect(rows.map((r) => r.cells.name)).toEqual(names);
    expect(rows[31]?.cells.birthDate).toEqual(new Date(Date.UTC(1960, 1, 1)));
    expect(rows[0]?.row).toBe(3);
  });

  it('refuses a file whose workbook part is missing as corrupt', async () => {
    const file = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }]);
    await expect(readSheet(file, kindModule('cadres'))).rejects.toThrow('文件已损坏');
  });
});

describe('columns', () => {
  it('every enumeration has its Chinese labels; headers are unique per kind', () => {
    for (const kind of ['cadres', 'units', 'posts'] as const) {
      const columns = columnsOf(kind);
      expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
      for (const c of columns.filter((c) => c.type === 'enum')) {
        expect(c.options?.length, c.key).toBeGreaterThan(1);
        for (const o of c.options ?? []) expect(o.label).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });
});

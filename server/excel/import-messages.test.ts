import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../common/excel/excel.schema.js';
import { configureZodMessages } from '../../common/i18n/zod.js';
import { kindModule } from './excel.kinds.js';

configureZodMessages();

/** Words of a schema, not of a form: an import message holding one reads like a stack trace. */
const SCHEMA_WORDS =
  /string|number|boolean|array|object|expected|received|>=|<=|期望|数值|字符串|undefined|null|NaN/i;

/** Failing values of every sort a person types into a cell. */
const HOSTILE: unknown[] = [
  'x',
  '一',
  'x'.repeat(600),
  '就'.repeat(300),
  '-1',
  '0',
  '3.5',
  '99999999',
  'abc',
  '是否',
  '2026-02-30',
  '  ',
  '=1+1',
  12,
  -5,
  true,
];

describe('import messages read like the forms', () => {
  for (const kind of IMPORT_KINDS) {
    it(`${kind}: every column's failing values give Chinese messages without schema words`, () => {
      const module = kindModule(kind);
      const columns = module.columns();
      const bad: string[] = [];
      let seen = 0;
      for (const column of columns) {
        const rows = HOSTILE.map((value, i) => ({ row: i + 3, cells: { [column.key]: value as never } }));
        const { problems } = module.check.run(rows);
        for (const p of problems) {
          seen++;
          if (SCHEMA_WORDS.test(p.message) || !/[\u4e00-\u9fff]/.test(p.message))
            bad.push(`${column.key}: ${p.message}`);
        }
      }
      expect(seen).toBeGreaterThan(columns.length);
      expect([...new Set(bad)]).toEqual([]);
    });
  }
});

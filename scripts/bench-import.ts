// `npm run bench:import`: import of a 10 000-row cadre file (built from the real template)
// against exceljs reading the same file alone. Runs the whole app on a fresh SQLite database
// (or PostgreSQL with DATABASE_URL) through HTTP inject: preview (upload, every check, pending
// import stored) and commit (all rows in one transaction, an audit row each).
// Options: N=rows (default 10000).
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { XLSX_MIME } from '../common/excel/excel.schema.js';
import { zUnitInput } from '../common/units/units.schema.js';
import { systemActor } from '../server/core/context.js';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { buildTemplate } from '../server/excel/excel.templates.js';
import * as units from '../server/units/units.service.js';
import { createTemplate } from '../test/databases.js';
import { cadreCells, fillTemplate } from '../test/fixtures/excel/workbooks.js';
import { createAccount, createTestApp, login, unitInput } from '../test/helpers.js';

const N = Number(process.env.N ?? 10000);
const ms = (t0: number) => Math.round(performance.now() - t0);

await createTemplate(process.env.DATABASE_URL || undefined);
const t = await createTestApp();
const sys = systemActor(null, 'bench');
const unitA = await units.create(
  t.ctx,
  sys,
  zUnitInput.parse(unitInput({ regionCode: '522630', name: '基准测试单位甲' })),
);
const unitB = await units.create(
  t.ctx,
  sys,
  zUnitInput.parse(unitInput({ regionCode: '522634', name: '基准测试单位乙' })),
);
const cookie = await login(
  t.app,
  await createAccount(t.ctx, {
    grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
  }),
);
const rows = Array.from({ length: N }, (_, i) => {
  const day = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()].map((n) =>
    String(n).padStart(2, '0'),
  );
  const idNumber = fictionalIdNumber('52', `${y}${m}${d}`, String(101 + (i % 400) * 2).padStart(3, '0'));
  return cadreCells(
    {
      name: `基准干部${i}`,
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      ethnicity: '汉族',
      politicalStatus: 'cpc_member',
      birthDate: `${y}-${m}-${d}`,
      idNumber,
      phone: `138${String(i).padStart(8, '0')}`,
      education: 'master',
      degree: 'master',
      school: '示例大学',
      major: '公共管理',
      unitId: '',
      position: '副处长',
      rankLevel: 'division_deputy',
      rankKind: 'leadership',
      reserve: i % 5 === 0,
      expertise: ['招商引资', '大数据'],
    },
    i % 2 ? unitB.name : unitA.name,
  );
});
let t0 = performance.now();
const file = await fillTemplate('cadres', rows, await buildTemplate('cadres'));
writeFileSync('.tmp/bench-import.xlsx', file);
console.log(`file: ${N} rows, ${(file.length / 1024).toFixed(0)} KB, built in ${ms(t0)} ms`);

await new ExcelJS.Workbook().xlsx.load((await fillTemplate('cadres', rows.slice(0, 50))) as never); // warm-up
t0 = performance.now();
await new ExcelJS.Workbook().xlsx.load(file as never);
const alone = ms(t0);

t0 = performance.now();
const res = await t.app.inject({
  method: 'POST',
  url: '/api/excel/imports/cadres',
  payload: file,
  headers: { cookie, 'content-type': XLSX_MIME },
});
const preview = ms(t0);
const body = res.json();
if (res.statusCode !== 200 || body.errorCount)
  throw new Error(`preview failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
t0 = performance.now();
const commit = await t.app.inject({
  method: 'POST',
  url: `/api/excel/imports/${body.importId}/commit`,
  headers: { cookie },
});
const committed = ms(t0);
if (commit.statusCode !== 200)
  throw new Error(`commit failed: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
await t.close();

console.log(`\nbench:import — ${N} cadres, ${t.ctx.dialect}, node ${process.version}`);
console.log(`exceljs load() alone      ${alone} ms`);
console.log(`preview (parse + checks)  ${preview} ms  (${(preview / alone).toFixed(2)}× exceljs alone)`);
console.log(`commit (${commit.json().created} created)      ${committed} ms`);
console.log(
  `import, preview + commit  ${preview + committed} ms  (${((preview + committed) / alone).toFixed(2)}× exceljs alone; target ≤ 2×)`,
);

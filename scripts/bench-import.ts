// `npm run bench:import`: import of a 10 000-row cadre file (built from the real template)
// against exceljs reading the same file alone. Runs the whole app on a fresh SQLite database
// (or PostgreSQL with DATABASE_URL) through HTTP inject: preview (upload, every check, pending
// import stored) and commit (all rows in one transaction, an audit row each).
// Both sides are warmed up on a 1 000-row file, then measured REPEATS times (default 5) taking
// turns, each import on a fresh database; the medians are compared.
// Options: N=rows (default 10000), REPEATS (default 5).
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { XLSX_MIME } from '../common/excel/excel.schema.js';
import { zUnitInput } from '../common/units/units.schema.js';
import { systemActor } from '../server/core/context.js';
import { fictionalIdNumber } from '../server/demo/demo.seed.js';
import { kindModule } from '../server/excel/excel.kinds.js';
import { buildTemplate } from '../server/excel/excel.templates.js';
import * as units from '../server/units/units.service.js';
import { createTemplate } from '../test/databases.js';
import { cadreCells, fillTemplate } from '../test/fixtures/excel/workbooks.js';
import { createAccount, createTestApp, login, unitInput } from '../test/helpers.js';

const N = Number(process.env.N ?? 10000);
const ms = (t0: number) => Math.round(performance.now() - t0);

const REPEATS = Number(process.env.REPEATS ?? 5);
const collect = (globalThis as { gc?: () => void }).gc as () => void;
if (!collect) throw new Error('run with --expose-gc (npm run bench:import does)');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

await createTemplate(process.env.DATABASE_URL || undefined);
const sys = systemActor(null, 'bench');

const UNIT_NAMES = ['基准测试单位甲', '基准测试单位乙'] as const;

/** A fresh database with the file's two units and a 组织部 over them, logged in. */
async function freshApp() {
  const t = await createTestApp();
  for (const [regionCode, name] of [
    ['522630', UNIT_NAMES[0]],
    ['522634', UNIT_NAMES[1]],
  ]) {
    await units.create(t.ctx, sys, zUnitInput.parse(unitInput({ regionCode, name })));
  }
  const cookie = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  return { t, cookie };
}

/** Preview then commit of a file; the time of each. */
async function importFile(file: Buffer) {
  const { t, cookie } = await freshApp();
  collect();
  let t0 = performance.now();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/excel/imports/cadres',
    payload: file,
    headers: { cookie, 'content-type': XLSX_MIME },
  });
  const preview = performance.now() - t0;
  const body = res.json();
  if (res.statusCode !== 200 || body.errorCount)
    throw new Error(`preview failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  t0 = performance.now();
  const commit = await t.app.inject({
    method: 'POST',
    url: `/api/excel/imports/${body.importId}/commit`,
    headers: { cookie },
  });
  const committed = performance.now() - t0;
  if (commit.statusCode !== 200)
    throw new Error(`commit failed: ${commit.statusCode} ${commit.body.slice(0, 300)}`);
  const created = (commit.json() as { created: number }).created;
  const dialect = t.ctx.dialect;
  await t.close();
  return { preview, commit: committed, created, dialect };
}

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
    UNIT_NAMES[i % 2] as string,
  );
});
let t0 = performance.now();
const file = await fillTemplate('cadres', rows, await buildTemplate(kindModule('cadres')));
writeFileSync('.tmp/bench-import.xlsx', file);
console.log(`file: ${N} rows, ${(file.length / 1024).toFixed(0)} KB, built in ${ms(t0)} ms`);

// warm-up of both sides on a 1 000-row file (long enough to start the audit worker thread, as
// a server's first large import does), then each measured REPEATS times, taking turns, each
// after a full garbage collection so neither pays for the other's garbage
const small = await fillTemplate('cadres', rows.slice(0, 1000), await buildTemplate(kindModule('cadres')));
await new ExcelJS.Workbook().xlsx.load(small as never);
await importFile(small);
const runs: { alone: number; preview: number; commit: number; created: number; dialect: string }[] = [];
for (let i = 0; i < REPEATS; i++) {
  collect();
  t0 = performance.now();
  await new ExcelJS.Workbook().xlsx.load(file as never);
  const alone = performance.now() - t0;
  const imported = await importFile(file);
  runs.push({ alone, ...imported });
  console.log(
    `run ${i + 1}: exceljs ${Math.round(alone)} ms, preview ${Math.round(imported.preview)} ms, commit ${Math.round(imported.commit)} ms (${imported.created} created) → ${((imported.preview + imported.commit) / alone).toFixed(2)}×`,
  );
}
const alone = median(runs.map((r) => r.alone));
const preview = median(runs.map((r) => r.preview));
const committed = median(runs.map((r) => r.commit));
const total = median(runs.map((r) => r.preview + r.commit));

console.log(
  `\nbench:import — ${N} cadres, ${runs[0]?.dialect}, node ${process.version}, median of ${REPEATS} runs`,
);
console.log(`exceljs load() alone      ${Math.round(alone)} ms`);
console.log(
  `preview (parse + checks)  ${Math.round(preview)} ms  (${(preview / alone).toFixed(2)}× exceljs alone)`,
);
console.log(`commit (${runs[0]?.created} created)      ${Math.round(committed)} ms`);
console.log(
  `import, preview + commit  ${Math.round(total)} ms  (${(total / alone).toFixed(2)}× exceljs alone; target ≤ 2×)`,
);

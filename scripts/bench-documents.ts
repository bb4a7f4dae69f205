// `npm run bench:documents [-- --sizes 100,1000]`: batch generation (issue 14 line 7, ADR 040).
// N monthly reports (generated content, no database: a month's work log, achievements and totals
// per cadre) made into .docx by the engine and packed into one .zip on disk by the batch path
// (documents.zip.ts: fflate, stored entries, streamed to the file) — against the `docx` package
// packing the same N documents alone (`Packer.toBuffer` of each, the buffers dropped). Each
// measurement runs in a child process of its own, so its peak RSS and heap are its own.
// Targets: zip ≤ 2× docx alone; peak memory that does not grow with N. Figures go to
// docs/benchmarks.md by hand.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { MonthlyDetail } from '../common/monthly/monthly.schema.js';
import { batchFileName } from '../server/documents/documents.batch.js';
import { renderDocx } from '../server/documents/documents.engine.js';
import { monthlyReport } from '../server/documents/documents.forms.js';
import { uniqueNames, writeZip, type ZipEntry } from '../server/documents/documents.zip.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000' },
    child: { type: 'string' },
    n: { type: 'string' },
  },
});

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟'];
const UNITS = [
  '某某县发展和改革局',
  '某某市商务局',
  '某某县农业农村局',
  '某某区教育局',
  '某某市卫生健康委员会',
];
const CATEGORIES = ['research', 'meeting', 'project', 'investment'];

/** The content of report k: fixed by k, so both paths pack the same documents. */
function reportOf(k: number): MonthlyDetail {
  const name = `${SURNAMES[k % SURNAMES.length]}${GIVEN[k % GIVEN.length]}${k}`;
  const unit = UNITS[k % UNITS.length] as string;
  return {
    id: `r${k}`,
    postingId: `p${k}`,
    month: '2026-11',
    cadreName: name,
    postingTitle: '副县长',
    receivingUnitName: '某某县人民政府',
    sendingUnitName: unit,
    status: 'signed',
    reviewComment: null,
    version: 3,
    updatedAt: '2026-12-02T02:00:00.000Z',
    summary:
      '本月围绕招商引资和产业发展开展工作，走访企业十余家，推动两个项目落地。\n按时参加县政府常务会议，落实分管领域各项任务。',
    plan: '下月继续跟进签约项目，做好年度工作总结。',
    facts: {
      postTitle: '副县长',
      receivingUnitName: '某某县人民政府',
      sendingUnitName: unit,
      duties: '协管招商引资、产业协作',
      attendance: { workingDays: 21, present: 19, leave: 2, absent: 0, missing: 0 },
      work: CATEGORIES.map((category, c) => ({
        category,
        entries: Array.from({ length: 3 }, (_, e) => ({
          date: `2026-11-${String(3 + c * 6 + e).padStart(2, '0')}`,
          title: `开展${['调研', '会议', '项目', '招商'][c]}工作第${e + 1}项，形成报告`,
        })),
      })),
      achievements: Array.from({ length: 4 }, (_, a) => ({
        date: `2026-11-${String(10 + a).padStart(2, '0')}`,
        kind: 'funds_arrived',
        title: `协调到位帮扶资金第${a + 1}笔`,
        status: a % 2 ? 'claimed' : 'verified',
        amount: `${a + 1}.5万元`,
      })),
      totals: [
        {
          kind: 'funds_arrived',
          dimension: 'money',
          verified: '400000',
          verifiedDisplay: '4万元',
          verifiedCount: 2,
          claimed: '600000',
          claimedDisplay: '6万元',
          claimedCount: 2,
        },
      ],
    },
    versions: [
      { seq: 3, status: 'signed', summary: null, plan: null, by: null, at: '2026-12-02T02:00:00.000Z' },
    ],
    actions: [],
  };
}

const dateOf = (iso: string) => iso.slice(0, 10);
const docxOf = (k: number) => renderDocx(monthlyReport(reportOf(k), dateOf));

interface Figures {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  bytes: number;
}

/** One measurement in this (child) process: the time, and the peak memory sampled every 10 ms. */
async function measure(kind: 'docx' | 'zip', n: number): Promise<Figures> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  await docxOf(0); // warm the engine (styles, fonts) in both paths
  const start = performance.now();
  let bytes = 0;
  if (kind === 'docx') {
    for (let k = 0; k < n; k++) bytes += (await docxOf(k)).length;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-bench-documents-'));
    const file = path.join(dir, 'batch.zip');
    const named = uniqueNames();
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let k = 0; k < n; k++) {
        const r = reportOf(k);
        yield {
          name: named(batchFileName(r.month, r.sendingUnitName, r.cadreName)),
          content: await docxOf(k),
        };
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await writeZip(file, entries());
    bytes = statSync(file).size;
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = performance.now() - start;
  sample();
  clearInterval(timer);
  return { ms, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, bytes };
}

if (values.child) {
  const figures = await measure(values.child as 'docx' | 'zip', Number(values.n));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const run = (kind: string, n: number): Figures => {
    const out = spawnSync(process.execPath, [...process.execArgv, self, '--child', kind, '--n', String(n)], {
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim().split('\n').at(-1) as string);
  };
  const mb = (x: number) => x.toFixed(0).padStart(5);
  console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
  console.log(
    '    N | docx alone ms | zip ms | ratio | zip MB | peak RSS docx/zip MB | peak heap docx/zip MB',
  );
  for (const n of values.sizes.split(',').map(Number)) {
    const d = run('docx', n);
    const z = run('zip', n);
    console.log(
      `${String(n).padStart(5)} | ${d.ms.toFixed(0).padStart(13)} | ${z.ms.toFixed(0).padStart(6)} | ${(z.ms / d.ms).toFixed(2).padStart(5)} | ${(z.bytes / 2 ** 20).toFixed(1).padStart(6)} | ${mb(d.peakRssMb)} / ${mb(z.peakRssMb)}${' '.repeat(10)} | ${mb(d.peakHeapMb)} / ${mb(z.peakHeapMb)}`,
    );
  }
}

// `npm run drill:crash`: the real app on a throwaway SQLite data dir; writers create units and
// cadres, update units and commit Excel imports through the HTTP API while the server is killed
// (SIGKILL) at a random moment, then restarted — ROUNDS times (default 32). Afterwards every
// acknowledged write must be there, every import whole or absent (never partial), `PRAGMA
// integrity_check` ok and `guazhi audit verify` passing. Prints the counts; exit 1 on any fault.
// Options: --rounds N (default 32), --writers N (default 3), --port P.
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { XLSX_MIME } from '../common/excel/excel.schema.js';
import { t } from '../common/i18n/index.js';
import { fictionalIdNumber } from '../server/demo/fictional-id.js';
import { kindModule } from '../server/excel/excel.kinds.js';
import { buildTemplate } from '../server/excel/excel.templates.js';
import { fillTemplate } from '../test/fixtures/excel/workbooks.js';
import {
  Client,
  dataDir,
  drillOptions,
  guazhi,
  type Server,
  seedDemo,
  sleep,
  startServer,
  stopServer,
  unitBody,
} from './drill-harness.js';

const { rounds: ROUNDS, writers: WRITERS, port: PORT } = drillOptions({ rounds: 32, writers: 3, port: 3471 });
const IMPORT_ROWS = 20;

const data = dataDir('crash');
const oneTime = seedDemo(data.env);
let server: Server = await startServer(data.env, PORT);
const client = new Client(server.base);
await client.login('zzb', oneTime);
const home = await client.request('POST', '/api/units', unitBody('基地'));
if (home.status !== 201) throw new Error(`setup: ${home.status} ${JSON.stringify(home.json)}`);
const template = await buildTemplate(kindModule('units'));

const acked = { units: new Map<string, number>(), cadres: new Set<string>() };
const updates = new Map<string, { version: number; contactName: string }>();
const imports: { tag: string; acknowledged: boolean }[] = [];
const counts = { unitCreates: 0, cadreCreates: 0, updates: 0, importsCommitted: 0, refused: 0, cut: 0 };
let seq = 0;

function cadreBody(n: number) {
  const day = new Date(Date.UTC(1965, 0, 1) + n * 86_400_000);
  const birthDate = day.toISOString().slice(0, 10);
  return {
    name: `演练干部${n}`,
    gender: 'male',
    ethnicity: '汉族',
    politicalStatus: 'cpc_member',
    birthDate,
    idNumber: fictionalIdNumber('52', birthDate.replaceAll('-', ''), '131'),
    phone: '13800007777',
    education: 'master',
    degree: 'master',
    school: '示例大学',
    major: '公共管理',
    unitId: home.json.id,
    position: '副处长',
    rankLevel: 'division_deputy',
    rankKind: 'leadership',
    reserve: false,
    expertise: ['招商引资'],
    resume: [],
    relatives: [],
  };
}

async function importUnits(tag: string): Promise<void> {
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => [
    `演练导入${tag}-${i}`,
    t('unitKind.public_institution'),
    '522630',
    null,
    '导入联系人',
    '13800009999',
  ]);
  const file = await fillTemplate('units', rows, template);
  const preview = await client.request('POST', '/api/excel/imports/units', new Uint8Array(file), XLSX_MIME);
  if (preview.status !== 200 || preview.json.errorCount) {
    counts.refused++;
    return;
  }
  const attempt = { tag, acknowledged: false };
  imports.push(attempt);
  const commit = await client.request('POST', `/api/excel/imports/units/${preview.json.importId}/commit`);
  if (commit.status === 200) {
    attempt.acknowledged = true;
    counts.importsCommitted++;
  } else counts.refused++;
}

/** One write of a writer's mix; a cut connection (the kill) is simply not acknowledged. */
async function write(w: number): Promise<void> {
  const n = seq++;
  const pick = n % 4;
  if (pick === 0 || acked.units.size === 0) {
    const res = await client.request('POST', '/api/units', unitBody(`${w}-${n}`, `建${n}`));
    if (res.status === 201) {
      acked.units.set(res.json.id, res.json.version);
      counts.unitCreates++;
    } else counts.refused++;
  } else if (pick === 1) {
    const res = await client.request('POST', '/api/cadres', cadreBody(n));
    if (res.status === 201) {
      acked.cadres.add(res.json.id);
      counts.cadreCreates++;
    } else counts.refused++;
  } else if (pick === 2) {
    const ids = [...acked.units.keys()];
    const id = ids[Math.floor(Math.random() * ids.length)] as string;
    const current = await client.request('GET', `/api/units/${id}`);
    if (current.status !== 200) return;
    const { name, kind, regionCode, parentId, contactPhone, version } = current.json;
    const contactName = `改${n}`;
    const res = await client.request('PUT', `/api/units/${id}`, {
      name,
      kind,
      regionCode,
      parentId,
      contactName,
      contactPhone,
      version,
    });
    if (res.status === 200) {
      updates.set(id, { version: res.json.version, contactName });
      counts.updates++;
    } else counts.refused++;
  } else await importUnits(`${w}-${n}`);
}

const started = Date.now();
for (let round = 0; round < ROUNDS; round++) {
  client.base = server.base;
  let stop = false;
  const writers = Array.from({ length: WRITERS }, async (_, w) => {
    while (!stop) {
      try {
        await write(w);
      } catch {
        counts.cut++;
        return;
      }
    }
  });
  await sleep(300 + Math.random() * 2700);
  server.process.kill('SIGKILL');
  await server.exited;
  stop = true;
  await Promise.all(writers);
  server = await startServer(data.env, PORT);
}
await stopServer(server);

// every acknowledged write, every import whole or absent, the file sound, the chain intact
const db = new Database(path.join(data.dir, 'guazhi.sqlite'));
const integrity = db.pragma('integrity_check', { simple: true }) as string;
const unitRows = new Map(
  (
    db.prepare('SELECT id, version, contact_name AS contactName FROM units').all() as {
      id: string;
      version: number;
      contactName: string;
    }[]
  ).map((r) => [r.id, r]),
);
const cadreIds = new Set(db.prepare('SELECT id FROM cadres').pluck().all() as string[]);
const countByPrefix = db.prepare("SELECT count(*) FROM units WHERE name LIKE ? ESCAPE '\\'").pluck();
const missingUnits = [...acked.units.keys()].filter((id) => !unitRows.has(id));
const missingCadres = [...acked.cadres].filter((id) => !cadreIds.has(id));
const lostUpdates = [...updates].filter(([id, u]) => {
  const row = unitRows.get(id);
  return !row || row.version < u.version || (row.version === u.version && row.contactName !== u.contactName);
});
let partial = 0;
let lostImports = 0;
let unacknowledgedPresent = 0;
for (const attempt of imports) {
  const n = countByPrefix.get(`演练导入${attempt.tag.replaceAll('_', '\\_')}-%`) as number;
  if (n !== 0 && n !== IMPORT_ROWS) partial++;
  if (attempt.acknowledged && n !== IMPORT_ROWS) lostImports++;
  if (!attempt.acknowledged && n === IMPORT_ROWS) unacknowledgedPresent++;
}
db.close();
const verify = await guazhi(data.env, ['audit', 'verify']);
const seconds = ((Date.now() - started) / 1000).toFixed(0);

console.log(
  `\ndrill:crash — ${ROUNDS} SIGKILLs with restarts, ${WRITERS} writers, ${seconds} s, node ${process.version}`,
);
console.log(
  `acknowledged: ${counts.unitCreates} unit creates, ${counts.cadreCreates} cadre creates, ${counts.updates} unit updates, ${counts.importsCommitted} imports of ${IMPORT_ROWS} rows`,
);
console.log(`cut by a kill: ${counts.cut} requests; refused answers: ${counts.refused}`);
console.log(
  `missing: ${missingUnits.length} units, ${missingCadres.length} cadres, ${lostUpdates.length} updates, ${lostImports} imports`,
);
console.log(
  `imports committed: ${imports.length} attempted, ${partial} partial, ${unacknowledgedPresent} whole without an answer (cut after commit)`,
);
console.log(`integrity_check: ${integrity}`);
console.log(
  `audit verify: ${verify.code === 0 ? verify.stdout.trim() : `FAILED\n${verify.stdout}${verify.stderr}`}`,
);
const ok =
  missingUnits.length + missingCadres.length + lostUpdates.length + lostImports + partial === 0 &&
  integrity === 'ok' &&
  verify.code === 0;
if (ok) rmSync(data.dir, { recursive: true, force: true });
else console.log(`data dir kept for inspection: ${data.dir}`);
process.exit(ok ? 0 : 1);

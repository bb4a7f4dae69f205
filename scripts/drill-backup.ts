// `npm run drill:backup`: the real app on a throwaway SQLite data dir, 4 concurrent writers
// creating and updating units through the HTTP API for 30 s, every acknowledged write recorded;
// `guazhi backup` taken while they write; then `guazhi restore` into a fresh data dir (the keys
// brought apart) and every write acknowledged before the backup began looked up there. Exit 1
// on any missing. Options: --seconds S (default 30), --writers N (default 4), --port P.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import {
  Client,
  copySecrets,
  DRILL_PASSWORD,
  dataDir,
  drillOptions,
  guazhi,
  seedDemo,
  sleep,
  startServer,
  stopServer,
  unitBody,
} from './drill-harness.js';

const {
  seconds: SECONDS,
  writers: WRITERS,
  port: PORT,
} = drillOptions({ seconds: 30, writers: 4, port: 3461 });

interface Ack {
  kind: 'create' | 'update';
  id: string;
  version: number;
  contactName: string;
  /** When the answer arrived (ms since start). */
  at: number;
}

const source = dataDir('backup');
const password = seedDemo(source.env);
const server = await startServer(source.env, PORT);
const acks: Ack[] = [];
let failures = 0;
let stop = false;

async function writer(w: number): Promise<void> {
  const client = new Client(server.base);
  await client.login('zzb', w === 0 ? password : DRILL_PASSWORD);
  const mine: { id: string; version: number; body: ReturnType<typeof unitBody> }[] = [];
  for (let i = 0; !stop; i++) {
    const target = mine.length > 0 && i % 2 === 1 ? mine[Math.floor(Math.random() * mine.length)] : undefined;
    if (target) {
      const body = { ...target.body, contactName: `改${w}-${i}` };
      const res = await client.request('PUT', `/api/units/${target.id}`, {
        ...body,
        version: target.version,
      });
      if (res.status !== 200) {
        failures++;
        continue;
      }
      target.version = res.json.version;
      target.body = body;
      acks.push({
        kind: 'update',
        id: target.id,
        version: res.json.version,
        contactName: body.contactName,
        at: performance.now(),
      });
    } else {
      const body = unitBody(`${w}-${i}`, `建${w}-${i}`);
      const res = await client.request('POST', '/api/units', body);
      if (res.status !== 201) {
        failures++;
        continue;
      }
      mine.push({ id: res.json.id, version: res.json.version, body });
      acks.push({
        kind: 'create',
        id: res.json.id,
        version: res.json.version,
        contactName: body.contactName,
        at: performance.now(),
      });
    }
  }
}

// the first writer changes the one-time password; the others log in after it
const first = writer(0);
await sleep(1500);
const writers = [first, ...Array.from({ length: WRITERS - 1 }, (_, i) => writer(i + 1))];
const t0 = performance.now();
await sleep((SECONDS * 1000) / 2);

const backupFile = path.join(source.dir, 'drill-backup.sqlite');
const backupStart = performance.now();
const backup = await guazhi(source.env, ['backup', backupFile]);
const backupEnd = performance.now();
if (backup.code !== 0) throw new Error(`guazhi backup failed:\n${backup.stdout}${backup.stderr}`);
process.stdout.write(backup.stdout);

await sleep(Math.max(0, SECONDS * 1000 - (performance.now() - t0)));
stop = true;
await Promise.all(writers);
await stopServer(server);

const restored = dataDir('restored');
copySecrets(source.dir, restored.dir);
const restore = await guazhi(restored.env, ['restore', backupFile]);
if (restore.code !== 0) throw new Error(`guazhi restore failed:\n${restore.stdout}${restore.stderr}`);
console.log(
  restore.stdout
    .split('\n')
    .filter((l) => !l.startsWith('    '))
    .join('\n'),
);

// the restored app starts and answers with the password changed before the backup
const again = await startServer(restored.env, PORT + 1);
const check = new Client(again.base);
await check.login('zzb', DRILL_PASSWORD);
const listed = await check.request('GET', '/api/units?pageSize=1');
await stopServer(again);

const db = new Database(path.join(restored.dir, 'guazhi.sqlite'), { readonly: true });
const rows = new Map(
  (db.prepare('SELECT id, version, contact_name AS contactName FROM units').all() as Ack[]).map((r) => [
    r.id,
    r,
  ]),
);
db.close();
/** The write is in the restored database: the unit, at this version or later (same value at this version). */
const present = (a: Ack) => {
  const row = rows.get(a.id);
  return (
    row !== undefined &&
    (row.version > a.version || (row.version === a.version && row.contactName === a.contactName))
  );
};
const before = acks.filter((a) => a.at < backupStart);
const after = acks.filter((a) => a.at >= backupStart);
const missing = before.filter((a) => !present(a));
const afterPresent = after.filter(present).length;

console.log(`\ndrill:backup — ${WRITERS} writers, ${SECONDS} s, node ${process.version}`);
console.log(
  `writes acknowledged: ${acks.length} (${acks.filter((a) => a.kind === 'create').length} creates, ${acks.filter((a) => a.kind === 'update').length} updates), refused ${failures}`,
);
console.log(
  `backup took ${((backupEnd - backupStart) / 1000).toFixed(2)} s (guazhi backup, started at ${((backupStart - t0) / 1000).toFixed(1)} s)`,
);
console.log(
  `acknowledged ${before.length} before the backup began, in backup ${before.length - missing.length}, missing ${missing.length}`,
);
console.log(
  `acknowledged ${after.length} after it began: in backup ${afterPresent}, not in backup ${after.length - afterPresent} (allowed)`,
);
console.log(`restored app: login ok, GET /api/units → ${listed.status}, total ${listed.json?.total}`);
for (const m of missing.slice(0, 20))
  console.log(`  MISSING ${m.kind} ${m.id} v${m.version} ${m.contactName}`);
if (missing.length === 0 && listed.status === 200) {
  rmSync(source.dir, { recursive: true, force: true });
  rmSync(restored.dir, { recursive: true, force: true });
}
process.exit(missing.length === 0 && listed.status === 200 ? 0 : 1);

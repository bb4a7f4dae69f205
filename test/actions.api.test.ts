import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as text } from '../common/i18n/index.js';
import { moveApplies, type PostingMove } from '../common/postings/posting-moves.js';
import { findUserByUsername, grantsOf } from '../server/auth/auth.repository.js';
import { hashPassword } from '../server/auth/password.js';
import type { Database } from '../server/core/database.js';
import { seedDemo } from '../server/demo/demo.seed.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  TEST_PASSWORD,
  type TestAccount,
  type TestApp,
} from './helpers.js';

// Runs on SQLite and, with DATABASE_URL, on PostgreSQL (node /work/tools/pg-vitest.mjs).

/**
 * Issue 11 line 2, the class and not the instance (ADR 027): for every detail answer that
 * carries `actions`, for every demo caller (and a caller holding two roles in different
 * places), on a sample of the demo's records of each kind:
 * - each action listed is allowed: its write does not answer 403 (nor 404);
 * - each action not listed is refused with 403 — never 404 — on a record the caller reads
 *   (a posting's move that does not apply to its status may answer 409 instead);
 * - on a record the caller cannot read, no write says "you may read this": 404 (or the
 *   policy's 403 for a role that may not make that write anywhere).
 * The writes are probes that change nothing: a stale version (the services check the scope
 * first, then the version), an unreadable photo, an invalid new batch.
 */

type Detail = Record<string, unknown> & { id: string; version: number; actions: string[] };
interface Probe {
  key: string;
  method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  url: (d: Detail) => string;
  body?: (d: Detail) => unknown;
  headers?: Record<string, string>;
  /** An action this probe may answer 409 for when not listed (a posting move not applying to the status). */
  statusBound?: (d: Detail) => boolean;
}
interface Kind {
  name: string;
  table: keyof Database;
  /** Rows with different owners and statuses first: one per group. */
  groupBy: string[];
  detail: (id: string) => string;
  probes: Probe[];
}

const STALE = 1000;
const stale = (d: Detail) => d.version + STALE;
const del = (base: string): Probe => ({
  key: 'delete',
  method: 'DELETE',
  url: (d) => `${base}/${d.id}?version=${stale(d)}`,
});

const postingMove = (move: PostingMove, body: (d: Detail) => unknown): Probe => ({
  key: move,
  method: 'POST',
  url: (d) => `/api/postings/${d.id}/${move}`,
  body,
  statusBound: (d) => !moveApplies(move, d.status as string),
});
const moveBase = (d: Detail) => ({ date: '2026-12-01', reason: '矩阵探测', version: stale(d) });

const KINDS: Kind[] = [
  {
    name: 'unit',
    table: 'units',
    groupBy: ['regionCode', 'kind'],
    detail: (id) => `/api/units/${id}`,
    probes: [
      {
        key: 'update',
        method: 'PUT',
        url: (d) => `/api/units/${d.id}`,
        body: (d) => ({
          name: d.name,
          kind: d.kind,
          regionCode: d.regionCode,
          parentId: d.parentId,
          contactName: d.contactName,
          contactPhone: d.contactPhone,
          version: stale(d),
        }),
      },
      del('/api/units'),
    ],
  },
  {
    name: 'programme',
    table: 'programmes',
    groupBy: ['id'],
    detail: (id) => `/api/programmes/${id}`,
    probes: [
      {
        key: 'update',
        method: 'PUT',
        url: (d) => `/api/programmes/${d.id}`,
        body: (d) => ({
          name: d.name,
          kind: d.kind,
          regionCode: d.regionCode,
          description: d.description,
          version: stale(d),
        }),
      },
      del('/api/programmes'),
      // the programme is chosen in the new batch's form: an invalid form is refused after the policy
      { key: 'createBatch', method: 'POST', url: () => '/api/batches', body: (d) => ({ programmeId: d.id }) },
    ],
  },
  {
    name: 'batch',
    table: 'batches',
    groupBy: ['id'],
    detail: (id) => `/api/batches/${id}`,
    probes: [
      {
        key: 'update',
        method: 'PUT',
        url: (d) => `/api/batches/${d.id}`,
        body: (d) => ({
          name: d.name,
          plannedStart: d.plannedStart,
          plannedEnd: d.plannedEnd,
          termMonths: d.termMonths,
          eligibility: d.eligibility,
          quotas: (d.quotas as { regionCode: string; quota: number }[]).map(({ regionCode, quota }) => ({
            regionCode,
            quota,
          })),
          version: stale(d),
        }),
      },
      {
        key: 'advance',
        method: 'POST',
        url: (d) => `/api/batches/${d.id}/advance`,
        body: (d) => ({ to: 'finished', reason: '矩阵探测', version: stale(d) }),
      },
      del('/api/batches'),
    ],
  },
  {
    name: 'post request',
    table: 'postRequests',
    groupBy: ['unitId', 'status'],
    detail: (id) => `/api/posts/${id}`,
    probes: [
      {
        key: 'update',
        method: 'PUT',
        url: (d) => `/api/posts/${d.id}`,
        body: (d) => ({
          title: d.title,
          level: d.level,
          duties: d.duties,
          expertise: d.expertise,
          headcount: d.headcount,
          notes: d.notes,
          version: stale(d),
        }),
      },
      {
        key: 'submit',
        method: 'POST',
        url: (d) => `/api/posts/${d.id}/submit`,
        body: (d) => ({ version: stale(d) }),
      },
      del('/api/posts'),
      {
        key: 'review',
        method: 'POST',
        url: (d) => `/api/posts/${d.id}/review`,
        body: (d) => ({ decision: 'approve', comment: null, version: stale(d) }),
      },
    ],
  },
  {
    name: 'nomination',
    table: 'nominations',
    groupBy: ['unitId', 'status', 'batchId'],
    detail: (id) => `/api/nominations/${id}`,
    probes: [
      {
        key: 'withdraw',
        method: 'POST',
        url: (d) => `/api/nominations/${d.id}/withdraw`,
        body: (d) => ({ version: stale(d) }),
      },
      {
        key: 'review',
        method: 'POST',
        url: (d) => `/api/nominations/${d.id}/review`,
        body: (d) => ({ decision: 'accept', comment: null, version: stale(d) }),
      },
    ],
  },
  {
    name: 'cadre',
    table: 'cadres',
    groupBy: ['unitId', 'userId'],
    detail: (id) => `/api/cadres/${id}`,
    probes: [
      {
        key: 'update',
        method: 'PUT',
        url: (d) => `/api/cadres/${d.id}`,
        body: (d) => ({ ...cadreInput(d.unitId as string), version: stale(d) }),
      },
      del('/api/cadres'),
      {
        key: 'photo',
        method: 'PUT',
        url: (d) => `/api/cadres/${d.id}/photo`,
        body: () => Buffer.from('not an image'),
        headers: { 'content-type': 'image/jpeg' },
      },
      {
        key: 'linkAccount',
        method: 'PUT',
        url: (d) => `/api/cadres/${d.id}/account`,
        body: (d) => ({ username: null, version: stale(d) }),
      },
      { key: 'viewFull', method: 'GET', url: (d) => `/api/cadres/${d.id}/personal` },
    ],
  },
  {
    name: 'posting',
    table: 'postings',
    groupBy: ['id'],
    detail: (id) => `/api/postings/${id}`,
    probes: [
      postingMove('handover', (d) => ({
        ...moveBase(d),
        duties: [{ kind: 'assist', area: '招商引资' }],
        dutiesText: null,
      })),
      postingMove('extend', (d) => ({ ...moveBase(d), endDate: '2028-12-31', requestedBy: 'org_dept' })),
      postingMove('end', moveBase),
      postingMove('return', moveBase),
      postingMove('recall', (d) => ({
        ...moveBase(d),
        consultedOn: '2026-11-30',
        consultedWith: '派出单位',
        consultation: '同意召回',
      })),
      postingMove('terminate', moveBase),
    ],
  },
];

const SAMPLE = 5;
const READ_ONLY = text('scope.readOnlyRecord');
/** What a probe sends for a record the caller cannot read (it only knows the id). */
const UNSEEN = (id: string): Detail => ({
  id,
  version: 1,
  actions: [],
  status: 'active',
  quotas: [],
  unitId: id,
});

let t: TestApp;
const callers: { name: string; cookie: string }[] = [];
const samples = new Map<string, string[]>();

/** Signs in as a demo account: a known password, no forced change, a second factor for the administrators. */
async function demoCaller(username: string): Promise<string> {
  const user = await findUserByUsername(t.ctx.db, username);
  if (!user) throw new Error(`no demo account ${username}`);
  const admin = ['admin', 'secadmin', 'auditor'].includes(username);
  const totpSecret = admin ? new Secret({ size: 20 }).base32 : null;
  const now = t.ctx.clock.now().toISOString();
  await t.ctx.db
    .updateTable('users')
    .set({
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: 0,
      ...(totpSecret
        ? { totpSecretEnc: t.ctx.cipher.encrypt(totpSecret, 'users.totp_secret'), totpEnabledAt: now }
        : {}),
    })
    .where('id', '=', user.id)
    .execute();
  const account: TestAccount = { id: user.id, username, password: TEST_PASSWORD, totpSecret };
  return login(t.app, account);
}

async function sample(kind: Kind): Promise<string[]> {
  // biome-ignore lint/suspicious/noExplicitAny: any of the tables, by the kind's column names
  const rows = (await (t.ctx.db as any)
    .selectFrom(kind.table)
    .select(['id', ...kind.groupBy])
    .orderBy('id')
    .execute()) as Record<string, unknown>[];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of rows) {
    const group = kind.groupBy.map((c) => String(row[c])).join('|');
    if (seen.has(group)) continue;
    seen.add(group);
    out.push(row.id as string);
    if (out.length === SAMPLE) break;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedDemo(t.ctx);
  for (const a of seeded) callers.push({ name: a.username, cookie: await demoCaller(a.username) });
  // one account, two roles in different places: the 黔东南 组织部 and a 苏州 sending unit's liaison
  const zzb = await findUserByUsername(t.ctx.db, 'zzb');
  const suzhouUnit = await t.ctx.db
    .selectFrom('units')
    .select('id')
    .where('regionCode', 'like', '3205%')
    .where('id', 'in', (eb) => eb.selectFrom('nominations').select('unitId'))
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const twoRoles = await createAccount(t.ctx, {
    grants: [
      ...(await grantsOf(t.ctx.db, zzb?.id as string)),
      { role: 'sending_liaison', regionCode: null, unitId: suzhouUnit.id, programmeIds: null },
    ],
  });
  callers.push({ name: '组织部+苏州联络员', cookie: await login(t.app, twoRoles) });
  for (const kind of KINDS) samples.set(kind.name, await sample(kind));
}, 120_000);
afterAll(() => t?.close());

const call = (cookie: string, probe: Probe, d: Detail) => {
  const body = probe.body?.(d);
  return t.app.inject({
    method: probe.method,
    url: probe.url(d),
    headers: { cookie, ...probe.headers },
    ...(body === undefined ? {} : Buffer.isBuffer(body) ? { body } : { payload: body as object }),
  });
};

describe('the actions a detail answer lists are exactly the writes the caller may make', () => {
  it.each(KINDS.map((k) => [k.name, k] as const))(
    '%s',
    async (_name, kind) => {
      const ids = samples.get(kind.name) ?? [];
      expect(ids.length).toBeGreaterThan(0);
      const failures: string[] = [];
      let listed = 0;
      let refused = 0;
      let unreadable = 0;
      for (const caller of callers) {
        for (const id of ids) {
          const res = await t.app.inject({
            method: 'GET',
            url: kind.detail(id),
            headers: { cookie: caller.cookie },
          });
          if (res.statusCode !== 200) {
            if (![403, 404].includes(res.statusCode))
              failures.push(`${caller.name} GET ${id}: ${res.statusCode}`);
            unreadable += 1;
            // nothing outside the caller's reading says "you may read this"
            for (const probe of kind.probes) {
              const w = await call(caller.cookie, probe, UNSEEN(id));
              if (w.statusCode === 403 && w.json().message === READ_ONLY)
                failures.push(`${caller.name} ${probe.key} on unreadable ${kind.name} ${id}: says read-only`);
              if (w.statusCode < 400)
                failures.push(`${caller.name} ${probe.key} on unreadable ${id}: ${w.statusCode}`);
            }
            continue;
          }
          const d = res.json() as Detail;
          expect(Array.isArray(d.actions), `${kind.name} detail carries actions`).toBe(true);
          for (const probe of kind.probes) {
            const w = await call(caller.cookie, probe, d);
            const label = `${caller.name} ${probe.key} on ${kind.name} ${id}`;
            if (d.actions.includes(probe.key)) {
              listed += 1;
              if (w.statusCode === 403 || w.statusCode === 404)
                failures.push(`${label}: listed, answered ${w.statusCode} ${w.body}`);
              else if (w.statusCode < 400 && probe.method !== 'GET')
                failures.push(`${label}: the probe changed something (${w.statusCode})`);
            } else {
              refused += 1;
              const ok = w.statusCode === 403 || (w.statusCode === 409 && probe.statusBound?.(d));
              if (!ok) failures.push(`${label}: not listed, answered ${w.statusCode} ${w.body}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      // the matrix covered both sides
      expect(listed).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
      console.info(
        `${kind.name}: ${ids.length} records × ${callers.length} callers — ${listed} listed, ${refused} refused, ${unreadable} unreadable`,
      );
    },
    120_000,
  );
});

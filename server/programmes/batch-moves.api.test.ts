import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_MOVES } from '../../common/programmes/batch-moves.js';
import {
  BATCH_STATUSES,
  type Batch,
  type BatchStatus,
  type Programme,
} from '../../common/programmes/programmes.schema.js';
import { canMove } from '../../common/status/status-moves.js';
import { createAccount, createTestApp, login, type TestApp } from '../../test/helpers.js';
import { systemActor } from '../core/context.js';
import * as statusHistory from '../migrations/20261127110000_status_history.js';
import { batchMachine } from './batches.machine.js';

// Runs on SQLite and, in the PostgreSQL pass, on PostgreSQL.

let t: TestApp;
let qdn: string;
let programme: Programme;

const LABEL: Record<BatchStatus, string> = {
  preparing: '筹备',
  selecting: '选派',
  on_post: '在岗',
  finished: '已结束',
};

beforeAll(async () => {
  t = await createTestApp();
  qdn = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  const res = await call('POST', '/api/programmes', {
    name: '状态机项目',
    kind: 'aid',
    regionCode: '522600',
  });
  expect(res.statusCode, res.body).toBe(201);
  programme = res.json();
});
afterAll(() => t.close());

const call = (method: 'POST' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie: qdn } });

/** A new batch, moved one allowed step at a time up to `status`. */
async function batchAt(status: BatchStatus): Promise<Batch> {
  const created = await call('POST', '/api/batches', {
    programmeId: programme.id,
    name: `批次${Math.random().toString(36).slice(2, 8)}`,
    plannedStart: '2027-01-01',
    plannedEnd: '2027-12-31',
    termMonths: 12,
  });
  expect(created.statusCode, created.body).toBe(201);
  let batch: Batch = created.json();
  for (const to of BATCH_STATUSES.slice(1, BATCH_STATUSES.indexOf(status) + 1)) {
    const res = await call('POST', `/api/batches/${batch.id}/advance`, {
      to,
      reason: '按计划推进',
      version: batch.version,
      // an empty batch whose start is far away: its warnings are seen and accepted
      acknowledgeWarnings: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json();
  }
  expect(batch.status).toBe(status);
  return batch;
}

/** Everything a move writes: the row, its history and its audit rows. */
async function stored(id: string) {
  const db = t.ctx.db;
  return {
    row: await db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    history: await db
      .selectFrom('statusHistory')
      .selectAll()
      .where('objectId', '=', id)
      .orderBy('at')
      .execute(),
    audit: await db.selectFrom('auditLog').select(['seq', 'action']).where('objectId', '=', id).execute(),
  };
}

const refused = BATCH_STATUSES.flatMap((from) =>
  BATCH_STATUSES.filter((to) => !canMove(BATCH_MOVES, from, to)).map((to) => [from, to] as const),
);

describe('batch status moves', () => {
  it('are declared one step forward each, so these are refused', () => {
    expect(
      refused.filter(([from, to]) => BATCH_STATUSES.indexOf(to) > BATCH_STATUSES.indexOf(from) + 1),
    ).toEqual([
      ['preparing', 'on_post'],
      ['preparing', 'finished'],
      ['selecting', 'finished'],
    ]);
    expect(refused).toHaveLength(BATCH_STATUSES.length ** 2 - 3);
  });

  it.each(refused)('%s → %s answers 409 in Chinese and changes nothing', async (from, to) => {
    const batch = await batchAt(from);
    const before = await stored(batch.id);
    const res = await call('POST', `/api/batches/${batch.id}/advance`, {
      to,
      reason: '试图跳过或回退',
      version: batch.version,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toEqual({
      code: 'CONFLICT',
      message: `该批次不能从当前状态“${LABEL[from]}”变更为目标状态“${LABEL[to]}”`,
      fields: [{ field: 'to', message: '批次状态只能向后推进（筹备 → 选派 → 在岗 → 已结束）' }],
    });
    expect(await stored(batch.id)).toEqual(before);
    expect((await call('GET', `/api/batches/${batch.id}`)).json()).toEqual(batch);
  });

  it('each allowed move records who, when, why and the history row with the audit row', async () => {
    const batch = await batchAt('selecting');
    const { row, history, audit } = await stored(batch.id);
    expect(row).toMatchObject({ status: 'selecting', version: 2 });
    expect(history).toEqual([
      {
        id: expect.any(String),
        objectType: 'batch',
        objectId: batch.id,
        seq: 1,
        fromStatus: 'preparing',
        toStatus: 'selecting',
        reason: '按计划推进',
        at: row.updatedAt,
        actorId: row.updatedBy,
      },
    ]);
    expect(audit.map((a) => a.action)).toEqual(['batches.create', 'batches.advance']);
    // the batches' own log stays readable, as a view over their history rows
    const log = await t.ctx.db
      .selectFrom('batchStatusLog')
      .selectAll()
      .where('batchId', '=', batch.id)
      .execute();
    expect(log).toEqual([
      {
        id: history[0]?.id,
        batchId: batch.id,
        fromStatus: 'preparing',
        toStatus: 'selecting',
        reason: '按计划推进',
        at: row.updatedAt,
        actorId: row.updatedBy,
      },
    ]);
  });

  it('a move is part of the caller transaction: rolled back with it, nothing stays', async () => {
    const batch = await batchAt('preparing');
    const before = await stored(batch.id);
    const actor = systemActor(null, 'test');
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('batches')
          .selectAll()
          .where('id', '=', batch.id)
          .executeTakeFirstOrThrow();
        await batchMachine.move({ ...t.ctx, db: trx }, actor, {
          row,
          version: row.version,
          to: 'selecting',
          action: 'batches.advance',
          reason: '随后回滚',
        });
        expect(
          await trx.selectFrom('statusHistory').selectAll().where('objectId', '=', batch.id).execute(),
        ).toHaveLength(1);
        throw new Error('caller fails after the move');
      }),
    ).rejects.toThrow('caller fails after the move');
    expect(await stored(batch.id)).toEqual(before);
  });

  it('the migration moves the batch log into the history and back, in order', async () => {
    const batch = await batchAt('preparing');
    for (const [to, version] of [
      ['selecting', 1],
      ['on_post', 2],
    ] as const) {
      t.clock.advance(1000);
      await call('POST', `/api/batches/${batch.id}/advance`, {
        to,
        reason: '按计划推进',
        version,
        acknowledgeWarnings: true,
      });
    }
    const before = await stored(batch.id);
    expect(before.history.map((h) => [h.seq, h.toStatus])).toEqual([
      [1, 'selecting'],
      [2, 'on_post'],
    ]);
    await t.ctx.db.transaction().execute(async (trx) => {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
      const raw = trx.withoutPlugins() as unknown as Kysely<any>;
      await statusHistory.down(raw);
      const log = await raw
        .selectFrom('batch_status_log')
        .selectAll()
        .where('batch_id', '=', batch.id)
        .execute();
      expect(log.map((r) => r.to_status).sort()).toEqual(['on_post', 'selecting']);
      await statusHistory.up(raw);
    });
    expect(await stored(batch.id)).toEqual(before);
  });

  it('a stale version is answered VERSION_CONFLICT before the move is checked', async () => {
    const batch = await batchAt('selecting');
    const res = await call('POST', `/api/batches/${batch.id}/advance`, {
      to: 'finished',
      reason: '旧版本',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('VERSION_CONFLICT');
  });
});

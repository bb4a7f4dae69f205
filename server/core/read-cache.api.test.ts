import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { WATCHED } from '../migrations/20261125110000_change_counters.js';
import { ReadCache } from './read-cache.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app, await createAccount(t.ctx, { roles: ['org_dept'] }));
});
afterAll(() => t.close());

const counters = async () =>
  new Map(
    (await t.ctx.db.selectFrom('changeCounters').selectAll().execute()).map((r) => [
      r.name,
      Number(r.version),
    ]),
  );
const call = (method: 'GET' | 'POST', url: string, payload?: object, c = cookie) =>
  t.app.inject({ method, url, payload, headers: { cookie: c } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('change counters', () => {
  it('watch the tables the cached reads come from', () => {
    expect(WATCHED.registry).toEqual(['cadres', 'units', 'regions', 'cadre_expertise', 'nominations']);
    expect(WATCHED.access).toEqual(['sessions', 'users', 'user_roles']);
  });

  it('move with every insert, update and delete in a watched table, and only then', async () => {
    const before = await counters();
    const res = await call('POST', '/api/units', unitInput({ name: '计数测试单位' }));
    expect(res.statusCode, res.body).toBe(201);
    const unitId = (res.json() as { id: string }).id;
    const afterInsert = await counters();
    expect(afterInsert.get('registry')).toBeGreaterThan(before.get('registry') as number);

    await t.ctx.db.updateTable('units').set({ contactName: '改' }).where('id', '=', unitId).execute();
    const afterUpdate = await counters();
    expect(afterUpdate.get('registry')).toBeGreaterThan(afterInsert.get('registry') as number);

    await t.ctx.db.deleteFrom('units').where('id', '=', unitId).execute();
    const afterDelete = await counters();
    expect(afterDelete.get('registry')).toBeGreaterThan(afterUpdate.get('registry') as number);
    expect(afterDelete.get('access')).toBe(afterInsert.get('access')); // no account was touched

    // a login writes a session: the access counter moves
    await login(t.app, await createAccount(t.ctx, { roles: ['org_dept'] }));
    expect((await counters()).get('access')).toBeGreaterThan(afterDelete.get('access') as number);
  });

  it('do not move when a write rolls back', async () => {
    const unit = (await call('POST', '/api/units', unitInput({ name: '回滚测试单位' }))).json() as {
      id: string;
    };
    const before = await counters();
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        const written = await trx
          .updateTable('units')
          .set({ contactName: '回滚' })
          .where('id', '=', unit.id)
          .executeTakeFirst();
        expect(Number(written.numUpdatedRows)).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await counters()).toEqual(before);
  });
});

describe('ReadCache', () => {
  /** A write in a watched table, as another instance would make it. */
  let write: (note: string) => Promise<unknown>;
  beforeAll(async () => {
    const unit = (await call('POST', '/api/units', unitInput({ name: '读缓存测试单位' }))).json() as {
      id: string;
    };
    write = (note) =>
      t.ctx.db.updateTable('units').set({ contactName: note }).where('id', '=', unit.id).execute();
  });

  it('serves an answer until its counter moves, trusting a reading of the counters for maxAgeMs', async () => {
    let now = 0;
    const cache = new ReadCache({ maxAgeMs: 100, now: () => now });
    let loads = 0;
    const read = () => cache.get(t.ctx.db, 'registry', 'k', async () => ++loads);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);

    // another instance writes: not seen while the reading is fresh, seen once it is old
    await write('别的实例');
    now = 99;
    expect(await read()).toBe(1);
    now = 100;
    expect(await read()).toBe(2);

    // this instance writes: invalidate() makes the next use read the counters again
    await write('本实例');
    cache.invalidate();
    expect(await read()).toBe(3);
    // nothing moved: no reload even with a fresh reading
    cache.invalidate();
    expect(await read()).toBe(3);
  });

  it('never keeps an answer loaded while a write committed', async () => {
    const cache = new ReadCache({ maxAgeMs: 0 });
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (loads === 1) await write('加载时写入');
      return loads;
    };
    expect(await cache.get(t.ctx.db, 'registry', 'k', load)).toBe(1);
    // stored under the counter read before loading, which has moved since: loaded again
    expect(await cache.get(t.ctx.db, 'registry', 'k', load)).toBe(2);
    expect(await cache.get(t.ctx.db, 'registry', 'k', load)).toBe(2);
  });
});

describe('cached reads through the API', () => {
  it('a caller reads its own writes at once', async () => {
    const unit = (await call('POST', '/api/units', unitInput({ name: '缓存测试单位' }))).json() as {
      id: string;
    };
    const list = async () =>
      (await call('GET', `/api/cadres?unitId=${unit.id}`)).json() as { total: number; items: unknown[] };
    expect((await list()).total).toBe(0);
    const created = await call('POST', '/api/cadres', cadreInput(unit.id, { name: '缓存甲' }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await list()).total).toBe(1);
  });

  it('a role taken away elsewhere stops working within the counters’ reading age', async () => {
    const account = await createAccount(t.ctx, { roles: ['org_dept'] });
    const own = await login(t.app, account);
    expect((await call('GET', '/api/cadres', undefined, own)).statusCode).toBe(200);
    // another instance (or the command line) removes the role
    await t.ctx.db.deleteFrom('userRoles').where('userId', '=', account.id).execute();
    await sleep(150); // > the default maxAgeMs (100)
    expect((await call('GET', '/api/cadres', undefined, own)).statusCode).toBe(403);
  });

  it('an unknown session token is refused however often it is tried', async () => {
    const fake = `guazhi_session=${randomUUID().replaceAll('-', '')}`;
    for (let i = 0; i < 3; i++)
      expect((await call('GET', '/api/cadres', undefined, fake)).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zUnitInput } from '../../common/units/units.schema.js';
import { createAccount, createTestApp, login, type TestApp, unitInput } from '../../test/helpers.js';
import { systemActor } from '../core/context.js';
import * as units from '../units/units.service.js';

// Issue 11 line 5: the post levels a unit may ask for follow its kind and region tier
// (a configurable table), and the list starts from the most common level.
let t: TestApp;
let admin: string;
let org: string;
let manager: string;
let otherManager: string;
let bureauManager: string;
let batchId: string;
let town: string;
let bureau: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | null, payload?: object) =>
  t.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  t = await createTestApp();
  const seed = systemActor(null, 't');
  town = (
    await units.create(
      t.ctx,
      seed,
      zUnitInput.parse(unitInput({ name: '台江县清溪镇人民政府', kind: 'township', regionCode: '522630' })),
    )
  ).id;
  bureau = (
    await units.create(
      t.ctx,
      seed,
      zUnitInput.parse(unitInput({ name: '黔东南州商务局', kind: 'party_government', regionCode: '522600' })),
    )
  ).id;
  const far = (
    await units.create(t.ctx, seed, zUnitInput.parse(unitInput({ name: '苏州市某局', regionCode: '320500' })))
  ).id;
  admin = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'system_admin', regionCode: null, unitId: null, programmeIds: null }],
    }),
  );
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  manager = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'receiving_manager', regionCode: null, unitId: town, programmeIds: null }],
    }),
  );
  bureauManager = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'receiving_manager', regionCode: null, unitId: bureau, programmeIds: null }],
    }),
  );
  otherManager = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'receiving_manager', regionCode: null, unitId: far, programmeIds: null }],
    }),
  );
  const programme = await call('POST', '/api/programmes', org, {
    name: '层级测试项目',
    kind: 'cross_region',
    regionCode: '522600',
  });
  batchId = (
    await call('POST', '/api/batches', org, {
      programmeId: programme.json().id,
      name: '第一批',
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-29',
      termMonths: 12,
      quotas: [{ regionCode: '522630', quota: 3 }],
    })
  ).json().id;
});
afterAll(() => t.close());

const postAt = (unitId: string, level: string) =>
  call('POST', '/api/posts', unitId === bureau ? bureauManager : manager, {
    batchId,
    unitId,
    title: `挂职岗位${level}`,
    level,
    duties: [{ kind: 'assist', area: '招商引资' }],
    headcount: 1,
  });

describe('post levels by unit kind and region tier', () => {
  it('a township offers 副乡科级 first and no 县处级 or 厅局级 level; a prefecture bureau offers 县处级 first', async () => {
    const townLevels = await call('GET', `/api/units/${town}/post-levels`, manager);
    expect(townLevels.statusCode).toBe(200);
    expect(townLevels.json()).toEqual({
      unitId: town,
      unitKind: 'township',
      regionTier: 'county',
      levels: ['section_deputy', 'section_chief', 'other'],
    });
    const bureauLevels = (await call('GET', `/api/units/${bureau}/post-levels`, org)).json();
    expect(bureauLevels.regionTier).toBe('city');
    expect(bureauLevels.levels[0]).toBe('division_deputy');
    expect(bureauLevels.levels).toContain('bureau_deputy');
    expect(bureauLevels.levels).not.toContain('bureau_chief');
  });

  it('refuses a 正厅局级 post at a township, naming the field, the unit and what it may ask for; nothing is stored', async () => {
    const res = await postAt(town, 'bureau_chief');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      {
        field: 'level',
        message:
          '台江县清溪镇人民政府（乡镇街道，位于县级区划）不能申请正厅局级岗位，可申请：副乡科级、正乡科级、其他',
      },
    ]);
    const stored = await t.ctx.db
      .selectFrom('postRequests')
      .select('id')
      .where('unitId', '=', town)
      .execute();
    expect(stored).toHaveLength(0);
    expect((await postAt(town, 'section_deputy')).statusCode).toBe(201);
    expect((await postAt(bureau, 'division_chief')).statusCode).toBe(201);
  });

  it('an update to a level the unit may not ask for is refused the same way', async () => {
    const post = (await postAt(town, 'section_chief')).json();
    const res = await call('PUT', `/api/posts/${post.id}`, manager, {
      title: post.title,
      level: 'division_deputy',
      duties: post.duties,
      expertise: [],
      headcount: 1,
      notes: null,
      version: post.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('level');
    expect(res.json().fields[0].message).toContain('不能申请副县处级岗位');
  });

  it('the system administrator changes a cell (audited), the unit follows it, and a reset goes back to the default', async () => {
    const before = (await call('GET', '/api/post-levels', admin)).json();
    expect(before.rules).toHaveLength(9 * 4);
    const cell = before.rules.find(
      (r: { unitKind: string; regionTier: string }) => r.unitKind === 'township' && r.regionTier === 'county',
    );
    expect(cell).toMatchObject({ levels: ['section_deputy', 'section_chief', 'other'], isDefault: true });

    const changed = await call('PUT', '/api/post-levels/township/county', admin, {
      levels: ['section_chief', 'division_deputy'],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(
      changed
        .json()
        .rules.find(
          (r: { unitKind: string; regionTier: string }) =>
            r.unitKind === 'township' && r.regionTier === 'county',
        ),
    ).toMatchObject({ levels: ['section_chief', 'division_deputy'], isDefault: false });
    expect((await call('GET', `/api/units/${town}/post-levels`, manager)).json().levels).toEqual([
      'section_chief',
      'division_deputy',
    ]);
    expect((await postAt(town, 'division_deputy')).statusCode).toBe(201);
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId', 'diff'])
      .where('action', '=', 'postLevels.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.objectId).toBe('township/county');
    expect(JSON.parse(audit[0]?.diff as string)).toMatchObject({
      levels: {
        from: ['section_deputy', 'section_chief', 'other'],
        to: ['section_chief', 'division_deputy'],
      },
    });

    const reset = await call('PUT', '/api/post-levels/township/county', admin, { levels: null });
    expect(reset.statusCode).toBe(200);
    expect((await call('GET', `/api/units/${town}/post-levels`, manager)).json().levels[0]).toBe(
      'section_deputy',
    );
  });

  it('refuses an empty or repeated list and an unknown kind, naming the field', async () => {
    const empty = await call('PUT', '/api/post-levels/township/county', admin, { levels: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('levels');
    const twice = await call('PUT', '/api/post-levels/township/county', admin, {
      levels: ['other', 'other'],
    });
    expect(twice.statusCode).toBe(400);
    const unknown = await call('PUT', '/api/post-levels/castle/county', admin, { levels: ['other'] });
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 401 without a session and 403 to a role that may not; a unit outside the scope is not found', async () => {
    expect((await call('GET', '/api/post-levels', null)).statusCode).toBe(401);
    expect(
      (await call('PUT', '/api/post-levels/township/county', null, { levels: ['other'] })).statusCode,
    ).toBe(401);
    expect((await call('GET', `/api/units/${town}/post-levels`, null)).statusCode).toBe(401);
    expect(
      (await call('PUT', '/api/post-levels/township/county', org, { levels: ['other'] })).statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', '/api/post-levels/township/county', manager, { levels: ['other'] })).statusCode,
    ).toBe(403);
    expect((await call('GET', `/api/units/${town}/post-levels`, otherManager)).statusCode).toBe(404);
  });
});

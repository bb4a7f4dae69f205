import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../common/nominations/eligibility.js';
import { zUnitInput } from '../../common/units/units.schema.js';
import {
  cadreInput,
  createAccount,
  createTestApp,
  login,
  type TestApp,
  unitInput,
} from '../../test/helpers.js';
import { systemActor } from '../core/context.js';
import { fictionalIdNumber } from '../demo/demo.seed.js';
import * as units from '../units/units.service.js';

let t: TestApp;
let org: string;
let liaison: string;
let unit: string;
let batchId: string;

beforeAll(async () => {
  t = await createTestApp();
  unit = (
    await units.create(t.ctx, systemActor(null, 't'), zUnitInput.parse(unitInput({ regionCode: '522630' })))
  ).id;
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  liaison = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'sending_liaison', regionCode: null, unitId: unit, programmeIds: null }],
    }),
  );
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/programmes',
    payload: { name: '推荐测试项目', kind: 'downward', regionCode: '522600' },
    headers: { cookie: org },
  });
  const b = await t.app.inject({
    method: 'POST',
    url: '/api/batches',
    payload: {
      programmeId: p.json().id,
      name: '第一批',
      plannedStart: '2027-03-01',
      plannedEnd: '2028-02-29',
      termMonths: 12,
    },
    headers: { cookie: org },
  });
  batchId = b.json().id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });
async function cadre(birth: string, seq: string, overrides = {}) {
  const idNumber = fictionalIdNumber('52', birth.replaceAll('-', ''), seq);
  const res = await call(
    'POST',
    '/api/cadres',
    liaison,
    cadreInput(unit, {
      idNumber,
      birthDate: birth,
      gender: Number(seq[2]) % 2 ? 'male' : 'female',
      ...overrides,
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('nominations', () => {
  it('computes age at the batch start', () => {
    expect(ageOn('1982-03-01', '2027-03-01')).toBe(45);
    expect(ageOn('1982-03-02', '2027-03-01')).toBe(44);
  });

  it('an eligible reserve cadre is nominated straight away', async () => {
    const c = await cadre('1988-05-05', '111', {
      reserve: true,
      rankLevel: 'division_deputy',
      education: 'master',
    });
    const check = await call('POST', '/api/nominations/check', liaison, { batchId, cadreId: c.id });
    expect(check.json()).toEqual({ eligible: true, reasons: [] });
    const res = await call('POST', '/api/nominations', liaison, { batchId, cadreId: c.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', eligible: true, reasons: [], cadreName: c.name });
    const again = await call('POST', '/api/nominations', liaison, { batchId, cadreId: c.id });
    expect(again.json().message).toBe('该干部已被推荐到本批次');
  });

  it('an ineligible cadre needs a written justification; the reasons stay with the nomination', async () => {
    const c = await cadre('1980-01-15', '131', {
      rankLevel: 'division_deputy',
      education: 'college',
      reserve: false,
    });
    const check = (await call('POST', '/api/nominations/check', liaison, { batchId, cadreId: c.id })).json();
    expect(check.eligible).toBe(false);
    expect(check.reasons.map((r: { code: string }) => r.code)).toEqual([
      'eligibility.ageOver',
      'eligibility.education',
      'eligibility.notReserve',
    ]);
    expect(check.reasons[0].message).toBe('县处级干部年龄上限 45 岁，该干部在批次开始时 47 岁');
    const refused = await call('POST', '/api/nominations', liaison, {
      batchId,
      cadreId: c.id,
      justification: '太短',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].field).toBe('justification');
    expect(refused.json().fields[0].message).toContain('县处级干部年龄上限 45 岁');
    expect(
      await t.ctx.db.selectFrom('nominations').select('id').where('cadreId', '=', c.id).execute(),
    ).toEqual([]);
    const ok = await call('POST', '/api/nominations', liaison, {
      batchId,
      cadreId: c.id,
      justification: '该同志长期从事农业技术推广，经验丰富，经党委研究同意推荐',
    });
    expect(ok.json()).toMatchObject({ eligible: false, status: 'submitted' });
    expect(ok.json().reasons).toHaveLength(3);

    const list = (await call('GET', `/api/nominations?batchId=${batchId}&eligible=false`, org)).json();
    expect(list.items.map((n: { cadreId: string }) => n.cadreId)).toEqual([c.id]);
    const noComment = await call('POST', `/api/nominations/${ok.json().id}/review`, org, {
      decision: 'refuse',
      version: 1,
    });
    expect(noComment.json().fields).toEqual([{ field: 'comment', message: '不同意时须填写意见' }]);
    const refusedByOrg = await call('POST', `/api/nominations/${ok.json().id}/review`, org, {
      decision: 'refuse',
      comment: '年龄超限，不同意',
      version: 1,
    });
    expect(refusedByOrg.json()).toMatchObject({ status: 'refused', reviewComment: '年龄超限，不同意' });
  });

  it('the liaison can withdraw and nominate again; the cadre list filters by batch and status', async () => {
    const c = await cadre('1990-09-09', '151', { reserve: true });
    const n = (await call('POST', '/api/nominations', liaison, { batchId, cadreId: c.id })).json();
    const w = await call('POST', `/api/nominations/${n.id}/withdraw`, liaison, { version: 1 });
    expect(w.json().status).toBe('withdrawn');
    const again = await call('POST', '/api/nominations', liaison, { batchId, cadreId: c.id });
    expect(again.json()).toMatchObject({ id: n.id, status: 'submitted', version: 3 });
    const submitted = (
      await call('GET', `/api/cadres?batchId=${batchId}&nominationStatus=submitted&pageSize=100`, org)
    ).json();
    expect(submitted.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const accepted = (
      await call('GET', `/api/cadres?batchId=${batchId}&nominationStatus=accepted`, org)
    ).json();
    expect(accepted.total).toBe(0);
  });

  it('the organising 组织部 reads a nominee’s file from another region, and only while nominated', async () => {
    // a sending unit in 苏州 (outside the 组织部's 黔东南) and its liaison
    const suzhou = (
      await units.create(
        t.ctx,
        systemActor(null, 't'),
        zUnitInput.parse(unitInput({ regionCode: '320506', name: '苏州协作派出单位' })),
      )
    ).id;
    const far = await login(
      t.app,
      await createAccount(t.ctx, {
        grants: [{ role: 'sending_liaison', regionCode: null, unitId: suzhou, programmeIds: null }],
      }),
    );
    const idNumber = fictionalIdNumber('32', '19890505', '171');
    const made = await call(
      'POST',
      '/api/cadres',
      far,
      cadreInput(suzhou, { idNumber, birthDate: '1989-05-05', gender: 'male', reserve: true }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect((await call('GET', `/api/cadres/${id}`, org)).statusCode).toBe(404);

    const n = (await call('POST', '/api/nominations', far, { batchId, cadreId: id })).json();
    const file = await call('GET', `/api/cadres/${id}`, org);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json().name).toBe(made.json().name);
    expect(file.body).not.toContain(idNumber); // masked, as every file read
    // reading only: the answer offers no button (issue 11 line 2), its keeper's offers them all
    expect(file.json().actions).toEqual([]);
    expect((await call('GET', `/api/cadres/${id}`, far)).json().actions).toEqual([
      'update',
      'delete',
      'photo',
      'linkAccount',
      'viewFull',
    ]);
    // and a write says it is not allowed — not that the record is missing
    const readOnly = '您可以查看这条记录，但无权修改或删除';
    const personal = await call('GET', `/api/cadres/${id}/personal`, org);
    expect([personal.statusCode, personal.json().message]).toEqual([403, readOnly]);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/cadres/${id}`,
      payload: { ...cadreInput(suzhou), version: 1 },
      headers: { cookie: org },
    });
    expect([edit.statusCode, edit.json().message]).toEqual([403, readOnly]);
    const removal = await call('DELETE', `/api/cadres/${id}?version=1`, org);
    expect([removal.statusCode, removal.json().message]).toEqual([403, readOnly]);
    expect(
      (await t.ctx.db.selectFrom('cadres').select('version').where('id', '=', id).executeTakeFirstOrThrow())
        .version,
    ).toBe(1);

    await call('POST', `/api/nominations/${n.id}/withdraw`, far, { version: n.version });
    expect((await call('GET', `/api/cadres/${id}`, org)).statusCode).toBe(404);
    // once not readable, a write reveals nothing: as if the record did not exist
    expect((await call('DELETE', `/api/cadres/${id}?version=1`, org)).statusCode).toBe(404);
  });

  it('the list finds nominations by the name, pinyin or initials of the cadre', async () => {
    const c = await cadre('1991-02-03', '171', { reserve: true, name: '欧阳明月' });
    await call('POST', '/api/nominations', liaison, { batchId, cadreId: c.id });
    for (const q of ['阳明', 'ouyangmingyue', 'OYMY']) {
      const found = (await call('GET', `/api/nominations?q=${encodeURIComponent(q)}`, org)).json();
      expect(found.items.map((n: { cadreId: string }) => n.cadreId)).toEqual([c.id]);
    }
    const none = (await call('GET', '/api/nominations?q=%25', liaison)).json();
    expect(none.total).toBe(0);
  });
});

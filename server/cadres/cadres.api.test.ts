import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CadreDetail } from '../../common/cadres/cadres.schema.js';
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
import * as units from '../units/units.service.js';
import * as cadres from './cadres.service.js';

let t: TestApp;
let org: string;
let liaison: string;
let unitA: string;
let unitB: string;
let unitSz: string;

beforeAll(async () => {
  t = await createTestApp();
  const sys = systemActor(null, 'test');
  unitA = (await units.create(t.ctx, sys, zUnitInput.parse(unitInput({ regionCode: '522630' })))).id;
  unitB = (await units.create(t.ctx, sys, zUnitInput.parse(unitInput({ regionCode: '522634' })))).id;
  unitSz = (await units.create(t.ctx, sys, zUnitInput.parse(unitInput({ regionCode: '320508' })))).id;
  org = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'org_dept', regionCode: '522600', unitId: null, programmeIds: null }],
    }),
  );
  liaison = await login(
    t.app,
    await createAccount(t.ctx, {
      grants: [{ role: 'sending_liaison', regionCode: null, unitId: unitA, programmeIds: null }],
    }),
  );
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { cookie } });
async function create(cookie: string, unitId: string, overrides = {}): Promise<CadreDetail> {
  const res = await call('POST', '/api/cadres', cookie, cadreInput(unitId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('cadre profile', () => {
  it('stores a full profile; answers mask the ID number and phone; the full view is audited', async () => {
    const input = cadreInput(unitA, {
      name: '张三',
      expertise: ['招商引资', '大数据', '自定特长'],
      relatives: [{ name: '李四', relation: 'spouse', unitName: '示例县教育局', position: '科员' }],
    });
    const res = await call('POST', '/api/cadres', liaison, input);
    expect(res.statusCode).toBe(201);
    const cadre = res.json() as CadreDetail;
    expect(cadre).toMatchObject({
      name: '张三',
      idNumber: `${(input.idNumber as string).slice(0, 3)}***********${(input.idNumber as string).slice(-4)}`,
      phone: '138****7777',
      unitId: unitA,
      expertise: ['大数据', '招商引资', '自定特长'],
      relatives: [{ name: '李四', relation: 'spouse', unitName: '示例县教育局', position: '科员' }],
      resume: [
        { fromMonth: '2010-07', toMonth: '2015-06', unitName: '示例市发展和改革委员会', position: '科员' },
      ],
      warnings: [],
    });
    expect(res.body).not.toContain(input.idNumber as string);
    const row = await t.ctx.db
      .selectFrom('cadres')
      .selectAll()
      .where('id', '=', cadre.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(input.idNumber as string);
    const full = await call('GET', `/api/cadres/${cadre.id}/personal`, liaison);
    expect(full.json()).toEqual({ idNumber: input.idNumber, phone: '13800007777' });
    const audit = await t.ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'cadres.viewFull')
      .where('objectId', '=', cadre.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('checks birth date and gender against the ID number, and the check digit', async () => {
    const base = cadreInput(unitA);
    const date = await call('POST', '/api/cadres', liaison, { ...base, birthDate: '1970-01-01' });
    expect(date.json().fields).toEqual([{ field: 'birthDate', message: '出生日期与身份证号不一致' }]);
    const gender = await call('POST', '/api/cadres', liaison, {
      ...base,
      gender: base.gender === 'male' ? 'female' : 'male',
    });
    expect(gender.json().fields).toEqual([{ field: 'gender', message: '性别与身份证号不一致' }]);
    const id = base.idNumber as string;
    const digit = await call('POST', '/api/cadres', liaison, {
      ...base,
      idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1'),
    });
    expect(digit.json().fields).toEqual([{ field: 'idNumber', message: '身份证号校验位不正确' }]);
    await create(liaison, unitA, { idNumber: id, birthDate: base.birthDate, gender: base.gender });
    const dup = await call(
      'POST',
      '/api/cadres',
      liaison,
      cadreInput(unitA, { idNumber: id, birthDate: base.birthDate, gender: base.gender }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toEqual([{ field: 'idNumber', message: '该身份证号的干部已在名册中' }]);
  });

  it('warns about overlapping résumé periods and refuses a period that ends before it starts', async () => {
    const cadre = await create(liaison, unitA, {
      resume: [
        { fromMonth: '2008-07', toMonth: '2012-06', unitName: '示例县政府办公室', position: '科员' },
        { fromMonth: '2012-01', toMonth: null, unitName: '示例县发展改革局', position: '副局长' },
      ],
    });
    expect(cadre.warnings).toEqual([
      { code: 'resume.overlap', message: '第 1 条与第 2 条履历的时间重叠，请核对' },
    ]);
    const bad = await call(
      'POST',
      '/api/cadres',
      liaison,
      cadreInput(unitA, {
        resume: [{ fromMonth: '2012-01', toMonth: '2011-01', unitName: '示例单位', position: 'x' }],
      }),
    );
    expect(bad.json().fields).toEqual([{ field: 'resume.0.toMonth', message: '截止年月早于起始年月' }]);
  });

  it('a liaison keeps cadres of its own unit only', async () => {
    const res = await call('POST', '/api/cadres', liaison, cadreInput(unitB));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: 'unitId', message: '该单位不在您的管辖范围内' }]);
    const other = await create(org, unitB);
    expect((await call('GET', `/api/cadres/${other.id}`, liaison)).statusCode).toBe(404);
    expect((await call('GET', `/api/cadres/${other.id}`, org)).statusCode).toBe(200);
    expect((await call('POST', '/api/cadres', org, cadreInput(unitSz))).json().fields[0].field).toBe(
      'unitId',
    );
  });

  it('updates keep the ID number when it is not sent; a stale copy gets 409', async () => {
    const cadre = await create(liaison, unitA);
    const {
      idNumber: _omit,
      phone: _phone,
      ...rest
    } = cadreInput(unitA, { name: cadre.name, birthDate: cadre.birthDate, gender: cadre.gender });
    const res = await call('PUT', `/api/cadres/${cadre.id}`, liaison, {
      ...rest,
      position: '处长',
      rankLevel: 'division_chief',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      position: '处长',
      rankLevel: 'division_chief',
      version: 2,
      idNumber: cadre.idNumber,
      phone: '138****7777',
    });
    const stale = await call('PUT', `/api/cadres/${cadre.id}`, liaison, { ...rest, version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('deletes a cadre with résumé, relatives and expertise', async () => {
    const cadre = await create(liaison, unitA, {
      relatives: [{ name: '王五', relation: 'child', unitName: '示例中学' }],
    });
    expect((await call('DELETE', `/api/cadres/${cadre.id}?version=1`, liaison)).statusCode).toBe(200);
    for (const table of ['cadreResume', 'cadreRelatives', 'cadreExpertise'] as const) {
      expect(
        await t.ctx.db.selectFrom(table).select('cadreId').where('cadreId', '=', cadre.id).execute(),
      ).toEqual([]);
    }
  });

  it('accepts a photo only if its bytes decode as an image, up to 2 MB, and keeps it re-encoded', async () => {
    const cadre = await create(liaison, unitA);
    const put = (payload: Buffer, type: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/cadres/${cadre.id}/photo`,
        payload,
        headers: { cookie: liaison, 'content-type': type },
      });
    const stored = async () => {
      const got = await call('GET', `/api/cadres/${cadre.id}/photo`, liaison);
      expect(got.headers['content-type']).toBe('image/jpeg');
      return got.rawPayload;
    };
    const pixels = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: { r: 40, g: 160, b: 90 } } });

    // a JPEG carrying EXIF (a GPS position among it), larger than the cap: stored smaller, without it
    const jpeg = await pixels(1600, 1200)
      .withExif({ IFD0: { Artist: 'test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '26/1 34/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect(jpeg.includes(Buffer.from('Exif'))).toBe(true);
    expect((await put(jpeg, 'image/jpeg')).statusCode).toBe(200);
    let kept = await stored();
    expect(kept.includes(Buffer.from('Exif'))).toBe(false);
    expect(await sharp(kept).metadata()).toMatchObject({ format: 'jpeg', width: 1024, height: 768 });
    expect((await sharp(kept).metadata()).exif).toBeUndefined();

    // a small PNG with transparency: stored as a JPEG of the same size
    const png = await sharp({
      create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect((await put(png, 'image/png')).statusCode).toBe(200);
    kept = await stored();
    expect(await sharp(kept).metadata()).toMatchObject({ format: 'jpeg', width: 40, height: 30 });

    // a PNG header followed by HTML: refused, the stored photo unchanged
    const polyglot = Buffer.concat([
      png.subarray(0, 33),
      Buffer.from('<html><script>alert(1)</script></html>'),
    ]);
    const refused = await put(polyglot, 'image/png');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([
      { field: 'photo', message: '照片无法解码，请上传完整的 JPEG、PNG 或 WebP 图片' },
    ]);
    expect((await stored()).equals(kept)).toBe(true);
    const fake = await put(Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(fake.json().fields).toEqual([{ field: 'photo', message: '照片须为 JPEG、PNG 或 WebP 图片' }]);

    // over the limit: 413 stating the real limit (the body limit and the service say the same)
    const over = await put(Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({
      message: '照片不能超过 2 MB',
      fields: [{ field: 'photo', message: '照片不能超过 2 MB' }],
    });
    await expect(
      cadres.putPhoto(
        t.ctx,
        systemActor(null, 'test'),
        cadre.id,
        Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]),
      ),
    ).rejects.toMatchObject({ status: 413, message: '照片不能超过 2 MB' });
  });
});

describe('cadre list', () => {
  it('finds by 汉字, full pinyin and initials; filters by unit, region, rank, expertise, reserve', async () => {
    const zs = await create(org, unitB, {
      name: '张三丰',
      rankLevel: 'section_chief',
      expertise: ['乡村治理'],
      reserve: true,
    });
    const list = async (q: string) => (await call('GET', `/api/cadres?${q}`, org)).json();
    expect((await list('q=zsf')).items.map((c: CadreDetail) => c.id)).toEqual([zs.id]);
    expect((await list('q=zhangsanf')).items.map((c: CadreDetail) => c.id)).toEqual([zs.id]);
    expect((await list(`q=${encodeURIComponent('三丰')}`)).items.map((c: CadreDetail) => c.id)).toEqual([
      zs.id,
    ]);
    expect(
      (await list(`unitId=${unitB}&rankLevel=section_chief`)).items.map((c: CadreDetail) => c.id),
    ).toContain(zs.id);
    expect(
      (await list(`expertise=${encodeURIComponent('乡村治理')}`)).items.map((c: CadreDetail) => c.id),
    ).toEqual([zs.id]);
    expect((await list('reserve=true')).items.every((c: CadreDetail) => c.reserve)).toBe(true);
    expect((await list('regionCode=522634')).items.every((c: CadreDetail) => c.unitId === unitB)).toBe(true);
    const page = await list('pageSize=2&sort=name');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.items[0].idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    const liaisonView = (await call('GET', '/api/cadres?pageSize=100', liaison)).json();
    expect(liaisonView.items.every((c: CadreDetail) => c.unitId === unitA)).toBe(true);
  });

  it('offers the expertise vocabulary', async () => {
    const res = await call('GET', '/api/expertise', org);
    expect(res.json().items).toContainEqual({ tag: '招商引资', category: '经济管理' });
  });
});

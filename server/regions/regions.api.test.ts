import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Region } from '../../common/regions/regions.schema.js';
import { createAccount, createTestApp, login, type TestApp } from '../../test/helpers.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await login(t.app, (await createAccount(t.ctx)).username);
});
afterAll(() => t.close());

const get = (url: string, c: string | null = cookie) =>
  t.app.inject({ method: 'GET', url, headers: c ? { cookie: c } : {} });

describe('regions (GB/T 2260)', () => {
  it('lists the provinces', async () => {
    const items = (await get('/api/regions')).json().items as Region[];
    expect(items.length).toBeGreaterThanOrEqual(31);
    expect(items).toContainEqual({
      code: '110000',
      name: '北京市',
      level: 1,
      parentCode: null,
      hasChildren: true,
    });
    expect(items.find((r) => r.code === '520000')?.name).toBe('贵州省');
  });

  it('goes down province → city → county → township', async () => {
    const cities = (await get('/api/regions?parentCode=520000')).json().items as Region[];
    expect(cities.find((r) => r.code === '522600')).toMatchObject({ name: '黔东南苗族侗族自治州', level: 2 });
    const counties = (await get('/api/regions?parentCode=522600')).json().items as Region[];
    expect(counties.find((r) => r.code === '522630')).toMatchObject({
      name: '台江县',
      level: 3,
      hasChildren: true,
    });
    const towns = (await get('/api/regions?parentCode=522630')).json().items as Region[];
    expect(towns.length).toBeGreaterThan(3);
    expect(towns.every((r) => r.level === 4 && /^522630\d{3}$/.test(r.code) && !r.hasChildren)).toBe(true);
  });

  it('hangs municipal districts directly under the municipality', async () => {
    const districts = (await get('/api/regions?parentCode=110000')).json().items as Region[];
    expect(districts.find((r) => r.code === '110101')).toMatchObject({ name: '东城区', level: 3 });
  });

  it('gives a region with its path from the province', async () => {
    const body = (await get('/api/regions/522630')).json();
    expect(body.path.map((r: Region) => r.name)).toEqual(['贵州省', '黔东南苗族侗族自治州', '台江县']);
  });

  it('answers 404 for an unknown code, 400 for a malformed one, 401 without a session', async () => {
    expect((await get('/api/regions/999999')).statusCode).toBe(404);
    expect((await get('/api/regions?parentCode=999999')).statusCode).toBe(404);
    const bad = await get('/api/regions/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].message).toBe('行政区划代码须为 6 位或 9 位数字');
    expect((await get('/api/regions', null)).statusCode).toBe(401);
    expect((await get('/api/regions/522630', null)).statusCode).toBe(401);
  });
});

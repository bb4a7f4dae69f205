import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, login, type TestApp } from '../../test/helpers.js';

let t: TestApp;
let cookie: string;
const webDir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-web-'));
writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><title>挂职干部管理平台</title><div id="root"></div>',
);

// a hashed asset with the build's precompressed twins (web/vite.config.ts `precompress`)
const ASSET = `export const app = ${JSON.stringify('挂职'.repeat(2000))};`;
mkdirSync(path.join(webDir, 'assets'));
writeFileSync(path.join(webDir, 'assets', 'index-Ab12_Cd3.js'), ASSET);
writeFileSync(path.join(webDir, 'assets', 'index-Ab12_Cd3.js.br'), brotliCompressSync(ASSET));
writeFileSync(path.join(webDir, 'assets', 'index-Ab12_Cd3.js.gz'), gzipSync(ASSET));

beforeAll(async () => {
  t = await createTestApp({ webDir });
  cookie = await login(t.app, (await createAccount(t.ctx)).username);
});
afterAll(() => t.close());

describe('HTTP edges', () => {
  it('GET /api/health answers ok when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('malformed JSON → 400 BAD_JSON in Chinese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'BAD_JSON', message: '请求内容不是有效的 JSON' });
  });

  it('a body over 1 MB → 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { 'content-type': 'application/json', cookie },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大（上限 1 MB）' });
  });

  it('unsupported content type → 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown /api paths → 404 JSON, also for other methods', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '找不到请求的内容' });
    }
  });

  it('other unknown paths → the web app, whose router shows its own 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/units/whatever?x=1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('挂职干部管理平台');
  });

  it('hashed assets are sent precompressed (brotli, else gzip, else plain) and cached for a year', async () => {
    const url = '/assets/index-Ab12_Cd3.js';
    const br = await t.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(ASSET);
    expect(br.rawPayload.length).toBeLessThan(ASSET.length / 10);

    const gz = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(ASSET);

    const plain = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET);
  });

  it("index.html is asked again every time (no-cache), directly and as the web app's fallback", async () => {
    for (const url of ['/', '/index.html', '/cadres/123']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toContain('挂职干部管理平台');
    }
  });

  it('API responses carry a request id and no-store', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a 5xx carries only a code, a generic message and the request id: no stack, no SQL', async () => {
    const broken = await createTestApp();
    try {
      const c = await login(broken.app, (await createAccount(broken.ctx)).username);
      await sql`alter table units rename to units_gone`.execute(broken.ctx.db);
      const res = await broken.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: c } });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
      expect(body).toMatchObject({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员并提供请求编号' });
      expect(body.requestId).toBe(res.headers['x-request-id']);
      expect(res.body).not.toMatch(/units|select|stack|at \w+ \(/i);
    } finally {
      await broken.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents every registered API route from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, object>)) {
      for (const method of Object.keys(ops))
        documented.add(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const registered = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((l) => l.includes('/api/'));
    expect(registered.length).toBeGreaterThan(0);
    for (const route of [
      'GET /api/units',
      'POST /api/units',
      'PUT /api/units/:id',
      'GET /api/regions/:code',
      'POST /api/auth/login',
      'GET /api/health',
    ]) {
      expect(documented, route).toContain(route);
    }
    const listUnits = doc.paths['/api/units'].get;
    expect(listUnits.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'kind', 'regionCode', 'page', 'pageSize', 'sort']),
    );
    expect(doc.paths['/api/units'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['name', 'kind', 'regionCode']),
    );
  });

  it('serves a browsable doc page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger');
  });
});

describe('the policy table', () => {
  it('stops start-up when an /api route declares no action', async () => {
    const extra = await createTestApp();
    try {
      const { buildApp } = await import('../app.js');
      const app = await buildApp(extra.ctx, { webDir: null });
      expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declares no action/);
      await app.close();
    } finally {
      await extra.close();
    }
  });
});

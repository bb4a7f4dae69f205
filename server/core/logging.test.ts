import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl } from './logging.js';

/** A Fastify app logging through our options into memory; `lines()` gives what it wrote. */
function loggedApp() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const app = Fastify({ logger: loggerOptions('info', stream) });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { app, lines };
}

describe('logging', () => {
  it('masks secrets in objects logged by hand and keeps the request id on every line', async () => {
    const { app, lines } = loggedApp();
    app.get('/fail', async (request) => {
      request.log.error(
        {
          err: { message: 'boom', idNumber: '110101199003074514', phone: '13800138000' },
          body: { password: 'Secret#Pass1', token: 'abcdefabcdefabcdefabcdef' },
        },
        'request failed',
      );
      return { ok: true };
    });
    const res = await app.inject({
      url: '/fail?q=张三&page=2',
      headers: { cookie: 'guazhi_session=Zq9xCookieValue' },
    });
    expect(res.statusCode).toBe(200);
    const written = lines();
    const text = JSON.stringify(written);
    for (const secret of [
      '110101199003074514',
      '13800138000',
      'Secret#Pass1',
      'abcdefabcdef',
      'Zq9xCookieValue',
      '张三',
    ]) {
      expect(text.includes(secret), secret).toBe(false);
    }
    const failed = written.find((l) => l.msg === 'request failed') as Record<string, Record<string, unknown>>;
    expect(failed.err?.idNumber).toBe('***');
    expect(failed.err?.message).toBe('boom');
    expect(failed.body?.password).toBe('***');
    // every line of the request carries its id
    const ids = new Set(written.map((l) => l.reqId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    expect(text).toContain('/fail?q=***&page=2');
    await app.close();
  });

  it('masks every query value but the harmless ones', () => {
    expect(redactUrl('/api/cadres?name=张三&page=1&idNumber=110')).toBe(
      '/api/cadres?name=***&page=1&idNumber=***',
    );
    expect(redactUrl('/api/cadres')).toBe('/api/cadres');
  });
});

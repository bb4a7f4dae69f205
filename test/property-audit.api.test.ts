import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWellFormed } from '../common/http/text.js';
import { verifyChain } from '../server/audit/audit.service.js';
import { POLICY } from '../server/core/policy.js';
import { createAccount, createTestApp, login, type TestApp, unitInput } from './helpers.js';

/**
 * Issue 10: random text — lone surrogates, NUL, bidi overrides, zero-width characters, emoji,
 * combining marks — through every route that writes; afterwards the audit chain verifies, and
 * every input refused with 400 changed nothing.
 */
let t: TestApp;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['system_admin', 'security_admin', 'audit_admin', 'org_dept'] as const) {
    cookies.set(
      role,
      await login(
        t.app,
        await createAccount(t.ctx, {
          grants: [
            { role, regionCode: role === 'org_dept' ? '522600' : null, unitId: null, programmeIds: null },
          ],
        }),
      ),
    );
  }
});
afterAll(() => t.close());

const awkwardChar = fc.constantFrom(
  '\ud800',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u3000',
  '\u00a0',
  '\u0301',
  'e\u0301',
  '😀',
  '👨‍👩‍👧',
  '𠮷',
  '\n',
  '"',
  '\\',
  '台',
  '江',
  ' ',
);
const awkward = fc.oneof(
  fc.array(awkwardChar, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), awkwardChar).map(([a, b]) => `单位${a}${b}`),
  fc.string({ unit: 'grapheme', minLength: 2, maxLength: 12 }),
);

/** A digest of the data tables a refused request must leave alone. */
async function digest(): Promise<string> {
  const hash = createHash('sha256');
  for (const table of [
    'units',
    'cadres',
    'programmes',
    'batches',
    'postRequests',
    'notifications',
  ] as const) {
    hash.update(JSON.stringify(await t.ctx.db.selectFrom(table).selectAll().orderBy('id').execute()));
  }
  return hash.digest('hex');
}

describe('property: awkward text through every route that writes, then the chain verifies', () => {
  it('no 5xx; a refused input changes nothing; the audit chain verifies', async () => {
    const routes = t.app.apiRoutes.filter((r) => r.method !== 'GET' && !r.url.startsWith('/api/docs'));
    let requests = 0;
    let stored = 0;
    for (const route of routes) {
      const access = POLICY[route.action];
      const role =
        typeof access === 'object'
          ? ['system_admin', 'security_admin', 'audit_admin', 'org_dept'].find((r) => r in access)
          : 'org_dept';
      const cookie = route.action === 'auth.login' ? undefined : cookies.get(role ?? 'org_dept');
      await fc.assert(
        fc.asyncProperty(
          awkward,
          awkward,
          fc.constantFrom(
            'name',
            'displayName',
            'username',
            'contactName',
            'title',
            'description',
            'reason',
            'comment',
            'x\ud800',
          ),
          async (a, b, field) => {
            // a valid unit with one field replaced, so that accepted text reaches the database
            const body =
              route.url === '/api/units'
                ? unitInput({ name: a, contactName: b })
                : route.url === '/api/auth/login'
                  ? { username: a, password: b }
                  : { [field]: a, name: b, version: 1 };
            const before = await digest();
            const res = await t.app.inject({
              method: route.method as 'POST',
              // a URL cannot carry a lone surrogate (UTF-8 has none): the path gets its U+FFFD form
              url: route.url.replace(/:(\w+)/g, () => encodeURIComponent(toWellFormed(a))),
              payload: JSON.stringify(body),
              headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
            });
            requests += 1;
            expect(
              res.statusCode,
              `${route.method} ${route.url} ${JSON.stringify(body)} → ${res.body.slice(0, 200)}`,
            ).toBeLessThan(500);
            if (res.statusCode === 400)
              expect(await digest(), `${route.url}: refused but changed`).toBe(before);
            if (res.statusCode < 300) stored += 1;
          },
        ),
        { numRuns: route.url === '/api/units' || route.url === '/api/auth/login' ? 150 : 15, seed: 20261127 },
      );
    }
    const result = await verifyChain(t.ctx);
    console.log(
      `property (audit): ${routes.length} writing routes, ${requests} requests, ${stored} accepted; chain: ${result.ok ? 'intact' : 'BROKEN'} over ${result.checked} rows`,
    );
    expect(result).toMatchObject({ ok: true, broken: [] });
    expect(stored).toBeGreaterThan(20);
  }, 300_000);
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { Role } from '../common/auth/auth.schema.js';
import { POLICY } from '../server/core/policy.js';
import { createAccount, createTestApp, login, type TestAccount, type TestApp } from './helpers.js';

/**
 * Random and hostile input against every route: JSON bodies, query strings and path ids from
 * fast-check. Whatever comes in, no answer is a 5xx, and every 2xx matches the route's
 * declared response schema.
 */
let t: TestApp;
const accounts = new Map<Role, TestAccount>();
const ROLES_TRIED: Role[] = ['system_admin', 'security_admin', 'audit_admin', 'org_dept'];

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES_TRIED) accounts.set(role, await createAccount(t.ctx, { roles: [role] }));
});
afterAll(() => t.close());

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    "'; drop table units; --",
    '../../etc/passwd',
    '%00',
    '\u0000',
    '<script>alert(1)</script>',
    '=cmd|calc',
    'null',
    'undefined',
    '-1',
    '1e309',
    'NaN',
    '００１',
    '𠮷'.repeat(50),
    'x'.repeat(5000),
  ),
  fc.uuid().map(String),
  fc.integer().map(String),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'name',
      'kind',
      'regionCode',
      'parentId',
      'version',
      'username',
      'password',
      'grants',
      'idNumber',
      'phone',
      'code',
      '__proto__',
      'constructor',
    ),
    fc.oneof(
      hostileString,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    ),
  ),
);
const query = fc.dictionary(
  fc.constantFrom(
    'page',
    'pageSize',
    'sort',
    'order',
    'q',
    'kind',
    'regionCode',
    'active',
    'parentId',
    'parentCode',
    'version',
    'from',
    'to',
    'role',
    'x',
  ),
  hostileString,
  { maxKeys: 4 },
);

describe('property: hostile input against every route', () => {
  it('never answers 5xx; every 2xx matches its declared schema', async () => {
    const routes = t.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs'));
    let requests = 0;
    for (const route of routes) {
      const access = POLICY[route.action];
      const role =
        typeof access === 'object'
          ? ROLES_TRIED.find((r) => r in access)
          : route.action === 'auth.logout'
            ? undefined
            : 'org_dept';
      const cookie = role ? await login(t.app, accounts.get(role) as TestAccount) : undefined;
      await fc.assert(
        fc.asyncProperty(hostileString, query, jsonValue, async (param, q, body) => {
          const url =
            route.url.replace(/:(\w+)/g, () => encodeURIComponent(param)) +
            (Object.keys(q).length ? `?${new URLSearchParams(q as Record<string, string>)}` : '');
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            ...(route.method === 'GET'
              ? {}
              : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
            headers: {
              ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
              ...(cookie ? { cookie } : {}),
            },
          });
          requests += 1;
          expect(res.statusCode, `${route.method} ${url} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
            const schema = route.responses[String(res.statusCode)] as ZodType | undefined;
            if (schema) {
              const parsed = schema.safeParse(res.json());
              expect(parsed.success, `${route.method} ${url}: ${JSON.stringify(parsed.error?.issues)}`).toBe(
                true,
              );
            }
          }
        }),
        { numRuns: 60, seed: 20261121 },
      );
    }
    console.log(`property test: ${routes.length} routes, ${requests} hostile requests, no 5xx`);
    expect(requests).toBeGreaterThanOrEqual(routes.length * 60);
  }, 300_000);
});

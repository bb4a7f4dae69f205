import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zUnitInput } from '../../common/units/units.schema.js';
import { createTestApp, type TestApp, unitInput } from '../../test/helpers.js';
import * as programmes from '../programmes/programmes.service.js';
import * as units from '../units/units.service.js';
import { systemActor } from './context.js';
import { nameSearch, paged } from './search.js';

/**
 * Search texts are taken literally and matched the same way on SQLite and PostgreSQL:
 * `%`, `_`, `\` and quotes are characters, not wildcards or escapes; case does not matter.
 */

let t: TestApp;
const seeder = () => systemActor(null, 'search-test');
const tag = randomUUID().slice(0, 6);
// each name and a decoy that a wildcard (or a lost backslash) would also match
const NAMES = [
  `检索${tag}_镇`,
  `检索${tag}A镇`,
  `检索${tag}%镇`,
  `检索${tag}百分之镇`,
  `检索${tag}\\镇`,
  `检索${tag}\\\\镇`,
  `检索${tag}'镇`,
  `检索${tag}"镇`,
  `检索${tag}ABC镇`,
];
// biome-ignore lint/suspicious/noExplicitAny: the probe table exists in this test only
const db = () => t.ctx.db as any;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of NAMES) {
    await units.create(t.ctx, seeder(), zUnitInput.parse(unitInput({ name, regionCode: '522630' })));
  }
  await sql`create table search_probe (id integer primary key, label varchar(40) not null)`.execute(t.ctx.db);
  for (const [i, label] of NAMES.entries())
    await db().insertInto('searchProbe').values({ id: i, label }).execute();
}, 60_000);
afterAll(() => t.close());

const unitNames = async (q: string) =>
  (await units.list(t.ctx, seeder(), { q, page: 1, pageSize: 50, order: 'asc', sort: 'name' } as never)).items
    .map((u) => u.name)
    .sort();

describe('nameSearch', () => {
  it('takes %, _, \\ and quotes literally, on this database', async () => {
    for (const special of ['_', '%', '\\', '\\\\', "'", '"']) {
      const q = `${tag}${special}镇`;
      const expected = NAMES.filter((n) => n.includes(q)).sort();
      expect(await unitNames(q), q).toEqual(expected);
      const probe = await db()
        .selectFrom('searchProbe')
        .select('label')
        .where(nameSearch(q, { names: ['label'] }))
        .execute();
      expect(
        probe.map((r: { label: string }) => r.label),
        q,
      ).toEqual(NAMES.filter((n) => n.includes(q)));
    }
    // a lone backslash finds both names containing one, not the others
    expect((await unitNames(`${tag}\\`)).length).toBe(2);
  });

  it('ignores case and also searches pinyin keys for a latin text', async () => {
    expect(await unitNames(`${tag}abc`)).toEqual([`检索${tag}ABC镇`]);
    // 检索 → jiansuo: infix in the full pinyin key
    const byPinyin = await unitNames('jiansuo');
    expect(byPinyin.length).toBe(NAMES.length);
    await programmes.createProgramme(t.ctx, seeder(), {
      name: `互派_${tag}`,
      kind: 'exchange',
      regionCode: '522600',
      description: null,
    } as never);
    const found = await programmes.listProgrammes(t.ctx, seeder(), {
      q: `派_${tag}`,
      page: 1,
      pageSize: 20,
      order: 'asc',
      sort: 'name',
    } as never);
    expect(found.items.map((p) => p.name)).toEqual([`互派_${tag}`]);
  });

  it('paged counts every row and returns the requested page in order', async () => {
    const query = db().selectFrom('searchProbe').select(['id', 'label']);
    const first = await paged(db(), query, { page: 1, pageSize: 4 }, (q: typeof query) =>
      q.orderBy('id', 'desc'),
    );
    const third = await paged(db(), query, { page: 3, pageSize: 4 }, (q: typeof query) =>
      q.orderBy('id', 'desc'),
    );
    expect(first.total).toBe(NAMES.length);
    expect((first.rows as { id: number }[]).map((r) => r.id)).toEqual([8, 7, 6, 5]);
    expect((third.rows as { id: number }[]).map((r) => r.id)).toEqual([0]);
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zUnitInput } from '../../common/units/units.schema.js';
import { createTestApp, type TestApp, unitInput } from '../../test/helpers.js';
import * as units from '../units/units.service.js';
import { systemActor } from './context.js';
import { type Reach, reachCondition, reaches, regionCodePrefix, type Scope } from './scope.js';

/**
 * The scope module's two forms of one rule — the SQL condition for lists and the in-memory
 * check of a loaded record — agree, on random records and random scopes, on this database.
 * The probe is an object with several owners, like a posting: the cadre (an account), the
 * sending unit (region through the units table), the receiving unit (region in the row), the
 * programme's organiser (a region, limited by programme grants), a party that may only read,
 * and related rows (reached through another table, read only).
 */

const COUNTIES = ['522630', '522631', '522601', '520102', '320508', '320505'];
const PROGRAMMES = ['pg-a', 'pg-b', 'pg-c'];
const USERS = ['user-1', 'user-2', 'user-3'];

const PROBE_REACH: Reach = {
  parties: [
    { user: { column: 'sp.userId', key: 'userId' } },
    {
      unit: { column: 'sp.sendingUnit', key: 'sendingUnit' },
      region: { viaUnit: true, key: 'sendingRegion' },
    },
    {
      unit: { column: 'sp.receivingUnit', key: 'receivingUnit' },
      region: { column: 'sp.receivingRegion', key: 'receivingRegion' },
    },
    {
      region: { column: 'sp.programmeRegion', key: 'programmeRegion' },
      programme: { column: 'sp.programmeId', key: 'programmeId' },
      // the organiser does not see drafts (a post request's, until submitted)
      unless: { field: { column: 'sp.status', key: 'status' }, values: ['draft'] },
    },
    { region: { column: 'sp.watcherRegion', key: 'watcherRegion' }, readOnly: true },
  ],
  related: [
    {
      key: 'related',
      readOnly: true,
      rows: (eb) => eb.selectFrom('scopeProbeRelated as spr').whereRef('spr.probeId', '=', 'sp.id'),
      reach: {
        parties: [
          {
            region: { column: 'spr.region', key: 'region' },
            programme: { column: 'spr.programmeId', key: 'programmeId' },
          },
        ],
      },
    },
  ],
};

let t: TestApp;
const unitRegion = new Map<string, string>();
// biome-ignore lint/suspicious/noExplicitAny: the probe tables exist in this test only
const db = () => t.ctx.db as any;

beforeAll(async () => {
  t = await createTestApp();
  for (const code of COUNTIES) {
    for (let i = 0; i < 2; i++) {
      const u = await units.create(
        t.ctx,
        systemActor(null, 'scope-test'),
        zUnitInput.parse(unitInput({ name: `范围单位${randomUUID().slice(0, 8)}`, regionCode: code })),
      );
      unitRegion.set(u.id, code);
    }
  }
  await sql`create table scope_probe (id varchar(40) primary key, user_id varchar(40), sending_unit varchar(40) not null,
    receiving_unit varchar(40) not null, receiving_region varchar(12) not null, programme_region varchar(12) not null,
    programme_id varchar(40) not null, watcher_region varchar(12), status varchar(12) not null)`.execute(
    t.ctx.db,
  );
  await sql`create table scope_probe_related (probe_id varchar(40) not null, region varchar(12) not null,
    programme_id varchar(40) not null)`.execute(t.ctx.db);
}, 60_000);
afterAll(() => t.close());

const unitIds = () => [...unitRegion.keys()];
const region = fc.constantFrom(...COUNTIES);
const probe = () =>
  fc.record({
    userId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    sendingUnit: fc.constantFrom(...unitIds()),
    receivingUnit: fc.constantFrom(...unitIds()),
    receivingRegion: region,
    programmeRegion: region,
    programmeId: fc.constantFrom(...PROGRAMMES),
    watcherRegion: fc.option(region, { nil: null }),
    status: fc.constantFrom('draft', 'submitted'),
    related: fc.array(fc.record({ region, programmeId: fc.constantFrom(...PROGRAMMES) }), { maxLength: 2 }),
  });
/** Subtrees at every level: provinces, cities, counties. */
const prefixes = [...new Set(COUNTIES.flatMap((c) => [c.slice(0, 2), c.slice(0, 4), c]))];
const scope = (): fc.Arbitrary<Scope> =>
  fc.record({
    all: fc.boolean().map((b) => b && Math.random() < 0.1),
    regions: fc.array(
      fc.record({
        prefix: fc.constantFrom(...prefixes),
        programmeIds: fc.option(fc.subarray(PROGRAMMES), { nil: null }),
      }),
      { maxLength: 2 },
    ),
    unitIds: fc.subarray(unitIds(), { maxLength: 3 }),
    selfId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    mode: fc.constantFrom('read' as const, 'write' as const),
  });

describe('scope module', () => {
  it('the SQL condition and the in-memory check agree on random records and scopes', async () => {
    const probes = fc.sample(probe(), 120).map((p, i) => ({ id: `probe-${i}`, ...p }));
    for (const { related, ...row } of probes) {
      await db().insertInto('scopeProbe').values(row).execute();
      for (const r of related)
        await db()
          .insertInto('scopeProbeRelated')
          .values({ probeId: row.id, ...r })
          .execute();
    }
    // the in-memory record carries the sending unit's region, as a repository's view would
    const loaded = probes.map((p) => ({ ...p, sendingRegion: unitRegion.get(p.sendingUnit) }));
    let reachedSome = 0;
    let missedSome = 0;
    await fc.assert(
      fc.asyncProperty(scope(), async (s) => {
        const rows: { id: string }[] = await db()
          .selectFrom('scopeProbe as sp')
          .select('sp.id')
          .where(reachCondition(s, PROBE_REACH))
          .execute();
        const bySql = rows.map((r) => r.id).sort();
        const inMemory = loaded
          .filter((p) => reaches(s, PROBE_REACH, p))
          .map((p) => p.id)
          .sort();
        if (inMemory.length > 0) reachedSome += 1;
        if (inMemory.length < loaded.length) missedSome += 1;
        expect(bySql).toEqual(inMemory);
      }),
      { numRuns: 300 },
    );
    // the property met both sides: scopes that reach some records and scopes that miss some
    expect(reachedSome).toBeGreaterThan(50);
    expect(missedSome).toBeGreaterThan(50);
  }, 120_000);

  it('a party that may only read does not count for a write', () => {
    const row = {
      userId: null,
      sendingUnit: 'x',
      sendingRegion: '320508',
      receivingUnit: 'y',
      receivingRegion: '320508',
      programmeRegion: '320508',
      programmeId: 'pg-a',
      watcherRegion: '522630',
      related: [{ region: '522631', programmeId: 'pg-b' }],
    };
    const watcher: Scope = {
      all: false,
      regions: [{ prefix: '5226', programmeIds: null }],
      unitIds: [],
      selfId: null,
      mode: 'read',
    };
    expect(reaches(watcher, PROBE_REACH, row)).toBe(true);
    expect(reaches({ ...watcher, mode: 'write' }, PROBE_REACH, row)).toBe(false);
    // several owners: the receiving unit reaches it, so does its region, so does the programme's organiser
    expect(reaches({ ...watcher, regions: [], unitIds: ['y'], mode: 'write' }, PROBE_REACH, row)).toBe(true);
    const organiser = {
      ...watcher,
      regions: [{ prefix: '3205', programmeIds: ['pg-b'] }],
      mode: 'write' as const,
    };
    // the region grant limited to pg-b still reaches the units' regions (not programme parties)…
    expect(reaches(organiser, PROBE_REACH, row)).toBe(true);
    // …but not a programme party of another programme
    const onlyProgramme = { ...row, sendingRegion: '522630', receivingRegion: '522630' };
    expect(reaches(organiser, PROBE_REACH, onlyProgramme)).toBe(false);
    expect(
      reaches(
        { ...organiser, regions: [{ prefix: '3205', programmeIds: ['pg-a'] }] },
        PROBE_REACH,
        onlyProgramme,
      ),
    ).toBe(true);
  });

  it('subtrees are code prefixes, given a code or a path', () => {
    expect(regionCodePrefix('520000')).toBe('52');
    expect(regionCodePrefix('522600')).toBe('5226');
    expect(regionCodePrefix('/520000/522600/522630/')).toBe('522630');
    expect(() => regionCodePrefix("52%' or 1=1")).toThrow();
  });
});

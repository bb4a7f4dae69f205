import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Role } from '../../common/auth/auth.schema.js';
import { outOfScope, readOnlyRecord } from './errors.js';
import { type Action, accessOf } from './policy.js';

/**
 * The one place where a caller's scope is applied (ADR 013). The policy table says which roles
 * may perform an action over which kind of scope; the access hook turns the caller's grants
 * into a `Scope` for the request; a capability declares once, as a `Reach`, how a row of its
 * table reaches the parties that own it; and this module turns the two into either a SQL
 * condition (lists) or an in-memory check of one loaded record (details, writes) — the same
 * rule both ways (test/scope.api.test.ts proves that they agree on random records and scopes).
 *
 * Regions are compared one way only: as GB/T 2260 code prefixes (`regionCodePrefix`).
 */

/** A role an account holds, with the data it reaches. */
export interface Grant {
  role: Role;
  regionCode: string | null;
  unitId: string | null;
  programmeIds: string[] | null;
}

/** A 组织部's region subtree, limited to named programmes (or not: null). */
export interface RegionGrant {
  /** The code prefix every region of the subtree shares. */
  prefix: string;
  /** Programme rows, and rows of parties acting for a programme, are reached only within these. */
  programmeIds: string[] | null;
}

/** What the caller may reach for the action of the current request: the union over its roles. */
export interface Scope {
  all: boolean;
  regions: RegionGrant[];
  unitIds: string[];
  selfId: string | null;
  /**
   * 'read' for a reading request (GET/HEAD), else 'write': parties that only let their holders
   * read a row (`readOnly`) do not count for a write, whatever the service asks.
   */
  mode: 'read' | 'write';
}

export const NO_SCOPE: Scope = Object.freeze({
  all: false,
  regions: [],
  unitIds: [],
  selfId: null,
  mode: 'read',
}) as Scope;

export const FULL_SCOPE: Scope = Object.freeze({
  all: true,
  regions: [],
  unitIds: [],
  selfId: null,
  mode: 'write',
}) as Scope;

/** The caller's scope for an action: what each of its grants reaches under that action's policy. */
export function scopeFor(
  action: Action,
  userId: string,
  grants: readonly Grant[],
  mode: Scope['mode'] = 'write',
): Scope {
  const access = accessOf(action);
  if (access === 'public' || access === 'authenticated') return { ...NO_SCOPE, selfId: userId, mode };
  const scope: Scope = { all: false, regions: [], unitIds: [], selfId: null, mode };
  for (const grant of grants) {
    const kind = access[grant.role];
    if (kind === 'all') scope.all = true;
    if (kind === 'region' && grant.regionCode)
      scope.regions.push({ prefix: regionCodePrefix(grant.regionCode), programmeIds: grant.programmeIds });
    if (kind === 'unit' && grant.unitId) scope.unitIds.push(grant.unitId);
    if (kind === 'self') scope.selfId = userId;
  }
  return scope;
}

/**
 * GB/T 2260 codes are hierarchical: everything below a province (xx0000) shares its first 2
 * digits, below a city (xxyy00) its first 4, below a county its 6; a township (9 digits) is a
 * leaf. The region loader links parents by exactly these prefixes, so a subtree is a code prefix.
 * Takes a code or an ancestor path (`/520000/522600/`).
 */
export function regionCodePrefix(codeOrPath: string): string {
  const code = codeOrPath.split('/').filter(Boolean).at(-1) ?? '';
  if (!/^\d+$/.test(code)) throw new Error(`not a region code: ${codeOrPath}`);
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Is a region inside the subtree of `code`? (`region` is a code.) */
export const regionWithin = (region: string, code: string): boolean =>
  region.startsWith(regionCodePrefix(code));

/** The smallest digit string of `prefix`'s length above every code starting with it (null after 99…). */
function prefixEnd(prefix: string): string | null {
  const digits = [...prefix];
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== '9') {
      digits[i] = String(Number(digits[i]) + 1);
      return digits.join('');
    }
    digits[i] = '0';
  }
  return null;
}

/**
 * The SQL form of "the column's code starts with `prefix`". Codes are digits only, so the
 * prefix is exactly a range (`'5226' <= code < '5227'`), which both databases answer from an
 * index on the column — a `LIKE '5226%'` is read row by row on SQLite (its LIKE ignores case, so
 * it cannot use a binary index).
 */
// biome-ignore lint/suspicious/noExplicitAny: columns are named by the reach declarations
export function codePrefixCondition(eb: ExpressionBuilder<any, any>, column: string, prefix: string) {
  const end = prefixEnd(prefix);
  const from = eb(eb.ref(column), '>=', prefix);
  return end === null ? from : eb.and([from, eb(eb.ref(column), '<', end)]);
}

/** The SQL form of `regionWithin`: the column's region code lies in the subtree. */
export function regionCondition(column: string, code: string) {
  const prefix = regionCodePrefix(code);
  // biome-ignore lint/suspicious/noExplicitAny: columns are named by the reach declarations
  return (eb: ExpressionBuilder<any, any>) => codePrefixCondition(eb, column, prefix);
}

// ---- reach declarations -------------------------------------------------------------------

/** A value of a row: the column a query selects it from, and the key of the loaded record. */
export interface Field {
  column: string;
  key: string;
}

/**
 * One party owning a row: a unit (reached by unit grants through its id, by region grants
 * through its region), a programme's organiser (a region), or an account (self grants).
 */
export interface Party {
  unit?: Field;
  /** The party's region code. `viaUnit`: the region of the unit in `unit` (SQL: a subquery on units). */
  region?: Field | { viaUnit: true; key: string };
  user?: Field;
  /** The programme the party acts for: a region grant limited to programmes reaches it only within them. */
  programme?: Field;
  /** Lets its holders read the row, never change it. */
  readOnly?: boolean;
  /**
   * Rows this party does not reach while the field holds one of the values: a receiving unit's
   * draft post request is its own until submitted, not yet the organising 组织部's.
   */
  unless?: { field: Field; values: readonly string[] };
}

/** Rows of another table through which a row is reached (e.g. a cadre through its nominations). */
export interface Related {
  /** The loaded record's key holding the related records. */
  key: string;
  /** The correlated subquery selecting the related rows of the outer row (its parties are in `reach`). */
  // biome-ignore lint/suspicious/noExplicitAny: a correlated subquery over any tables
  rows: (eb: ExpressionBuilder<any, any>) => any;
  reach: Reach;
  readOnly?: boolean;
}

/** How a table's row reaches its owners: reachable if any party's grant reaches it. */
export interface Reach {
  parties: readonly Party[];
  related?: readonly Related[];
}

type Value = string | null | undefined;
// biome-ignore lint/suspicious/noExplicitAny: records are the repositories' views
type Loaded = Record<string, any>;

function programmeAllowed(grant: RegionGrant, programme: Value): boolean {
  return grant.programmeIds === null || (programme != null && grant.programmeIds.includes(programme));
}

const counts = (scope: Scope, readOnly: boolean | undefined) => !readOnly || scope.mode === 'read';

function partyReached(scope: Scope, party: Party, row: Loaded): boolean {
  if (!counts(scope, party.readOnly)) return false;
  if (party.unless?.values.includes(row[party.unless.field.key])) return false;
  const unit: Value = party.unit ? row[party.unit.key] : null;
  if (unit != null && scope.unitIds.includes(unit)) return true;
  const user: Value = party.user ? row[party.user.key] : null;
  if (user != null && scope.selfId !== null && user === scope.selfId) return true;
  const region: Value = party.region ? row[party.region.key] : null;
  if (region == null) return false;
  const programme: Value = party.programme ? row[party.programme.key] : null;
  return scope.regions.some(
    (g) => region.startsWith(g.prefix) && (!party.programme || programmeAllowed(g, programme)),
  );
}

/** The in-memory rule: does the scope reach this loaded record? */
export function reaches(scope: Scope, reach: Reach, row: Loaded): boolean {
  if (scope.all) return true;
  if (reach.parties.some((p) => partyReached(scope, p, row))) return true;
  return (reach.related ?? []).some(
    (r) =>
      counts(scope, r.readOnly) &&
      ((row[r.key] as Loaded[] | undefined) ?? []).some((sub) => reaches(scope, r.reach, sub)),
  );
}

/**
 * A loaded record the caller may not reach answers as if it did not exist (audited as denied) —
 * except, for a write, one the caller may read but not change (a party that only reads it):
 * that is 403 saying so (issue 11 line 2), which reveals nothing the caller does not see.
 */
export function assertReaches<R extends Loaded>(scope: Scope, reach: Reach, row: R): R {
  if (scope.mode === 'write') return assertWritable(scope, reach, row);
  if (!reaches(scope, reach, row)) throw outOfScope();
  return row;
}

/**
 * A change (or a view kept to the record's keepers, such as the full ID number): reached by
 * `reach` → the row; readable by `readReach` (the table's reading rule, when it is wider: a
 * cadre is read through their nominations, changed only by their keepers) → 403 saying so;
 * else as if it did not exist.
 */
export function assertWritable<R extends Loaded>(
  scope: Scope,
  reach: Reach,
  row: R,
  readReach: Reach = reach,
  /** The caller's scope for reading the record (its read action's), when it may differ from the write's. */
  readScope: Scope = { ...scope, mode: 'read' },
): R {
  if (reaches(scope, reach, row)) return row;
  if (reaches(readScope, readReach, row)) throw readOnlyRecord();
  throw outOfScope();
}

// biome-ignore lint/suspicious/noExplicitAny: columns are named by the reach declarations
type Eb = ExpressionBuilder<any, any>;

function partyCondition(eb: Eb, scope: Scope, party: Party): Expression<SqlBool>[] {
  if (!counts(scope, party.readOnly)) return [];
  const { unless } = party;
  if (unless) {
    const outside = eb(eb.ref(unless.field.column), 'not in', [...unless.values]);
    return partyCondition(eb, scope, { ...party, unless: undefined }).map((c) => eb.and([c, outside]));
  }
  const out: Expression<SqlBool>[] = [];
  if (party.unit && scope.unitIds.length) out.push(eb(eb.ref(party.unit.column), 'in', scope.unitIds));
  if (party.user && scope.selfId !== null) out.push(eb(eb.ref(party.user.column), '=', scope.selfId));
  const region = party.region;
  if (region) {
    for (const g of scope.regions) {
      const inRegion =
        'viaUnit' in region
          ? eb(
              eb.ref((party.unit as Field).column),
              'in',
              eb
                .selectFrom('units as scope_u')
                .select('scope_u.id')
                .where((u) => codePrefixCondition(u, 'scope_u.regionCode', g.prefix)),
            )
          : codePrefixCondition(eb, region.column, g.prefix);
      const limit = party.programme && g.programmeIds;
      out.push(
        limit
          ? eb.and([
              inRegion,
              limit.length ? eb(eb.ref(party.programme?.column as string), 'in', limit) : sql`1 = 0`,
            ])
          : inRegion,
      );
    }
  }
  return out;
}

/** The SQL rule, for `query.where(reachCondition(scope, reach))`: the same as `reaches`. */
export function reachCondition(scope: Scope, reach: Reach) {
  return (eb: Eb): Expression<SqlBool> => {
    if (scope.all) return sql<SqlBool>`1 = 1`;
    const alternatives = reach.parties.flatMap((p) => partyCondition(eb, scope, p));
    for (const r of reach.related ?? []) {
      if (!counts(scope, r.readOnly)) continue;
      const inner = reachCondition(scope, r.reach);
      alternatives.push(eb.exists(r.rows(eb).where(inner).select(sql`1`.as('one'))));
    }
    // an empty scope gives `or()` of nothing, which Kysely renders as 1 = 0: no rows
    return eb.or(alternatives);
  };
}

/** May the caller place something in this region (a new unit's, a new programme's)? */
export function regionReached(scope: Scope, code: string): boolean {
  return scope.all || scope.regions.some((g) => code.startsWith(g.prefix));
}

/**
 * Does a region filter overlap the scope (the region inside a subtree of the scope, or a
 * subtree of the scope inside the region)? A unit grant overlaps any region: its unit may lie in it.
 */
export function regionOverlaps(scope: Scope, code: string): boolean {
  if (scope.all || scope.unitIds.length > 0) return true;
  const prefix = regionCodePrefix(code);
  return scope.regions.some((g) => code.startsWith(g.prefix) || g.prefix.startsWith(prefix));
}

/** A 组织部 grant limited to named programmes: it works inside them and opens none. */
export const limitedToProgrammes = (scope: Scope): boolean =>
  !scope.all && scope.regions.some((g) => g.programmeIds !== null);

import { type MessageKey, t } from '../../common/i18n/index.js';
import type { AppContext } from '../core/context.js';
import { reaches, type Scope } from '../core/scope.js';
import { UNIT_REACH } from '../units/units.repository.js';
import { type Converted, type Problems, splitQualified } from './excel.check.js';
import type { ColumnSpec } from './excel.columns.js';
import * as repo from './excel.repository.js';

/**
 * Look-ups shared by the import kinds (the `.lookup.ts` suffix: they read the database): names
 * resolved once per file within the request's scope, and the names a template offers. Each
 * kind's own look-ups are in `kinds/<kind>.lookup.ts`.
 */

/** At most this many names are offered as a dropdown in a template. */
const TEMPLATE_MAX_NAMES = 2000;

export type Resolution = { id: string } | { problem: MessageKey; params: Record<string, string | number> };

/** Unit names → ids among the units in the caller's scope; one query for the whole file. */
export async function unitResolver(ctx: AppContext, scope: Scope, texts: string[]) {
  const names = new Set<string>();
  for (const text of texts) {
    names.add(text);
    names.add(splitQualified(text).name);
  }
  const byName = new Map<string, repo.UnitCandidate[]>();
  for (const unit of await repo.unitsNamed(ctx.db, [...names])) {
    if (!reaches(scope, UNIT_REACH, unit)) continue;
    byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
  }
  return (text: string): Resolution => {
    const exact = byName.get(text);
    const { name, code } = exact ? { name: text, code: null } : splitQualified(text);
    const found = (byName.get(name) ?? []).filter((u) => !code || u.regionCode === code);
    if (found.length === 1) return { id: (found[0] as repo.UnitCandidate).id };
    if (found.length === 0) return { problem: 'import.unitUnknown', params: { name: text.slice(0, 60) } };
    return { problem: 'import.unitAmbiguous', params: { name, count: found.length } };
  };
}

/** The ids a reference column's names resolve to, by row; each name that does not is a problem. */
export function resolveColumn(
  converted: Converted[],
  col: ColumnSpec,
  resolve: (text: string) => Resolution,
  problems: Problems,
): Map<number, string> {
  const ids = new Map<number, string>();
  for (const c of converted) {
    const text = c.values[col.key];
    if (typeof text !== 'string') continue;
    const r = resolve(text);
    if ('id' in r) ids.set(c.row, r.id);
    else problems.add(c.row, col, t(r.problem, r.params));
  }
  return ids;
}

/** The units column of a sheet resolved within the scope: ids by row. */
export async function resolveUnits(
  ctx: AppContext,
  scope: Scope,
  converted: Converted[],
  col: ColumnSpec,
  problems: Problems,
): Promise<Map<number, string>> {
  const texts = converted.map((c) => c.values[col.key]).filter((v): v is string => typeof v === 'string');
  return resolveColumn(converted, col, await unitResolver(ctx, scope, texts), problems);
}

/** Names for a template's dropdown; a name used twice is written "名称（行政区划代码）". */
export async function unitNames(ctx: AppContext, scope: Scope): Promise<string[]> {
  const list = await repo.unitsInScope(ctx.db, scope, TEMPLATE_MAX_NAMES);
  const count = new Map<string, number>();
  for (const u of list) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  return list.map((u) => ((count.get(u.name) ?? 0) > 1 ? `${u.name}（${u.regionCode}）` : u.name));
}

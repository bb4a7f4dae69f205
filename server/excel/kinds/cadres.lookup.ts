import { t } from '../../../common/i18n/index.js';
import { CADRE_REACH } from '../../cadres/cadres.repository.js';
import { idNumberIndexOf } from '../../cadres/cadres.service.js';
import type { AppContext } from '../../core/context.js';
import { reaches, type Scope } from '../../core/scope.js';
import { columnOf, noteDuplicates, UNRESOLVED } from '../excel.check.js';
import type { LookupInput } from '../excel.kind.js';
import { resolveUnits, unitNames } from '../excel.lookup.js';
import * as repo from '../excel.repository.js';
import type { ParsedCadre, PendingCadre } from './cadres.check.js';

/**
 * The cadre checks that need the database, for the whole file: units by name within the scope,
 * ID numbers twice in the file, and already registered (reject mode) or outside the scope
 * (update mode).
 */
export async function lookupCadres(
  ctx: AppContext,
  { scope, sheet, mode, converted, parsed: checked, problems }: LookupInput<ParsedCadre>,
): Promise<PendingCadre[]> {
  const units = await resolveUnits(ctx, scope, converted, columnOf(sheet.columns, 'unitId'), problems);
  const parsed = checked.map((p) => ({
    row: p.row,
    values: { ...p.values, unitId: units.get(p.row) ?? UNRESOLVED },
  }));

  const idCol = columnOf(sheet.columns, 'idNumber');
  noteDuplicates(parsed, (p) => p.values.idNumber, idCol, problems);
  const indexOf = new Map(parsed.map((p) => [p.row, idNumberIndexOf(ctx, p.values.idNumber)]));
  const existing = new Map(
    (await repo.cadresByIdIndex(ctx.db, [...indexOf.values()])).map((m) => [m.idNumberIndex, m]),
  );
  const what = t('import.what.cadre');
  const cellsOf = new Map(converted.map((c) => [c.row, c.values]));
  const items: PendingCadre[] = [];
  for (const p of parsed) {
    const match = existing.get(indexOf.get(p.row) as string);
    if (match && mode === 'reject') problems.add(p.row, idCol, t('import.existsReject', { what }));
    if (match && mode === 'update' && !reaches(scope, CADRE_REACH, match)) {
      problems.add(p.row, idCol, t('import.existsOutside', { what }));
    }
    if (problems.has(p.row)) continue;
    const cells = cellsOf.get(p.row) ?? {};
    items.push({
      row: p.row,
      values: p.values,
      given: {
        phone: p.values.phone !== null,
        school: cells.school !== undefined,
        major: cells.major !== undefined,
        reserve: cells.reserve !== undefined,
        expertise: cells.expertise !== undefined,
      },
    });
  }
  return items;
}

/** The template offers the units in the scope. */
export async function cadreReferences(ctx: AppContext, scope: Scope) {
  return { unitId: await unitNames(ctx, scope) };
}

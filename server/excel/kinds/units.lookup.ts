import { t } from '../../../common/i18n/index.js';
import { zUnitInput } from '../../../common/units/units.schema.js';
import type { AppContext } from '../../core/context.js';
import { reaches, regionReached, type Scope } from '../../core/scope.js';
import { UNIT_REACH } from '../../units/units.repository.js';
import { columnOf, noteDuplicates, noteIssues, splitQualified } from '../excel.check.js';
import type { LookupInput } from '../excel.kind.js';
import { unitNames } from '../excel.lookup.js';
import * as repo from '../excel.repository.js';
import type { PendingUnit } from './units.check.js';

/**
 * The unit checks that need the database: the region exists and is in the scope, the parent is
 * a unit in the scope or an earlier row of the file, the schema with the parent resolved, a unit
 * twice in the file, already registered (reject) or outside the scope (update).
 */
export async function lookupUnits(
  ctx: AppContext,
  { scope, sheet, mode, converted, problems }: LookupInput<never>,
): Promise<PendingUnit[]> {
  const regionCol = columnOf(sheet.columns, 'regionCode');
  const parentCol = columnOf(sheet.columns, 'parentId');
  const nameCol = columnOf(sheet.columns, 'name');

  const codes = converted.map((c) => c.values.regionCode).filter((v): v is string => typeof v === 'string');
  const regions = new Set((await repo.regionsCoded(ctx.db, codes)).map((r) => r.code));
  // names in the file and of the parents: one look-up for both
  const names = converted.flatMap((c) =>
    [c.values.name, c.values.parentId]
      .filter((v): v is string => typeof v === 'string')
      .flatMap((v) => [v, splitQualified(v).name]),
  );
  const known = await repo.unitsNamed(ctx.db, names);
  const inScope = known.filter((u) => reaches(scope, UNIT_REACH, u));

  const parsed: PendingUnit[] = [];
  const fileRows: { row: number; name: string; regionCode: string }[] = [];
  for (const c of converted) {
    const v = c.values;
    const code = typeof v.regionCode === 'string' ? v.regionCode : null;
    if (code && /^\d{6}(\d{3})?$/.test(code)) {
      if (!regions.has(code)) problems.add(c.row, regionCol, t('import.regionUnknown', { code }));
      else if (!regionReached(scope, code)) problems.add(c.row, regionCol, t('scope.regionOutside'));
    }
    let parentId: string | null = null;
    let parentRow: number | null = null;
    if (typeof v.parentId === 'string') {
      const { name, code: parentCode } = splitQualified(v.parentId);
      const fits = (n: string, rc: string) =>
        (n === v.parentId || n === name) && (!parentCode || rc === parentCode);
      const inDb = inScope.filter((u) => fits(u.name, u.regionCode));
      const inFile = fileRows.filter(
        (f) =>
          fits(f.name, f.regionCode) && !inDb.some((u) => u.name === f.name && u.regionCode === f.regionCode),
      );
      const total = inDb.length + inFile.length;
      if (total === 1) {
        if (inDb[0]) parentId = inDb[0].id;
        else parentRow = (inFile[0] as { row: number }).row;
      } else if (total > 1) {
        problems.add(c.row, parentCol, t('import.unitAmbiguous', { name, count: total }));
      } else if (
        converted.some((o) => o.row > c.row && (o.values.name === v.parentId || o.values.name === name))
      ) {
        problems.add(c.row, parentCol, t('import.parentLater', { name: v.parentId.slice(0, 60) }));
      } else {
        problems.add(c.row, parentCol, t('import.unitUnknown', { name: v.parentId.slice(0, 60) }));
      }
    }
    const result = zUnitInput.safeParse({
      name: v.name,
      kind: v.kind,
      regionCode: v.regionCode,
      parentId,
      contactName: v.contactName ?? null,
      contactPhone: v.contactPhone ?? null,
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, sheet.columns, problems);
      continue;
    }
    fileRows.push({ row: c.row, name: result.data.name, regionCode: result.data.regionCode });
    parsed.push({ row: c.row, values: result.data, parentRow });
  }

  noteDuplicates(parsed, (p) => `${p.values.regionCode}\u0000${p.values.name}`, nameCol, problems);
  const what = t('import.what.unit');
  const items: PendingUnit[] = [];
  for (const p of parsed) {
    const match = known.find((u) => u.name === p.values.name && u.regionCode === p.values.regionCode);
    if (match && mode === 'reject') problems.add(p.row, nameCol, t('import.existsReject', { what }));
    if (match && mode === 'update' && !reaches(scope, UNIT_REACH, match)) {
      problems.add(p.row, nameCol, t('import.existsOutside', { what }));
    }
    // a parent row that has a problem cannot be created: its children cannot be either
    if (p.parentRow !== null && problems.has(p.parentRow)) {
      problems.add(p.row, parentCol, t('import.parentInvalid', { row: p.parentRow }));
    }
    if (!problems.has(p.row)) items.push(p);
  }
  return items;
}

/** The template offers the units in the scope as parents. */
export async function unitReferences(ctx: AppContext, scope: Scope) {
  return { parentId: await unitNames(ctx, scope) };
}

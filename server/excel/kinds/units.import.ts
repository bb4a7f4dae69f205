import type { ImportMode } from '../../../common/excel/excel.schema.js';
import type { Actor, AppContext } from '../../core/context.js';
import { findByRegionAndName } from '../../units/units.repository.js';
import * as units from '../../units/units.service.js';
import { eachRow, type ImportKindModule } from '../excel.kind.js';
import { checkUnitRows, type PendingUnit, unitColumns } from './units.check.js';
import { lookupUnits, unitReferences } from './units.lookup.js';

/** Row by row, in file order: a parent created by an earlier row is known by then. */
async function commitUnits(ctx: AppContext, actor: Actor, mode: ImportMode, items: PendingUnit[]) {
  const idOfRow = new Map<number, string>();
  return eachRow(items, async (item) => {
    const values = {
      ...item.values,
      parentId: item.parentRow === null ? item.values.parentId : (idOfRow.get(item.parentRow) ?? null),
    };
    const existing =
      mode === 'update' ? await findByRegionAndName(ctx.db, values.regionCode, values.name) : undefined;
    if (existing) {
      await units.update(ctx, actor, existing.id, { ...values, version: existing.version });
      idOfRow.set(item.row, existing.id);
      return 'updated';
    }
    idOfRow.set(item.row, (await units.create(ctx, actor, values)).id);
    return 'created';
  });
}

/** 单位信息: new units, or (update mode) units found by region and name. */
export const unitsImport: ImportKindModule<'units', never, PendingUnit> = {
  kind: 'units',
  action: 'excel.importUnits',
  columns: unitColumns,
  check: {
    run: checkUnitRows,
    module: new URL('./units.check.js', import.meta.url),
    name: checkUnitRows.name,
  },
  lookup: lookupUnits,
  references: unitReferences,
  commit: commitUnits,
};

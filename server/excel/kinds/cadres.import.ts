import type { ImportMode } from '../../../common/excel/excel.schema.js';
import * as cadresRepo from '../../cadres/cadres.repository.js';
import * as cadres from '../../cadres/cadres.service.js';
import type { Actor, AppContext } from '../../core/context.js';
import { atRow, type ImportKindModule, rowFailed } from '../excel.kind.js';
import { cadreColumns, checkCadreRows, type ParsedCadre, type PendingCadre } from './cadres.check.js';
import { cadreReferences, lookupCadres } from './cadres.lookup.js';

/**
 * New cadres go through `cadres.createMany` (the rules of `create`, checked for the whole batch,
 * then bulk inserts); in update mode a row whose ID number is already registered goes through
 * `cadres.update`, keeping what the sheet does not hold (résumé, relatives) and what it leaves empty.
 */
async function commitCadres(ctx: AppContext, actor: Actor, mode: ImportMode, items: PendingCadre[]) {
  const rows = items.map((item) => ({
    item,
    values: item.values,
    index: cadres.idNumberIndexOf(ctx, item.values.idNumber),
  }));
  const existing =
    mode === 'update'
      ? new Map(
          (
            await cadresRepo.findByIdNumberIndexes(
              ctx.db,
              rows.map((r) => r.index),
            )
          ).map((m) => [m.idNumberIndex, m.id]),
        )
      : new Map<string, string>();
  const fresh = rows.filter((r) => !existing.has(r.index));
  await cadres.createMany(
    ctx,
    actor,
    fresh.map((r) => r.values),
    (i, error) => rowFailed((fresh[i] as (typeof fresh)[number]).item.row, error),
  );
  const updates = rows.filter((r) => existing.has(r.index));
  let updated = 0;
  for (const { item, values, index } of updates) {
    await atRow(item.row, async () => {
      const id = existing.get(index) as string;
      const current = await cadres.get(ctx, actor, id);
      const { given } = item;
      const { idNumber: _same, phone, ...rest } = values;
      const next = {
        ...rest,
        ...(given.phone ? { phone } : {}),
        school: given.school ? rest.school : current.school,
        major: given.major ? rest.major : current.major,
        reserve: given.reserve ? rest.reserve : current.reserve,
        expertise: given.expertise ? rest.expertise : current.expertise,
        resume: current.resume,
        relatives: current.relatives,
        version: current.version,
      };
      // a row as the record already is (an export re-imported) is left alone
      if (!(await cadres.wouldChange(ctx, actor, id, next))) return;
      await cadres.update(ctx, actor, id, next);
      updated += 1;
    });
  }
  const unchanged = updates.length - updated;
  return { created: fresh.length, updated, ...(unchanged ? { unchanged } : {}) };
}

/** 干部信息: new cadres, or (update mode) cadres found by ID number. */
export const cadresImport: ImportKindModule<'cadres', ParsedCadre, PendingCadre> = {
  kind: 'cadres',
  action: 'excel.importCadres',
  columns: cadreColumns,
  check: {
    run: checkCadreRows,
    module: new URL('./cadres.check.js', import.meta.url),
    name: checkCadreRows.name,
  },
  lookup: lookupCadres,
  references: cadreReferences,
  commit: commitCadres,
};

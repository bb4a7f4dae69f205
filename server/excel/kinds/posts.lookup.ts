import { t } from '../../../common/i18n/index.js';
import { zPostInput } from '../../../common/posts/posts.schema.js';
import type { AppContext } from '../../core/context.js';
import type { Scope } from '../../core/scope.js';
import { levelChecker } from '../../posts/post-levels.service.js';
import { editablePostsByKey, postKey } from '../../posts/posts.service.js';
import { openBatches } from '../../programmes/programmes.service.js';
import { columnOf, noteDuplicates, noteIssues, UNRESOLVED } from '../excel.check.js';
import type { LookupInput } from '../excel.kind.js';
import { type Resolution, resolveColumn, resolveUnits, unitNames } from '../excel.lookup.js';
import type { PendingPost } from './posts.check.js';

/** Open batches by "项目名称 / 批次名称" or by the batch name alone when that is unique. */
async function batchLabels(ctx: AppContext): Promise<{ label: string; id: string; name: string }[]> {
  return (await openBatches(ctx)).map((b) => ({
    id: b.id,
    name: b.name,
    label: `${b.programmeName} / ${b.name}`,
  }));
}

/**
 * The post request checks that need the database: the batch among the open ones, the unit
 * within the scope, the schema with both resolved, 分管 or 协管 given, a request twice in the
 * file, already there (reject) or no longer editable (update).
 */
export async function lookupPosts(
  ctx: AppContext,
  { scope, sheet, mode, converted, problems }: LookupInput<never>,
): Promise<PendingPost[]> {
  const batches = await batchLabels(ctx);
  const resolveBatch = (text: string): Resolution => {
    const normal = text.replace(/\s*\/\s*/g, ' / ');
    const byLabel = batches.filter((b) => b.label === normal);
    const found = byLabel.length ? byLabel : batches.filter((b) => b.name === text);
    if (found.length === 1) return { id: (found[0] as { id: string }).id };
    if (found.length === 0) return { problem: 'import.batchUnknown', params: { name: text.slice(0, 60) } };
    return { problem: 'import.batchAmbiguous', params: { name: text, count: found.length } };
  };
  const batchIds = resolveColumn(converted, columnOf(sheet.columns, 'batchId'), resolveBatch, problems);
  const units = await resolveUnits(ctx, scope, converted, columnOf(sheet.columns, 'unitId'), problems);

  const inChargeCol = columnOf(sheet.columns, 'inCharge');
  const parsed: PendingPost[] = [];
  for (const c of converted) {
    const v = c.values;
    const inCharge = (v.inCharge as string[] | undefined) ?? [];
    const assist = (v.assist as string[] | undefined) ?? [];
    if (inCharge.length + assist.length === 0) problems.add(c.row, inChargeCol, t('import.dutiesRequired'));
    const result = zPostInput.safeParse({
      batchId: batchIds.get(c.row) ?? UNRESOLVED,
      unitId: units.get(c.row) ?? UNRESOLVED,
      title: v.title,
      level: v.level,
      duties: [
        ...inCharge.map((area) => ({ kind: 'in_charge', area })),
        ...assist.map((area) => ({ kind: 'assist', area })),
      ],
      expertise: v.expertise ?? [],
      headcount: v.headcount,
      notes: v.notes ?? null,
    });
    if (!result.success) {
      noteIssues(c.row, result.error.issues, sheet.columns, problems, (path) =>
        path[0] !== 'duties'
          ? String(path[0])
          : path.length > 1 && Number(path[1]) >= inCharge.length
            ? 'assist'
            : 'inCharge',
      );
      continue;
    }
    parsed.push({ row: c.row, values: result.data });
  }

  const levelCol = columnOf(sheet.columns, 'level');
  const refusal = levelChecker(ctx.db);
  for (const p of parsed) {
    const message = await refusal(p.values.unitId, p.values.level);
    if (message) problems.add(p.row, levelCol, message);
  }

  const titleCol = columnOf(sheet.columns, 'title');
  noteDuplicates(parsed, (p) => postKey(p.values), titleCol, problems);
  const existing = await editablePostsByKey(
    ctx,
    parsed.map((p) => p.values.batchId),
  );
  const what = t('import.what.post');
  const items: PendingPost[] = [];
  for (const p of parsed) {
    const match = existing.get(postKey(p.values));
    if (match && mode === 'reject') problems.add(p.row, titleCol, t('import.existsReject', { what }));
    if (match && mode === 'update' && !match.editable)
      problems.add(p.row, titleCol, t('import.existsLocked'));
    if (!problems.has(p.row)) items.push(p);
  }
  return items;
}

/** The template offers the units in the scope and the open batches. */
export async function postReferences(ctx: AppContext, scope: Scope) {
  return {
    unitId: await unitNames(ctx, scope),
    batchId: (await batchLabels(ctx)).map((b) => b.label),
  };
}

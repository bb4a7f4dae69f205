import type { ImportMode } from '../../../common/excel/excel.schema.js';
import type { Actor, AppContext } from '../../core/context.js';
import * as posts from '../../posts/posts.service.js';
import { eachRow, type ImportKindModule } from '../excel.kind.js';
import { checkPostRows, type PendingPost, postColumns } from './posts.check.js';
import { lookupPosts, postReferences } from './posts.lookup.js';

/** In update mode a request found by batch, unit and title keeps its batch and unit. */
async function commitPosts(ctx: AppContext, actor: Actor, mode: ImportMode, items: PendingPost[]) {
  const existing =
    mode === 'update'
      ? await posts.editablePostsByKey(
          ctx,
          items.map((i) => i.values.batchId),
        )
      : new Map<string, { id: string; version: number }>();
  return eachRow(items, async (item) => {
    const found = existing.get(posts.postKey(item.values));
    if (found) {
      const { batchId: _b, unitId: _u, ...content } = item.values;
      await posts.update(ctx, actor, found.id, { ...content, version: found.version });
      return 'updated';
    }
    await posts.create(ctx, actor, item.values);
    return 'created';
  });
}

/** 岗位需求: new post requests of open batches, or (update mode) editable ones found by batch, unit and title. */
export const postsImport: ImportKindModule<'posts', never, PendingPost> = {
  kind: 'posts',
  action: 'excel.importPosts',
  columns: postColumns,
  check: {
    run: checkPostRows,
    module: new URL('./posts.check.js', import.meta.url),
    name: checkPostRows.name,
  },
  lookup: lookupPosts,
  references: postReferences,
  commit: commitPosts,
};

import type { ImportMode } from '../../../common/excel/excel.schema.js';
import { RECEIVING_REACH } from '../../achievements/achievements.repository.js';
import { checkPosting, insertEntry } from '../../achievements/achievements.service.js';
import type { Actor, AppContext } from '../../core/context.js';
import { assertWritable } from '../../core/scope.js';
import { findPosting } from '../../postings/postings.repository.js';
import { eachRow, type ImportKindModule } from '../excel.kind.js';
import {
  achievementColumns,
  checkAchievementRows,
  type ParsedAchievement,
  type PendingAchievement,
} from './achievements.check.js';
import { achievementReferences, lookupAchievements } from './achievements.lookup.js';

/** Each row becomes a claimed entry on the cadre's posting, through the service's own insert. */
async function commitAchievements(
  ctx: AppContext,
  actor: Actor,
  _mode: ImportMode,
  items: PendingAchievement[],
) {
  return eachRow(items, async (item) => {
    const posting = await findPosting(ctx.db, item.postingId);
    const checked = checkPosting(posting, item.values.date);
    assertWritable(actor.scope, RECEIVING_REACH, checked);
    await insertEntry(ctx, actor, checked, item.values, 'import');
    return 'created';
  });
}

/** 实事: entries of the postings the importing receiving unit hosts, named by cadre name and ID number. */
export const achievementsImport: ImportKindModule<'achievements', ParsedAchievement, PendingAchievement> = {
  kind: 'achievements',
  action: 'excel.importAchievements',
  columns: achievementColumns,
  check: {
    run: checkAchievementRows,
    module: new URL('./achievements.check.js', import.meta.url),
    name: checkAchievementRows.name,
  },
  lookup: lookupAchievements,
  references: achievementReferences,
  commit: commitAchievements,
};

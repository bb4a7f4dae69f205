import { t } from '../../common/i18n/index.js';
import { isStale } from '../core/background-runs.js';
import { type AppContext, isoNow } from '../core/context.js';
import * as repo from './matching.repository.js';

export { type LiveRun, runsOf, STALE_MS, stopRuns } from '../core/background-runs.js';

/**
 * Marks failed, with the reason, every run still `running` whose process stopped computing it
 * (a restart mid-run, a killed thread): not one of this process's live runs, and no heartbeat for
 * STALE_MS (`isStale`). At start-up (matching.routes.ts) and whenever runs are read. The number marked.
 */
export async function failStaleRuns(ctx: AppContext, batchId?: string): Promise<number> {
  const stale = (await repo.runningRuns(ctx.db, batchId)).filter((r) => isStale(ctx, r));
  let marked = 0;
  for (const r of stale)
    marked += await repo.updateRunWhile(ctx.db, r.id, 'running', {
      status: 'failed',
      error: t('matching.runStale'),
      finishedAt: isoNow(ctx),
    });
  return marked;
}

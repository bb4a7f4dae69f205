import { t } from '../../common/i18n/index.js';
import { type AppContext, isoNow } from '../core/context.js';
import * as repo from './matching.repository.js';

/** The runs this process is solving, per app: to cancel one, and to stop them all at shutdown. */
export interface LiveRun {
  controller: AbortController;
  done: Promise<void>;
}

const live = new WeakMap<object, Map<string, LiveRun>>();

export function runsOf(ctx: AppContext): Map<string, LiveRun> {
  let runs = live.get(ctx.config);
  if (!runs) {
    runs = new Map();
    live.set(ctx.config, runs);
  }
  return runs;
}

/** Cancels every run of this app still solving and waits until each has settled. */
export async function stopRuns(ctx: AppContext): Promise<void> {
  const runs = [...runsOf(ctx).values()];
  for (const r of runs) r.controller.abort();
  await Promise.allSettled(runs.map((r) => r.done));
}

/** A run whose heartbeat (runs.service.ts) is silent this long was left by a dead process. */
export const STALE_MS = 60_000;

/**
 * Marks failed, with the reason, every run still `running` whose process stopped computing it
 * (a restart mid-run, a killed thread): not one of this process's live runs, and no heartbeat for
 * STALE_MS. At start-up (matching.routes.ts) and whenever runs are read. The number marked.
 */
export async function failStaleRuns(ctx: AppContext, batchId?: string): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - STALE_MS).toISOString();
  const stale = (await repo.runningRuns(ctx.db, batchId)).filter(
    (r) => !runsOf(ctx).has(r.id) && (r.heartbeatAt ?? r.startedAt) < before,
  );
  let marked = 0;
  for (const r of stale)
    marked += await repo.updateRunWhile(ctx.db, r.id, 'running', {
      status: 'failed',
      error: t('matching.runStale'),
      finishedAt: isoNow(ctx),
    });
  return marked;
}

import type { AppContext } from './context.js';

/**
 * Long runs a process computes in the background (a matching solve, a batch of documents):
 * each registered under its id with its AbortController, to cancel one and to stop them all at
 * shutdown; a run's row carries a heartbeat so a run left `running` by a dead process is seen
 * (`isStale`) and marked failed by its capability.
 */
export interface LiveRun {
  controller: AbortController;
  done: Promise<void>;
}

const live = new WeakMap<object, Map<string, LiveRun>>();

/** The runs this app is computing, of every capability, by id. */
export function runsOf(ctx: Pick<AppContext, 'config'>): Map<string, LiveRun> {
  let runs = live.get(ctx.config);
  if (!runs) {
    runs = new Map();
    live.set(ctx.config, runs);
  }
  return runs;
}

/** Cancels every run of this app still computing and waits until each has settled. */
export async function stopRuns(ctx: Pick<AppContext, 'config'>): Promise<void> {
  const runs = [...runsOf(ctx).values()];
  for (const r of runs) r.controller.abort();
  await Promise.allSettled(runs.map((r) => r.done));
}

/** A run whose heartbeat is silent this long was left by a dead process. */
export const STALE_MS = 60_000;

/** Not one of this process's live runs, and no heartbeat for STALE_MS. */
export function isStale(
  ctx: Pick<AppContext, 'config' | 'clock'>,
  run: { id: string; heartbeatAt: string | null; startedAt: string },
): boolean {
  const before = new Date(ctx.clock.now().getTime() - STALE_MS).toISOString();
  return !runsOf(ctx).has(run.id) && (run.heartbeatAt ?? run.startedAt) < before;
}

/**
 * Starts `work` in the background (not awaited), registered under `id`: `beat` is called every
 * `heartbeatMs` while it runs; the run leaves the registry when it settles.
 */
export function launchRun(
  ctx: Pick<AppContext, 'config'>,
  id: string,
  o: { heartbeatMs: number; beat: () => Promise<unknown>; work: (signal: AbortSignal) => Promise<void> },
): void {
  const controller = new AbortController();
  const heartbeat = setInterval(() => {
    o.beat().catch(() => {});
  }, o.heartbeatMs);
  heartbeat.unref();
  const done = Promise.resolve()
    .then(() => o.work(controller.signal))
    .finally(() => {
      clearInterval(heartbeat);
      runsOf(ctx).delete(id);
    });
  runsOf(ctx).set(id, { controller, done });
}

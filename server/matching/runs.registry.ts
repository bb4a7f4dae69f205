import type { AppContext } from '../core/context.js';

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

import { sql } from 'kysely';
import type { AppContext } from './context.js';
import { advanceMeta, getMeta, setMeta, setMetaIfMissing } from './meta.repository.js';

/** The first key of this application's PostgreSQL advisory locks (the second: the job's name). */
const LOCK_CLASS = 0x67757a68; // 'guzh'

/**
 * Runs `job` for `day` (YYYY-MM-DD) once across all instances on one database, remembering the
 * last day done in meta `key` (ADR 020). Returns the job's result, or null when another
 * instance is running it or it was done for that day.
 *
 * - PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) on one held connection; the
 *   day is recorded after the job succeeds, before the lock is released. A job that fails, or
 *   whose instance dies (the lock goes with its connection), is run again at the next look by
 *   whichever instance gets the lock.
 * - SQLite: one conditional UPDATE claims the day before the job runs (of several processes on
 *   the file exactly one changes the row); a job that fails is not run again that day.
 */
export async function runOncePerDay<T>(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  key: string,
  day: string,
  job: () => Promise<T>,
): Promise<T | null> {
  if (ctx.dialect === 'sqlite') {
    await setMetaIfMissing(ctx.db, key, '');
    if (!(await advanceMeta(ctx.db, key, day))) return null;
    return job();
  }
  return ctx.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ got: boolean }>`
      select pg_try_advisory_lock(${LOCK_CLASS}, hashtext(${key})) as got`.execute(connection);
    if (!rows[0]?.got) return null;
    try {
      const done = await getMeta(ctx.db, key);
      if (done !== undefined && done >= day) return null;
      const result = await job();
      await setMeta(ctx.db, key, day);
      return result;
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_CLASS}, hashtext(${key}))`.execute(connection);
    }
  });
}

/** How often `serve` looks whether a daily job is due. */
export const LOOK_EVERY_MS = 60 * 60 * 1000;

/**
 * Calls `look` `firstAfterMs` after start and then every hour (timers that keep no process
 * alive); a daily job's look is `runOncePerDay`, so only the first look of a day does anything.
 * Returns its stop.
 */
export function lookEveryHour(look: () => Promise<void>, firstAfterMs: number): () => void {
  const first = setTimeout(look, firstAfterMs);
  const timer = setInterval(look, LOOK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

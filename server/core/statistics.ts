import { sql } from 'kysely';
import type { Db, DialectName } from './database.js';

/** The tables lists page through: their planner statistics decide between a sort index and a filter index. */
const LISTED = [
  'units',
  'cadres',
  'users',
  'programmes',
  'batches',
  'post_requests',
  'nominations',
  'cadre_corrections',
  'audit_log',
] as const;

/** Below this many rows any plan is fast; statistics start to matter above it. */
const WORTH_IT = 1000;

/**
 * Planner statistics for SQLite (ADR 019). Without them SQLite guesses that a region range
 * matches few rows, reads all 460 000 units of a big region through the region index and sorts
 * them; with `ANALYZE`'s samples (sqlite_stat4) it walks the sort index for a big region and the
 * region index for a small one. Run when `serve` and the commands open the database: a listed
 * table of at least WORTH_IT rows is analysed when it has no statistics yet or has doubled or
 * halved since. PostgreSQL keeps its own statistics (autovacuum), so nothing runs there.
 * Returns the tables analysed.
 */
export async function refreshStatistics(db: Db, dialect: DialectName): Promise<string[]> {
  if (dialect !== 'sqlite') return [];
  const known = new Map<string, number>();
  const hasStats = await sql<{
    n: number;
  }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
  if (Number(hasStats.rows[0]?.n) > 0) {
    const rows = await sql<{ tbl: string; stat: string }>`select tbl, stat from sqlite_stat1`.execute(db);
    for (const r of rows.rows) known.set(r.tbl, Number.parseInt(r.stat, 10));
  }
  const analysed: string[] = [];
  for (const table of LISTED) {
    const counted = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    const rows = Number(counted.rows[0]?.n ?? 0);
    const was = known.get(table);
    if (rows < WORTH_IT && was === undefined) continue;
    if (was !== undefined && rows <= 2 * was && rows >= was / 2) continue;
    await sql`analyze ${sql.table(table)}`.execute(db);
    analysed.push(table);
  }
  return analysed;
}

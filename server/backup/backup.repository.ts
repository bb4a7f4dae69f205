import { sql } from 'kysely';
import type { Executor } from '../core/database.js';
import type { Contents } from './backup.sqlite.js';

/** What a PostgreSQL database holds (in the caller's transaction: the dump's snapshot). */
export async function contentsOf(db: Executor): Promise<Contents> {
  const names = (
    await sql<{ name: string }>`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(
      db,
    )
  ).rows.map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of names) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    tables[name] = Number(rows[0]?.n ?? 0);
  }
  const schemaVersion = names.includes('schema_migrations')
    ? ((await sql<{ v: string | null }>`SELECT max(name) AS v FROM schema_migrations`.execute(db)).rows[0]
        ?.v ?? null)
    : null;
  const head = names.includes('audit_head')
    ? (
        await sql<{
          seq: number;
          hash: string;
        }>`SELECT seq, last_hash AS hash FROM audit_head WHERE id = 1`.execute(db)
      ).rows[0]
    : undefined;
  return { schemaVersion, tables, auditHead: head ? { seq: Number(head.seq), hash: head.hash } : null };
}

/** Exports the transaction's snapshot for pg_dump (`--snapshot`). */
export async function exportSnapshot(db: Executor): Promise<string> {
  const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(db);
  return rows[0]?.id as string;
}

/** Other sessions connected to this database (an app instance, a psql …). */
export async function otherConnections(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

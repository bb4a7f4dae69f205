import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Several app instances on one PostgreSQL (issue 10, ADR 020): the trigger that bumps a change
// counter (20261125110000) also sends `NOTIFY guazhi_changes, '<counter>'`, which PostgreSQL
// delivers to every listening instance when the writing transaction commits (never when it rolls
// back), so each instance forgets its reading of the counters at once. SQLite: nothing to do
// (an instance notices another connection's commits through `PRAGMA data_version`).

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`create or replace function bump_change_counter() returns trigger language plpgsql as $$
    begin
      update change_counters set version = version + 1 where name = tg_argv[0];
      perform pg_notify('guazhi_changes', tg_argv[0]);
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`create or replace function bump_change_counter() returns trigger language plpgsql as $$
    begin
      update change_counters set version = version + 1 where name = tg_argv[0];
      return null;
    end $$`.execute(db);
}

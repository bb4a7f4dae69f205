import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Change counters for the read caches (server/core/read-cache.ts, ADR 011): a trigger bumps a
// counter in the same transaction as every write to the tables it watches, so a cached answer
// is used only while its counter stands still — across app instances, and for writes made
// outside the app (the command line, imports, the data generator).

/** Counter → the tables whose writes move it. */
export const WATCHED = {
  // what the cadre list reads: cadres, their units' names and regions, expertise, nominations
  registry: ['cadres', 'units', 'regions', 'cadre_expertise', 'nominations'],
  // what a request's authentication reads: the session, its account, the account's roles
  access: ['sessions', 'users', 'user_roles'],
} as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (!sqlite) {
    await sql`create function bump_change_counter() returns trigger language plpgsql as $$
      begin
        update change_counters set version = version + 1 where name = tg_argv[0];
        return null;
      end $$`.execute(db);
  }
  for (const [counter, tables] of Object.entries(WATCHED)) {
    await sql`insert into change_counters (name, version) values (${counter}, 0)`.execute(db);
    for (const table of tables) {
      if (sqlite) {
        // SQLite has row triggers only: one per kind of write
        for (const event of ['insert', 'update', 'delete']) {
          await sql
            .raw(
              `create trigger ${table}_${event}_counts after ${event} on ${table} begin
                update change_counters set version = version + 1 where name = '${counter}'; end`,
            )
            .execute(db);
        }
      } else {
        // one bump per statement, however many rows it writes
        await sql
          .raw(
            `create trigger ${table}_counts after insert or update or delete on ${table}
              for each statement execute function bump_change_counter('${counter}')`,
          )
          .execute(db);
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const tables of Object.values(WATCHED)) {
    for (const table of tables) {
      if (sqlite) {
        for (const event of ['insert', 'update', 'delete']) {
          await sql.raw(`drop trigger ${table}_${event}_counts`).execute(db);
        }
      } else {
        await sql.raw(`drop trigger ${table}_counts on ${table}`).execute(db);
      }
    }
  }
  if (!sqlite) await sql`drop function bump_change_counter()`.execute(db);
  await db.schema.dropTable('change_counters').execute();
}

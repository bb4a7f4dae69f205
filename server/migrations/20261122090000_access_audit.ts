import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Issue 3: role scopes, second factor, personal data columns, audit log with hash chain.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_roles').addColumn('region_code', 'text').execute();
  await db.schema.alterTable('user_roles').addColumn('unit_id', 'text').execute();
  await db.schema.alterTable('user_roles').addColumn('programme_ids', 'text').execute();

  for (const column of [
    'phone_enc',
    'id_number_enc',
    'id_number_index',
    'totp_secret_enc',
    'totp_pending_enc',
    'totp_enabled_at',
    'recovery_codes',
  ]) {
    await db.schema.alterTable('users').addColumn(column, 'text').execute();
  }
  await db.schema.createIndex('users_id_number_uq').on('users').column('id_number_index').unique().execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('diff', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
  await db.schema
    .createIndex('audit_log_object_idx')
    .on('audit_log')
    .columns(['object_type', 'object_id'])
    .execute();

  // One row holding the chain's head; every audit write updates it first, which serialises
  // audit writes on both databases (row lock on PostgreSQL, write lock on SQLite).
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, last_hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  // Audit rows are append-only at the database level too: no UPDATE ever succeeds.
  // (Dialect-specific: the one place in this migration.)
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_log_no_update() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update on audit_log
      for each row execute function audit_log_no_update()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_head').execute();
  await db.schema.dropTable('audit_log').execute();
}

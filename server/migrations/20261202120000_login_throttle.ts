import type { Kysely } from 'kysely';

// Issue 10 line 5 (ADR 018): failed-login counters shared by every app instance, the last
// accepted TOTP time step of each account (a code is single-use), and the argon2 hashes of an
// account's previous passwords (the last 5 may not be used again).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    // 'pair' (username + source address) or 'source' (source address)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('next_allowed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempts_pk', ['kind', 'key'])
    .execute();
  await db.schema
    .createIndex('login_attempts_last_idx')
    .on('login_attempts')
    .column('last_failure_at')
    .execute();

  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();

  await db.schema
    .createTable('password_history')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('password_history_pk', ['user_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_history').execute();
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
  await db.schema.dropTable('login_attempts').execute();
}

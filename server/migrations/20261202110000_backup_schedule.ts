import type { Kysely } from 'kysely';

// Issue 10: scheduled backups (server/backup/backup.job.ts). meta 'backup.slot' is the start of
// the last backup period claimed; of several instances, the one whose conditional update moves
// it forward takes that period's backup.

export async function up(db: Kysely<any>): Promise<void> {
  await db.insertInto('meta').values({ key: 'backup.slot', value: '' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', 'backup.slot').execute();
}

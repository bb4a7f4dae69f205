import type { Kysely } from 'kysely';

// Issue 12 (ADR 025): a run being computed writes a heartbeat every few seconds, so that a run
// left `running` by a process that died (a restart mid-run) is recognised — its heartbeat stops —
// and marked failed at start-up or when read.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('matching_runs').addColumn('heartbeat_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('matching_runs').dropColumn('heartbeat_at').execute();
}

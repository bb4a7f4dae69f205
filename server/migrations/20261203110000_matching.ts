import type { Kysely } from 'kysely';

// Issue 12 (matching, ADR 025): per-batch settings of the fit score, preferences stated for a
// nomination, pins and forbidden pairs set by hand, runs of the solver and their assignments.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('matching_settings')
    .addColumn('batch_id', 'text', (c) => c.primaryKey().references('batches.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('matching_preferences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('post_request_id', 'text', (c) => c.references('post_requests.id').onDelete('cascade'))
    .addColumn('region_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('matching_preferences_uq')
    .on('matching_preferences')
    .columns(['nomination_id', 'source', 'rank'])
    .unique()
    .execute();

  await db.schema
    .createTable('matching_locks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id').onDelete('cascade'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id').onDelete('cascade'))
    .addColumn('post_request_id', 'text', (c) =>
      c.notNull().references('post_requests.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('matching_locks_pair_uq')
    .on('matching_locks')
    .columns(['batch_id', 'nomination_id', 'post_request_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('matching_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('pins', 'text', (c) => c.notNull())
    .addColumn('cadre_count', 'integer', (c) => c.notNull())
    .addColumn('post_count', 'integer', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('placed', 'integer')
    .addColumn('total', 'double precision')
    .addColumn('factor_totals', 'text')
    .addColumn('unmatched', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('matching_runs_batch_seq_uq')
    .on('matching_runs')
    .columns(['batch_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('matching_assignments')
    .addColumn('run_id', 'text', (c) => c.notNull().references('matching_runs.id').onDelete('cascade'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id').onDelete('cascade'))
    .addColumn('post_request_id', 'text', (c) =>
      c.notNull().references('post_requests.id').onDelete('cascade'),
    )
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('matching_assignments_pk', ['run_id', 'nomination_id'])
    .execute();
  await db.schema
    .createIndex('matching_assignments_post_idx')
    .on('matching_assignments')
    .columns(['run_id', 'post_request_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('matching_assignments').execute();
  await db.schema.dropTable('matching_runs').execute();
  await db.schema.dropTable('matching_locks').execute();
  await db.schema.dropTable('matching_preferences').execute();
  await db.schema.dropTable('matching_settings').execute();
}

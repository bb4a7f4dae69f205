import type { Kysely } from 'kysely';

// Issue 13 lines 1–2 (ADR 029): the working-day calendar's local additions (a year the data
// package does not have yet, a province's extra day off) and leave requests on a posting with
// their approval steps; the routing table per programme. Leave moves are rows of `status_history`.

export async function up(db: Kysely<any>): Promise<void> {
  // years an administrator declared known before the package has them (their days: calendar_days)
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createTable('calendar_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull())
    // 'holiday' (a day off) or 'makeup_workday' (调休: a weekend day worked)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // GB/T 2260 code prefix it applies to ('' = the whole country)
    .addColumn('region_prefix', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('calendar_days_uq')
    .on('calendar_days')
    .columns(['date', 'region_prefix'])
    .unique()
    .execute();

  // the routing table of a programme: JSON [{upToDays, rankLevels, approvers}]; none = the default
  await db.schema
    .createTable('leave_routes')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('leave_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id').onDelete('cascade'))
    .addColumn('cadre_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    // 'am': from the morning (the whole first day), 'pm': from the afternoon
    .addColumn('start_half', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // 'am': until noon, 'pm': the whole last day
    .addColumn('end_half', 'text', (c) => c.notNull())
    // the length in half working days (5 days = 10)
    .addColumn('half_days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // the step waiting for a decision (seq), null once none waits
    .addColumn('current_step', 'integer')
    .addColumn('returned_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  for (const [name, columns] of [
    ['leave_requests_posting_idx', ['posting_id', 'start_date']],
    ['leave_requests_status_idx', ['status', 'end_date']],
    ['leave_requests_created_idx', ['created_at', 'id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('leave_requests')
      .columns([...columns])
      .execute();

  await db.schema
    .createTable('leave_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('leave_id', 'text', (c) => c.notNull().references('leave_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // 'receiving_unit' | 'receiving_org' | 'programme_org'
    .addColumn('approver', 'text', (c) => c.notNull())
    // 'waiting' | 'pending' | 'approved' | 'rejected' | 'cancelled'
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    // an account who may act for the approver on this step while they are away
    .addColumn('substitute_user_id', 'text')
    .addColumn('substitute_named_by', 'text')
    .execute();
  await db.schema
    .createIndex('leave_steps_uq')
    .on('leave_steps')
    .columns(['leave_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('leave_steps_pending_idx')
    .on('leave_steps')
    .columns(['decision', 'approver'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('status_history').where('object_type', '=', 'leave').execute();
  await db.schema.dropTable('leave_steps').execute();
  await db.schema.dropTable('leave_requests').execute();
  await db.schema.dropTable('leave_routes').execute();
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.dropTable('calendar_years').execute();
}

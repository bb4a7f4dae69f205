import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Issue 4, part 1: the cadre registry (profile, expertise, résumé, relatives in public
// service, photo) and programmes with their batches (status history, quotas per region).

const audit = (t: any) =>
  t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text');

export async function up(db: Kysely<any>): Promise<void> {
  await audit(
    db.schema
      .createTable('cadres')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_pinyin', 'text', (c) => c.notNull())
      .addColumn('name_initials', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .addColumn('ethnicity', 'text', (c) => c.notNull())
      .addColumn('political_status', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_index', 'text', (c) => c.notNull())
      .addColumn('phone_enc', 'text')
      .addColumn('education', 'text', (c) => c.notNull())
      .addColumn('degree', 'text', (c) => c.notNull())
      .addColumn('school', 'text')
      .addColumn('major', 'text')
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('rank_level', 'text', (c) => c.notNull())
      .addColumn('rank_kind', 'text', (c) => c.notNull())
      .addColumn('reserve', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('cadres_id_number_uq')
    .on('cadres')
    .column('id_number_index')
    .unique()
    .execute();
  await db.schema.createIndex('cadres_user_uq').on('cadres').column('user_id').unique().execute();
  await db.schema
    .createIndex('cadres_unit_pinyin_idx')
    .on('cadres')
    .columns(['unit_id', 'name_pinyin'])
    .execute();
  await db.schema.createIndex('cadres_pinyin_idx').on('cadres').columns(['name_pinyin', 'id']).execute();
  await db.schema.createIndex('cadres_initials_idx').on('cadres').column('name_initials').execute();
  await db.schema.createIndex('cadres_rank_idx').on('cadres').column('rank_level').execute();

  await db.schema
    .createTable('expertise_tags')
    .addColumn('tag', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('managed', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('cadre_expertise')
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('cadre_expertise_pk', ['cadre_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('cadre_expertise_tag_idx')
    .on('cadre_expertise')
    .columns(['tag', 'cadre_id'])
    .execute();

  await db.schema
    .createTable('cadre_resume')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('to_month', 'text')
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cadre_resume_cadre_idx')
    .on('cadre_resume')
    .columns(['cadre_id', 'from_month'])
    .execute();

  await db.schema
    .createTable('cadre_relatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .execute();
  await db.schema.createIndex('cadre_relatives_cadre_idx').on('cadre_relatives').column('cadre_id').execute();

  await db.schema
    .createTable('cadre_photos')
    .addColumn('cadre_id', 'text', (c) => c.primaryKey().references('cadres.id').onDelete('cascade'))
    .addColumn('mime', 'text', (c) => c.notNull())
    // the one dialect difference here: SQLite says blob, PostgreSQL bytea
    .addColumn('content', db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : sql`bytea`, (c) =>
      c.notNull(),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await audit(
    db.schema
      .createTable('programmes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_pinyin', 'text', (c) => c.notNull())
      .addColumn('name_initials', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
      .addColumn('description', 'text'),
  ).execute();
  await db.schema.createIndex('programmes_region_idx').on('programmes').column('region_code').execute();

  await audit(
    db.schema
      .createTable('batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('planned_start', 'text', (c) => c.notNull())
      .addColumn('planned_end', 'text', (c) => c.notNull())
      .addColumn('term_months', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('eligibility', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('batches_programme_idx').on('batches').column('programme_id').execute();

  await db.schema
    .createTable('batch_status_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .execute();

  await db.schema
    .createTable('batch_quotas')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batches.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_quotas_pk', ['batch_id', 'region_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'batch_quotas',
    'batch_status_log',
    'batches',
    'programmes',
    'cadre_photos',
    'cadre_relatives',
    'cadre_resume',
    'cadre_expertise',
    'expertise_tags',
    'cadres',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

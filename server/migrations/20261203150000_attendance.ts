import type { Kysely } from 'kysely';

// Issue 13 line 3 (ADR 031): attendance. One record per posting and day — the cadre's check-in
// (在岗, with the browser's position when allowed) or the receiving unit's entry (缺勤 or a
// correction, with a reason) — and each receiving unit's place, which a check-in is measured from.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attendance_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    // 'present' (在岗) | 'absent' (缺勤)
    .addColumn('status', 'text', (c) => c.notNull())
    // 'checkin' (the cadre) | 'manager' (the receiving unit)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('accuracy', 'double precision')
    // metres from the receiving unit's place at the check-in (null: no position or no place)
    .addColumn('distance_m', 'integer')
    .addColumn('far', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('attendance_records_uq')
    .on('attendance_records')
    .columns(['posting_id', 'date'])
    .unique()
    .execute();

  await db.schema
    .createTable('attendance_places')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id').onDelete('cascade'))
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('radius_m', 'integer', (c) => c.notNull().defaultTo(1000))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attendance_places').execute();
  await db.schema.dropTable('attendance_records').execute();
}

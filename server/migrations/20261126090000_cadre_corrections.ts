import type { Kysely } from 'kysely';

// Issue 4: the cadre corrects their own profile; changes to key fields wait for the sending
// unit's liaison (ADR 010). The proposed ID number is stored encrypted with its masked form.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cadre_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    // JSON {field: value} of the proposed key fields, without the ID number
    .addColumn('changes', 'text', (c) => c.notNull())
    // JSON {field: value} of the same fields when the request was made (ID number masked)
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  // the cadre's own list and the one-pending-request check
  await db.schema
    .createIndex('cadre_corrections_cadre_idx')
    .on('cadre_corrections')
    .columns(['cadre_id', 'status'])
    .execute();
  // the liaison's list: cadres of the unit (cadres.unit_id index), then by status and date
  await db.schema
    .createIndex('cadre_corrections_status_idx')
    .on('cadre_corrections')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cadre_corrections').execute();
}

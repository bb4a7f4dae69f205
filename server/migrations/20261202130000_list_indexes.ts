import type { Kysely } from 'kysely';

// Every list's sorts served by an index (ADR 019): a page is read in index order and stops after
// its rows, instead of sorting every match. The units' sort indexes end with the tie-breakers
// (name, id) and region_code (the name sort also the initials a search reads), so a region
// filter, scope or name search is checked inside the index while it is walked; they take over from the single-column `units_pinyin_idx` and
// `units_kind_idx`, which are their prefixes. The other lists are smaller; each sort gets
// (column, id).

const INDEXES: [name: string, table: string, columns: string[]][] = [
  ['units_name_sort_idx', 'units', ['name_pinyin', 'name', 'id', 'region_code', 'name_initials']],
  ['units_kind_sort_idx', 'units', ['kind', 'name', 'id', 'region_code']],
  ['units_region_sort_idx', 'units', ['region_code', 'name', 'id']],
  ['units_created_sort_idx', 'units', ['created_at', 'name', 'id', 'region_code']],
  ['units_updated_sort_idx', 'units', ['updated_at', 'name', 'id', 'region_code']],
  ['users_display_name_idx', 'users', ['display_name', 'id']],
  ['users_created_idx', 'users', ['created_at', 'id']],
  ['users_last_login_idx', 'users', ['last_login_at', 'id']],
  ['post_requests_created_idx', 'post_requests', ['created_at', 'id']],
  ['post_requests_status_idx', 'post_requests', ['status', 'id']],
  ['nominations_created_idx', 'nominations', ['created_at', 'id']],
  ['nominations_status_idx', 'nominations', ['status', 'id']],
  ['programmes_created_idx', 'programmes', ['created_at', 'id']],
  ['programmes_updated_idx', 'programmes', ['updated_at', 'id']],
  ['programmes_name_idx', 'programmes', ['name', 'id']],
];

const REPLACED: [name: string, column: string][] = [
  ['units_pinyin_idx', 'name_pinyin'],
  ['units_kind_idx', 'kind'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  for (const [name] of REPLACED) await db.schema.dropIndex(name).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, column] of REPLACED)
    await db.schema.createIndex(name).on('units').column(column).execute();
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}

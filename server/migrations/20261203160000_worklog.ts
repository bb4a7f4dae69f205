import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Issue 13 line 4 (ADR 032, ADR 033): stored files (one interface, owned by any object as
// owner_kind + owner_id; bytes in file_blobs on PostgreSQL, under the data dir on SQLite) and the
// work log (工作纪实) on a posting with its Chinese full-text search: a column of overlapping CJK
// bigrams, indexed by FTS5 (unicode61) on SQLite and a tsvector + GIN on PostgreSQL.

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the owning object: e.g. 'worklog' + an entry's id (its capability checks who may read it)
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    // the name as uploaded (shown and sent back in Content-Disposition)
    .addColumn('name', 'text', (c) => c.notNull())
    // the type found in the content: 'jpeg' | 'png' | 'webp' | 'pdf' | 'docx' | 'doc'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // SHA-256 of the bytes, hex: the blob's address
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('files_owner_idx').on('files').columns(['owner_kind', 'owner_id']).execute();
  await db.schema.createIndex('files_sha256_idx').on('files').column('sha256').execute();
  // the bytes, by hash, when the database holds them (PostgreSQL: shared by every instance);
  // on SQLite the bytes are files under the data dir and this table stays empty
  await db.schema
    .createTable('file_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content', sqlite ? 'blob' : sql`bytea`, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  let entries = db.schema
    .createTable('worklog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('posting_id', 'text', (c) => c.notNull().references('postings.id').onDelete('cascade'))
    .addColumn('cadre_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    // the entry's number in the search index (FTS5 rowid on SQLite; a stable integer, unlike rowid)
    .addColumn('search_key', 'bigint', (c) => c.notNull().unique())
    // the indexed terms: overlapping CJK bigrams and latin words / digits of title, place and text
    .addColumn('search_terms', 'text', (c) => c.notNull())
    .addColumn('attachments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text');
  // PostgreSQL: the same terms as a tsvector with positions (written by the app, parser-independent)
  if (!sqlite) entries = entries.addColumn('search_vector', sql`tsvector`, (c) => c.notNull());
  await entries.execute();
  for (const [name, columns] of [
    ['worklog_entries_posting_idx', ['posting_id', 'entry_date', 'id']],
    ['worklog_entries_date_idx', ['entry_date', 'id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('worklog_entries')
      .columns([...columns])
      .execute();

  if (sqlite) {
    await sql`CREATE VIRTUAL TABLE worklog_fts USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61')`.execute(
      db,
    );
    await sql`CREATE TRIGGER worklog_fts_insert AFTER INSERT ON worklog_entries BEGIN
      INSERT INTO worklog_fts(rowid, terms) VALUES (new.search_key, new.search_terms); END`.execute(db);
    await sql`CREATE TRIGGER worklog_fts_update AFTER UPDATE OF search_terms, search_key ON worklog_entries BEGIN
      DELETE FROM worklog_fts WHERE rowid = old.search_key;
      INSERT INTO worklog_fts(rowid, terms) VALUES (new.search_key, new.search_terms); END`.execute(db);
    await sql`CREATE TRIGGER worklog_fts_delete AFTER DELETE ON worklog_entries BEGIN
      DELETE FROM worklog_fts WHERE rowid = old.search_key; END`.execute(db);
  } else {
    await sql`CREATE INDEX worklog_entries_search_idx ON worklog_entries USING gin (search_vector)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) {
    for (const trigger of ['worklog_fts_insert', 'worklog_fts_update', 'worklog_fts_delete'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
    await sql`DROP TABLE IF EXISTS worklog_fts`.execute(db);
  }
  // (the audit rows stay: the chain is append-only; blob files under the data dir are left as they are)
  await db.schema.dropTable('worklog_entries').execute();
  await db.schema.dropTable('file_blobs').execute();
  await db.schema.dropTable('files').execute();
}

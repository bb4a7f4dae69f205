import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { AuditTables } from '../audit/audit.table.js';
import type { AuthTables } from '../auth/auth.table.js';
import type { CadresTables } from '../cadres/cadres.table.js';
import type { CorrectionsTables } from '../corrections/corrections.table.js';
import type { ExcelTables } from '../excel/excel.table.js';
import type { NominationsTables } from '../nominations/nominations.table.js';
import type { NotificationsTables } from '../notifications/notifications.table.js';
import type { PostsTables } from '../posts/posts.table.js';
import type { ProgrammesTables } from '../programmes/programmes.table.js';
import type { RegionsTables } from '../regions/regions.table.js';
import type { UnitsTables } from '../units/units.table.js';
import { type ChangeFeed, postgresChangeFeed, sqliteChangeFeed } from './change-feed.js';
import type { StatusHistoryTables } from './status-history.table.js';

/** Every table, composed from the capability folders' `*.table.ts`. */
export interface Database
  extends AuthTables,
    AuditTables,
    CadresTables,
    CorrectionsTables,
    ExcelTables,
    NominationsTables,
    NotificationsTables,
    PostsTables,
    ProgrammesTables,
    RegionsTables,
    StatusHistoryTables,
    UnitsTables {
  meta: { key: string; value: string };
  /** Bumped by triggers on every write to the tables they watch (server/core/read-cache.ts). */
  changeCounters: { name: string; version: number };
}

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** Repositories take either the database or an open transaction as their first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  /** Tells an instance when another connection committed (change-feed.ts, ADR 020). */
  changes: ChangeFeed;
  close(): Promise<void>;
}

/** SQLite runs DDL inside transactions; telling Kysely so makes a failed migration roll back whole. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class GuazhiSqliteDialect extends SqliteDialect {
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
}

// PostgreSQL returns bigint (count(*)) as text by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  // 64 MB of pages (the default is 2 MB): a bulk import's index pages stay in memory until commit
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

/** Prepared statements kept for reuse, most recently used last. */
const STATEMENT_CACHE = 200;

/**
 * The connection as Kysely's SQLite driver sees it, with its statements prepared once per SQL
 * text: a bulk insert runs the same 200-row statement many times, and preparing one costs as
 * much as running it. Safe on the one connection Kysely serialises: a statement is run to the
 * end (`all`/`run`, or a stream that holds the connection) before the next query starts.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

export function openDatabase(options: { databaseUrl: string | null; sqliteFile: string }): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    const changes = postgresChangeFeed(options.databaseUrl);
    const close = async () => {
      await changes.close();
      await db.destroy();
    };
    return { db, dialect: 'postgres', changes, close };
  }
  const sqlite = openSqlite(options.sqliteFile);
  const db = new Kysely<Database>({
    dialect: new GuazhiSqliteDialect({ database: withStatementCache(sqlite) }),
    plugins,
  });
  return { db, dialect: 'sqlite', changes: sqliteChangeFeed(sqlite), close: () => db.destroy() };
}

/** SQLite has no boolean type: both databases store flags as integers 0/1. */
export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number | boolean): boolean => value === true || value === 1;

import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
// achievements (issue 13 line 5)
import type { AchievementsTables } from '../achievements/achievements.table.js';
import type { AppraisalTables } from '../appraisals/appraisals.table.js';
// assessment (issue 15)
import type { AssessmentTables } from '../assessment/assessment.table.js';
// issue 13 line 3: attendance
import type { AttendanceTables } from '../attendance/attendance.table.js';
import type { AuditTables } from '../audit/audit.table.js';
import type { AuthTables } from '../auth/auth.table.js';
import type { CadresTables } from '../cadres/cadres.table.js';
import type { CalendarTables } from '../calendar/calendar.table.js';
import type { CorrectionsTables } from '../corrections/corrections.table.js';
// documents (issue 14)
import type { DocumentsTables } from '../documents/documents.table.js';
import type { ExcelTables } from '../excel/excel.table.js';
import type { FilesTables } from '../files/files.table.js';
import type { LeaveTables } from '../leave/leave.table.js';
import type { MatchingTables } from '../matching/matching.table.js';
import type { MonthlyTables } from '../monthly/monthly.table.js';
import type { NominationsTables } from '../nominations/nominations.table.js';
import type { NotificationsTables } from '../notifications/notifications.table.js';
import type { PostingsTables } from '../postings/postings.table.js';
import type { PostsTables } from '../posts/posts.table.js';
import type { ProgrammesTables } from '../programmes/programmes.table.js';
import type { RegionsTables } from '../regions/regions.table.js';
import type { RemindersTables } from '../reminders/reminders.table.js';
import type { UnitsTables } from '../units/units.table.js';
import type { WorklogTables } from '../worklog/worklog.table.js';
import { type ChangeFeed, postgresChangeFeed, sqliteChangeFeed } from './change-feed.js';
import { ReaderPool } from './reader-pool.js';
import { statementCache } from './sqlite-statements.js';
import type { StatusHistoryTables } from './status-history.table.js';

/** Every table, composed from the capability folders' `*.table.ts`. */
export interface Database
  extends AuthTables,
    AchievementsTables,
    AttendanceTables,
    AssessmentTables,
    AuditTables,
    CadresTables,
    CalendarTables,
    LeaveTables,
    CorrectionsTables,
    ExcelTables,
    MatchingTables,
    MonthlyTables,
    AppraisalTables,
    NominationsTables,
    NotificationsTables,
    PostingsTables,
    PostsTables,
    ProgrammesTables,
    RegionsTables,
    RemindersTables,
    StatusHistoryTables,
    // worklog (issue 13 line 4)
    FilesTables,
    WorklogTables,
    // documents (issue 14)
    DocumentsTables,
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

/**
 * A connection as Kysely sees it, on SQLite with reader threads (ADR 019): a SELECT outside a
 * transaction goes to the reader pool; anything else takes the one main connection for that
 * statement; a transaction holds the main connection from `begin` to its end, so its reads see
 * its own writes and nothing else interleaves.
 */
class RoutedConnection implements DatabaseConnection {
  /** The main connection, held while a transaction is open on this connection. */
  main: DatabaseConnection | null = null;

  constructor(
    private readonly driver: Driver,
    private readonly readers: ReaderPool,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.main) return this.main.executeQuery<R>(query);
    if (SelectQueryNode.is(query.query))
      return { rows: (await this.readers.run(query.sql, query.parameters)) as R[] };
    const main = await this.driver.acquireConnection();
    try {
      return await main.executeQuery<R>(query);
    } finally {
      await this.driver.releaseConnection(main);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.main) {
      yield* this.main.streamQuery<R>(query, chunkSize);
      return;
    }
    const main = await this.driver.acquireConnection();
    try {
      yield* main.streamQuery<R>(query, chunkSize);
    } finally {
      await this.driver.releaseConnection(main);
    }
  }
}

function pinned(connection: DatabaseConnection): DatabaseConnection {
  const main = (connection as RoutedConnection).main;
  if (!main) throw new Error('no transaction is open on this connection');
  return main;
}

/** Kysely's SQLite driver for the main connection, with the reader pool beside it. */
class ReadersDriver implements Driver {
  private readonly main: Driver;

  constructor(
    config: SqliteDialectConfig,
    private readonly readers: ReaderPool,
  ) {
    this.main = new SqliteDriver(config) as Driver;
  }

  init(): Promise<void> {
    return this.main.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.main, this.readers);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const routed = connection as RoutedConnection;
    const main = await this.main.acquireConnection();
    routed.main = main;
    try {
      await this.main.beginTransaction(main, settings);
    } catch (error) {
      routed.main = null;
      await this.main.releaseConnection(main);
      throw error;
    }
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.main.commitTransaction(pinned(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.main.rollbackTransaction(pinned(connection));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return (this.main as Required<Driver>).savepoint(pinned(connection), name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return (this.main as Required<Driver>).rollbackToSavepoint(pinned(connection), name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return (this.main as Required<Driver>).releaseSavepoint(pinned(connection), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    const main = routed.main;
    if (!main) return;
    routed.main = null;
    await this.main.releaseConnection(main);
  }

  async destroy(): Promise<void> {
    await this.readers.close();
    await this.main.destroy();
  }
}

class GuazhiSqliteDialect extends SqliteDialect {
  constructor(
    private readonly options: SqliteDialectConfig,
    private readonly readers: ReaderPool | null,
  ) {
    super(options);
  }

  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return this.readers ? new ReadersDriver(this.options, this.readers) : super.createDriver();
  }
}

// PostgreSQL returns bigint (count(*)) as text by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * The database file and its WAL and shared-memory files readable by the owner only: the file is
 * created 0600 before SQLite opens it (SQLite gives `-wal` and `-shm` the mode of the database
 * file), and files left more open by an older version are narrowed.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

export function openSqlite(file: string): SQLite.Database {
  ownerOnly(file);
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

/**
 * The connection as Kysely's SQLite driver sees it, with its statements prepared once per SQL
 * text (server/core/sqlite-statements.ts).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  return { close: () => sqlite.close(), prepare: statementCache(sqlite) };
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  sqliteFile: string;
  /** Reader threads for SELECTs outside transactions on SQLite (ADR 019); 0 or absent: none. */
  sqliteReaders?: number;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, a failover, an administrator) is dropped
    // from the pool, which opens a new one for the next query; without a listener the pool's
    // 'error' event would end the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    const changes = postgresChangeFeed(options.databaseUrl);
    const close = async () => {
      await changes.close();
      await db.destroy();
    };
    return { db, dialect: 'postgres', changes, close };
  }
  const sqlite = openSqlite(options.sqliteFile);
  const readers = options.sqliteReaders ? new ReaderPool(options.sqliteFile, options.sqliteReaders) : null;
  const db = new Kysely<Database>({
    dialect: new GuazhiSqliteDialect({ database: withStatementCache(sqlite) }, readers),
    plugins,
  });
  return { db, dialect: 'sqlite', changes: sqliteChangeFeed(sqlite), close: () => db.destroy() };
}

/** SQLite has no boolean type: both databases store flags as integers 0/1. */
export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number | boolean): boolean => value === true || value === 1;

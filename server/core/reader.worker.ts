import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { statementCache } from './sqlite-statements.js';

/**
 * One reader thread of server/core/reader-pool.ts: its own read-only connection on the
 * application's SQLite file (WAL: it sees every committed write, never blocks the writer).
 * Each message is one SELECT, answered with its rows or its error, one after another.
 */
const port = parentPort;
if (!port) throw new Error('reader.worker runs as a worker thread only');
const { file } = workerData as { file: string };
const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('query_only = ON');
sqlite.pragma('cache_size = -32768');
const prepare = statementCache(sqlite);

type Query = { id: number; sql: string; parameters: unknown[] };

/** Blobs arrive as Uint8Array (structured clone); better-sqlite3 binds Buffers. */
const bindable = (value: unknown) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;

port.on('message', ({ id, sql, parameters }: Query) => {
  try {
    const statement = prepare(sql);
    if (!statement.reader) throw new Error('a reader thread runs SELECT statements only');
    port.postMessage({ id, rows: statement.all(parameters.map(bindable)) });
  } catch (error) {
    const e = error as Error & { code?: string };
    port.postMessage({ id, error: { message: e.message, code: e.code } });
  }
});

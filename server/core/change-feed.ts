import { EventEmitter } from 'node:events';
import type SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * How an app instance learns that *another* connection committed a write (ADR 020): another app
 * instance on the same database, the command line, a script. Its read cache (read-cache.ts)
 * asks at the start of every request and forgets its reading of the change counters when the
 * answer is yes, so a write committed anywhere is seen by the next request.
 *
 * - SQLite: `PRAGMA data_version`, which moves when another connection commits (~4 µs, no I/O).
 * - PostgreSQL: one listening connection per instance; the change-counter trigger sends
 *   `NOTIFY guazhi_changes` (migration 20261202140000), delivered at commit. While that
 *   connection is not listening (starting, lost, reconnecting) every request reads the counters
 *   again: never stale, only slower.
 *
 * Emits 'change' when it learns of a write made elsewhere (PostgreSQL, as notifications arrive).
 */
export interface ChangeFeed extends EventEmitter {
  /** Whether another connection may have committed since the last call. */
  changedElsewhere(): boolean;
  /** Resolves once writes made elsewhere are noticed without asking the database (listening). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export const CHANGE_CHANNEL = 'guazhi_changes';

export function sqliteChangeFeed(sqlite: SQLite.Database): ChangeFeed {
  const statement = sqlite.prepare('PRAGMA data_version').pluck();
  let seen = statement.get() as number;
  return Object.assign(new EventEmitter(), {
    changedElsewhere() {
      const now = statement.get() as number;
      if (now === seen) return false;
      seen = now;
      return true;
    },
    ready: async () => {},
    close: async () => {},
  });
}

/**
 * Lets go of a listener connection: its own listeners removed, but a no-op 'error' one kept — an
 * error arriving while it ends (the server ending it, 57P01) must not become an uncaught one.
 */
function discard(c: pg.Client): Promise<void> {
  c.removeAllListeners();
  c.on('error', () => {});
  return c.end().catch(() => {});
}

/** Listens lazily: the first `changedElsewhere()` (the first request) opens the connection. */
export function postgresChangeFeed(connectionString: string, retryMs = 1000): ChangeFeed {
  const feed = new EventEmitter() as ChangeFeed;
  let client: pg.Client | null = null;
  let listening = false;
  let notified = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = () => {
    listening = false;
    const c = client;
    client = null;
    if (c) void discard(c);
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = null;
        connect();
      }, retryMs);
      retry.unref();
    }
  };
  const connect = () => {
    if (closed || client) return;
    const c = new pg.Client({ connectionString });
    client = c;
    c.on('notification', () => {
      notified = true;
      feed.emit('change');
    });
    c.on('error', lost);
    c.on('end', () => {
      if (client === c) lost();
    });
    c.connect()
      .then(() => c.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        listening = true;
        notified = true; // writes made before the LISTEN took effect: read the counters once more
        feed.emit('listening');
      })
      .catch(() => {
        if (client === c) lost();
      });
  };

  feed.changedElsewhere = () => {
    if (!listening) {
      connect();
      return true;
    }
    const answer = notified;
    notified = false;
    return answer;
  };
  feed.ready = () => {
    if (listening) return Promise.resolve();
    const listened = new Promise<void>((resolve) => feed.once('listening', () => resolve()));
    connect();
    return listened;
  };
  feed.close = async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    listening = false;
    if (c) await discard(c);
  };
  return feed;
}

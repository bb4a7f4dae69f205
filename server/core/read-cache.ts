import { LRUCache } from 'lru-cache';
import type { Executor } from './database.js';

/**
 * Read caches for the hottest reads: a request's session, account and roles, and cadre list
 * pages (ADR 011). Database triggers bump a change counter in the same transaction as every
 * write to the tables it watches (migration 20261125110000). An answer is stored with the
 * counter read *before* it was loaded and served only while the counter still has that value,
 * so a write committed meanwhile is never hidden.
 *
 * The counters themselves are read at most every `maxAgeMs` (one query for all of them), at
 * once after any state-changing request of this instance (`invalidate()`, called by the app
 * before it answers one), and at once when a request begins after another connection committed
 * (`beginRequest()`, asking the database handle's change feed — ADR 020): a write made by
 * another instance or by the command line is seen by the next request that begins after it
 * (on PostgreSQL: after its notification arrived; `maxAgeMs` bounds the rest).
 */
export type CounterName = 'registry' | 'access';

interface Entry {
  counter: CounterName;
  version: number;
  value: unknown;
}

export interface ReadCacheOptions {
  /** How long a reading of the counters is trusted (0: read them for every use). */
  maxAgeMs?: number;
  /** Entries kept (least recently used go first). */
  max?: number;
  /** A monotonic clock in milliseconds (tests pass their own). */
  now?: () => number;
  /** Whether another connection may have committed since the last call (change-feed.ts). */
  changedElsewhere?: () => boolean;
}

export class ReadCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly changedElsewhere: () => boolean;
  private counters: { readAt: number; values: Promise<Map<string, number>> } | null = null;

  constructor(options: ReadCacheOptions = {}) {
    this.entries = new LRUCache({ max: options.max ?? 5000 });
    this.maxAgeMs = options.maxAgeMs ?? 100;
    this.now = options.now ?? (() => performance.now());
    this.changedElsewhere = options.changedElsewhere ?? (() => false);
  }

  /** At the start of a request: a write committed elsewhere since the last reading is seen by it. */
  beginRequest(): void {
    if (this.changedElsewhere()) this.invalidate();
  }

  /**
   * The value under `key` while the counter has not moved, else `load()` (stored for next
   * time). Values are shared between callers: treat them as read-only.
   */
  async get<T>(db: Executor, counter: CounterName, key: string, load: () => Promise<T>): Promise<T> {
    const version = await this.counter(db, counter);
    const hit = this.entries.get(key);
    if (hit && hit.counter === counter && hit.version === version) return hit.value as T;
    const value = await load();
    this.entries.set(key, { counter, version, value });
    return value;
  }

  /** Forget the counters' last reading: the next use reads them again. */
  invalidate(): void {
    this.counters = null;
  }

  private async counter(db: Executor, name: CounterName): Promise<number> {
    const now = this.now();
    if (!this.counters || now - this.counters.readAt >= this.maxAgeMs) {
      const values = readCounters(db);
      this.counters = { readAt: now, values };
      // a failed reading is not kept
      values.catch(() => {
        if (this.counters?.values === values) this.counters = null;
      });
    }
    const value = (await this.counters.values).get(name);
    if (value === undefined) throw new Error(`No change counter ${name}`);
    return value;
  }
}

async function readCounters(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('changeCounters').select(['name', 'version']).execute();
  return new Map(rows.map((r) => [r.name, Number(r.version)]));
}

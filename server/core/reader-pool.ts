import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './offload.js';

type Reply =
  | { id: number; rows: Record<string, unknown>[] }
  | { id: number; error: { message: string; code?: string } };

interface Reader {
  worker: Worker;
  waiting: Map<number, { resolve: (rows: Record<string, unknown>[]) => void; reject: (e: Error) => void }>;
}

/** Structured clone turns a Buffer into a Uint8Array: give the repositories their Buffers back. */
function withBuffers(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows)
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && !Buffer.isBuffer(value))
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  return rows;
}

/**
 * SELECTs off the event loop (ADR 019): `size` worker threads, each with its own read-only
 * connection on the same SQLite file (server/core/reader.worker.ts). A query goes to the reader
 * with the fewest queries waiting; a long list keeps one reader busy while the event loop goes
 * on answering everyone else. Readers start on first use and keep the process alive only while a
 * query waits; one that fails is replaced on the next query.
 */
export class ReaderPool {
  private readonly readers: (Reader | null)[];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly file: string,
    size: number,
  ) {
    this.readers = Array.from({ length: size }, () => null);
  }

  /** The rows of one SELECT, run by a reader thread. */
  run(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown>[]> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    const reader = this.leastBusy();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      reader.waiting.set(id, { resolve, reject });
      reader.worker.ref();
      try {
        reader.worker.postMessage({ id, sql, parameters });
      } catch (error) {
        reader.waiting.delete(id);
        if (reader.waiting.size === 0) reader.worker.unref();
        reject(error as Error);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.readers.filter((r): r is Reader => r !== null);
    this.readers.fill(null);
    await Promise.all(running.map((r) => r.worker.terminate()));
  }

  /** An idle reader, else a new one while there is room, else the one with the fewest waiting. */
  private leastBusy(): Reader {
    let best: Reader | null = null;
    let empty = -1;
    for (let i = 0; i < this.readers.length; i++) {
      const reader = this.readers[i];
      if (!reader) {
        if (empty < 0) empty = i;
      } else if (!best || reader.waiting.size < best.waiting.size) best = reader;
    }
    if (best && (best.waiting.size === 0 || empty < 0)) return best;
    return this.start(empty);
  }

  private start(slot: number): Reader {
    const worker = spawnWorker(new URL('./reader.worker.js', import.meta.url), {
      workerData: { file: this.file },
    });
    const reader: Reader = { worker, waiting: new Map() };
    const fail = (error: Error) => {
      if (this.readers[slot] === reader) this.readers[slot] = null;
      for (const { reject } of reader.waiting.values()) reject(error);
      reader.waiting.clear();
    };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = reader.waiting.get(reply.id);
      if (!pending) return;
      reader.waiting.delete(reply.id);
      if (reader.waiting.size === 0) worker.unref();
      if ('error' in reply)
        pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else pending.resolve(withBuffers(reply.rows));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`reader thread stopped (exit code ${code})`)));
    this.readers[slot] = reader;
    return reader;
  }
}

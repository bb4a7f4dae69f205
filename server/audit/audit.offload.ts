import { Worker } from 'node:worker_threads';
import type { ChainInput } from './audit.chain.js';
import type { AuditLogTable } from './audit.table.js';

type Reply = { id: number; rows: AuditLogTable[] } | { id: number; error: string };

/**
 * One worker thread per process for long runs of audit rows, started on first use; it keeps
 * the process alive only while a run is waiting for it. Run from the build it loads
 * `audit.worker.js`; run from the sources (tests, `tsx`) it loads `audit.worker.ts` through
 * tsx, as the sources themselves are loaded.
 */
let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (rows: AuditLogTable[]) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  worker = null;
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
}

function started(): Worker {
  if (worker) return worker;
  const fromSources = import.meta.url.endsWith('.ts');
  const created = fromSources
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
          new URL('./audit.worker.ts', import.meta.url).href,
        )}); });`,
        { eval: true },
      )
    : new Worker(new URL('./audit.worker.js', import.meta.url));
  created.unref();
  created.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) created.unref();
    if ('rows' in reply) pending.resolve(reply.rows);
    else pending.reject(new Error(`audit worker: ${reply.error}`));
  });
  created.on('error', (error) => failAll(error));
  created.on('exit', (code) => {
    if (worker === created) failAll(new Error(`audit worker stopped (exit code ${code})`));
  });
  worker = created;
  return created;
}

/** `chainRows(input)`, built on the worker thread. */
export function chainOnWorker(input: ChainInput): Promise<AuditLogTable[]> {
  const id = nextId++;
  const running = started();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    running.ref();
    running.postMessage({ id, input });
  });
}

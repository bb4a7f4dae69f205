import { Worker, type WorkerOptions } from 'node:worker_threads';

type Reply = { id: number; result: unknown } | { id: number; error: string };

/**
 * One worker thread per process for the pure, long parts of a bulk import (building ten
 * thousand audit rows, encrypting and indexing ten thousand names), so that they run while
 * the request's own thread writes to the database. Started on first use; it keeps the process
 * alive only while a job waits for it. Run from the build it loads `offload.worker.js`; run
 * from the sources (tests, `tsx`) it loads `offload.worker.ts` through tsx, as the sources
 * themselves are loaded. Jobs are functions of plain data (structured clone both ways) in
 * modules with no side effects on import.
 */
let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (e: Error) => void }>();

function failAll(error: Error): void {
  worker = null;
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
}

/**
 * A worker thread on `entry`, named as the caller's own `new URL('./x.worker.js', import.meta.url)`:
 * the build's `.js` file, or — run from the sources (tests, `tsx`) — the `.ts` beside it, loaded
 * through tsx as the sources themselves are.
 */
export function spawnWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry, options);
  const source = new URL(entry.href.replace(/\.js$/, '.ts'));
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`,
    { ...options, eval: true },
  );
}

function started(): Worker {
  if (worker) return worker;
  const created = spawnWorker(new URL('./offload.worker.js', import.meta.url));
  created.unref();
  created.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) created.unref();
    if ('error' in reply) pending.reject(new Error(`worker thread: ${reply.error}`));
    else pending.resolve(reply.result);
  });
  created.on('error', (error) => failAll(error));
  created.on('exit', (code) => {
    if (worker === created) failAll(new Error(`worker thread stopped (exit code ${code})`));
  });
  worker = created;
  return created;
}

/**
 * `module[name](input)` on the worker thread. `module` is the job's URL as the caller's own
 * `new URL('./x.js', import.meta.url)` gives it (the `.js` name also finds `x.ts` under tsx).
 */
export function onWorker<I, O>(module: URL, name: string, input: I): Promise<O> {
  const id = nextId++;
  const running = started();
  return new Promise<O>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
    running.ref();
    try {
      running.postMessage({ id, module: module.href, name, input });
    } catch (error) {
      waiting.delete(id);
      if (waiting.size === 0) running.unref();
      reject(error as Error);
    }
  });
}

/** Jobs at least this long go to the worker thread; shorter ones cost less where they are. */
export const WORKER_FROM = 1000;

/**
 * A job over `count` items: on the worker thread when it is long (WORKER_FROM), else `here()` at
 * once. The result is awaited later by the caller; a failure is not unhandled meanwhile.
 */
export function whenLongOnWorker<I, O>(
  count: number,
  job: { module: URL; name: string; input: () => I },
  here: () => O,
): Promise<O> {
  const result =
    count >= WORKER_FROM ? onWorker<I, O>(job.module, job.name, job.input()) : Promise.resolve(here());
  result.catch(() => {});
  return result;
}

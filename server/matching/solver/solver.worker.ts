import { isMainThread, parentPort, type Transferable, workerData } from 'node:worker_threads';
import { spawnWorker } from '../../core/offload.js';
import {
  type MatchInstance,
  type MatchResult,
  PinConflictError,
  SolveCancelledError,
  solve,
} from './solver.js';

/**
 * `solve` on a worker thread of its own, one per run (ADR 023): the event loop stays free and a
 * run is cancelled by terminating its thread. The instance's typed arrays are transferred, not
 * copied — the caller's `scores` and `forbidden` are detached once this is called. This file is
 * both the runner (imported on the main thread) and the thread's entry point; the thread is
 * started through `spawnWorker` (server/core/offload.ts), which loads the built `.js` or, from
 * the sources, this `.ts` through tsx.
 */

type Message =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; placed: number; total: number; assignment: Int32Array }
  | { kind: 'error'; name: string; message: string; pins?: Array<[number, number]>; reason?: string };

const MARK = 'guazhi-matching-solver';

function transferables(instance: MatchInstance): Transferable[] {
  const list: Transferable[] = [];
  for (const array of [instance.scores, instance.forbidden]) {
    if (array && array.buffer instanceof ArrayBuffer && !list.includes(array.buffer)) list.push(array.buffer);
  }
  return list;
}

export function runInWorker(
  instance: MatchInstance,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<MatchResult> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.reject(new SolveCancelledError());
  const plain: MatchInstance = {
    rows: instance.rows,
    cols: instance.cols,
    scores: instance.scores,
    forbidden: instance.forbidden,
    capacity: instance.capacity && Array.from(instance.capacity),
    group: instance.group && Array.from(instance.group),
    quota: instance.quota && Array.from(instance.quota),
    pinned: instance.pinned?.map(([i, j]) => [i, j] as const),
  };
  return new Promise<MatchResult>((resolve, reject) => {
    const worker = spawnWorker(new URL('./solver.worker.js', import.meta.url), {
      workerData: { mark: MARK, instance: plain, progress: Boolean(onProgress) },
      transferList: transferables(plain),
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => {
      finish(() => reject(new SolveCancelledError()));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: Message) => {
      if (message.kind === 'progress') {
        if (!settled) onProgress?.(message.fraction);
      } else if (message.kind === 'done') {
        const { placed, total, assignment } = message;
        finish(() => resolve({ placed, total, assignment }));
      } else finish(() => reject(revive(message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`matching solver thread stopped (exit code ${code})`))),
    );
  });
}

function revive(message: Extract<Message, { kind: 'error' }>): Error {
  if (message.pins) return new PinConflictError(message.pins, message.reason ?? '');
  if (message.name === 'SolveCancelledError') return new SolveCancelledError();
  const error = new Error(message.message);
  error.name = message.name;
  return error;
}

// the thread's entry point
if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === MARK) {
  const port = parentPort;
  const { instance, progress } = workerData as { instance: MatchInstance; progress: boolean };
  try {
    const result = solve(instance, {
      onProgress: progress ? (fraction) => port.postMessage({ kind: 'progress', fraction }) : undefined,
    });
    port.postMessage({ kind: 'done', ...result } satisfies Message, [
      result.assignment.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const pins = e instanceof PinConflictError ? { pins: e.pins, reason: e.reason } : {};
    port.postMessage({ kind: 'error', name: e.name, message: e.message, ...pins } satisfies Message);
  }
  port.close();
}

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fitOf } from '../../common/matching/fit.js';
import type { FitFactor, MatchingSettings, Unmatched } from '../../common/matching/matching.schema.js';
import { spawnWorker } from '../core/offload.js';
import {
  type Built,
  buildInstance,
  factorTotals,
  pinConflictText,
  scoreAt,
  unmatchedOf,
} from './matching.problem.js';
import type { Problem } from './matching.repository.js';
import { PinConflictError, SolveCancelledError, solve } from './solver/solver.js';

/**
 * A whole run on a worker thread of its own (ADR 025): the fit matrix of every accepted
 * nomination × approved post, the hard constraints, the solve, each assigned pair's factors and
 * the reasons of whatever is left open — everything heavy of a run — so the request's thread only
 * loads the problem and stores the outcome. Cancelled by terminating the thread. Progress: the
 * fit matrix is the first tenth, the solve the rest. This file is both the runner (imported on
 * the main thread) and the thread's entry point (started through `spawnWorker`).
 */

export interface RunPair {
  nominationId: string;
  postRequestId: string;
  score: number;
  factors: FitFactor[];
  pinned: boolean;
}
export interface RunOutcome {
  placed: number;
  total: number;
  pairs: RunPair[];
  unmatched: Unmatched[];
  factorTotals: Record<string, number>;
}
/** A run the solver could not do: `text` is the user's reason (a pin conflict in words). */
export class RunFailedError extends Error {
  constructor(readonly text: string) {
    super(text);
    this.name = 'RunFailedError';
  }
}

interface RunInput {
  problem: Problem;
  settings: MatchingSettings;
  pins: [string, string][];
}

type Message =
  | { kind: 'progress'; fraction: number }
  | { kind: 'done'; outcome: RunOutcome }
  | { kind: 'error'; name: string; message: string; text?: string };

const MARK = 'guazhi-matching-run';
/** The share of a run's progress the fit matrix and constraints take (the solve takes the rest). */
const BUILD_SHARE = 0.1;

/** Each assigned pair with its score and factors, as the run stores it. */
function assignedPairs(built: Built, assignment: Int32Array): RunPair[] {
  const pinned = new Set(built.instance.pinned?.map(([i, j]) => `${i}:${j}`));
  const out: RunPair[] = [];
  assignment.forEach((j, i) => {
    if (j < 0) return;
    const cadre = built.problem.cadres[i] as Problem['cadres'][number];
    const post = built.problem.posts[j] as Problem['posts'][number];
    out.push({
      nominationId: cadre.nominationId,
      postRequestId: post.postRequestId,
      score: scoreAt(built, i, j),
      factors: fitOf(cadre, post, built.settings).factors,
      pinned: pinned.has(`${i}:${j}`),
    });
  });
  return out;
}

/** The run itself, on whatever thread calls it (the worker's entry point; tests). */
export function computeRun(input: RunInput, onProgress?: (fraction: number) => void): RunOutcome {
  const built = buildInstance(input.problem, input.settings, { pins: input.pins });
  onProgress?.(BUILD_SHARE);
  let result: ReturnType<typeof solve>;
  try {
    result = solve(built.instance, {
      onProgress: onProgress && ((f) => onProgress(BUILD_SHARE + (1 - BUILD_SHARE) * f)),
    });
  } catch (error) {
    if (error instanceof PinConflictError)
      throw new RunFailedError(pinConflictText(built, error.pins, error.reason));
    throw error;
  }
  const pairs = assignedPairs(built, result.assignment);
  return {
    placed: result.placed,
    total: result.total,
    pairs,
    unmatched: unmatchedOf(built, result),
    factorTotals: factorTotals(pairs.map((p) => p.factors)),
  };
}

/** `computeRun` on a thread of its own: progress as it goes, cancelled through `signal`. */
export function runOnWorker(
  input: RunInput,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<RunOutcome> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.reject(new SolveCancelledError());
  return new Promise<RunOutcome>((resolve, reject) => {
    const worker = spawnWorker(new URL('./run.worker.js', import.meta.url), {
      workerData: { mark: MARK, input, progress: Boolean(onProgress) },
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
      } else if (message.kind === 'done') finish(() => resolve(message.outcome));
      else
        finish(() => {
          if (message.text !== undefined) return reject(new RunFailedError(message.text));
          const error = new Error(message.message);
          error.name = message.name;
          reject(error);
        });
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`matching run thread stopped (exit code ${code})`))),
    );
  });
}

// the thread's entry point
if (!isMainThread && parentPort && (workerData as { mark?: string } | null)?.mark === MARK) {
  const port = parentPort;
  const { input, progress } = workerData as { input: RunInput; progress: boolean };
  try {
    const outcome = computeRun(
      input,
      progress ? (fraction) => port.postMessage({ kind: 'progress', fraction } satisfies Message) : undefined,
    );
    port.postMessage({ kind: 'done', outcome } satisfies Message);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const text = e instanceof RunFailedError ? { text: e.text } : {};
    port.postMessage({ kind: 'error', name: e.name, message: e.message, ...text } satisfies Message);
  }
  port.close();
}

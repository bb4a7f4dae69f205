import { parentPort } from 'node:worker_threads';

/**
 * The worker thread of server/core/offload.ts: each message names a module, one of its
 * exported functions and the input; the answer carries the function's result or its error.
 */
const port = parentPort;
if (!port) throw new Error('offload.worker runs as a worker thread only');
type Job = { id: number; module: string; name: string; input: unknown };

async function run({ id, module, name, input }: Job): Promise<void> {
  try {
    const fn = ((await import(module)) as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`${module} exports no function ${name}`);
    port?.postMessage({ id, result: await fn(input) });
  } catch (error) {
    port?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

// one job after another, in the order sent: a caller that sends two waits for the first first
let queue = Promise.resolve();
port.on('message', (job: Job) => {
  queue = queue.then(() => run(job));
});

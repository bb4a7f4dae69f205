import { parentPort } from 'node:worker_threads';
import { type ChainInput, chainRows } from './audit.chain.js';

/**
 * The worker thread that builds long runs of audit rows (server/audit/audit.offload.ts): each
 * message is one run; the answer carries the rows, or the error's message.
 */
const port = parentPort;
if (!port) throw new Error('audit.worker.ts runs as a worker thread only');
port.on('message', ({ id, input }: { id: number; input: ChainInput }) => {
  try {
    port.postMessage({ id, rows: chainRows(input) });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
/** The browser tests' server keeps its data here; e2e/serve.mjs wipes it at every run. */
export const E2E_DATA_DIR = path.join(ROOT, '.tmp/e2e-data');

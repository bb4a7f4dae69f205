import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
/** One folder per port, so two checkouts' browser runs on different ports never meet. */
export const E2E_DIR = path.join(ROOT, `.tmp/e2e-${E2E_PORT}`);
/** The browser tests' server keeps its data here; e2e/serve.mjs wipes it at every run. */
export const E2E_DATA_DIR = path.join(E2E_DIR, 'data');
/** The server's log (e2e/serve.mjs writes it; tests search it for secrets). */
export const E2E_SERVER_LOG = path.join(E2E_DIR, 'server.log');
/** The secrets tests typed or were shown this run (e2e/fixtures.ts `rememberSecrets`). */
export const E2E_SECRETS = path.join(E2E_DIR, 'typed-secrets.txt');

// Starts the built app for the browser tests on a fresh data dir (no demo data: tests make their own).
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, '.tmp/e2e-data');
rmSync(dataDir, { recursive: true, force: true });
Object.assign(process.env, {
  GUAZHI_DATA_DIR: dataDir,
  PORT: process.env.E2E_PORT ?? '3199',
  HOST: '127.0.0.1',
  GUAZHI_DEMO: '0',
  DATABASE_URL: '',
});
process.argv = [process.argv[0], path.join(root, 'bin/guazhi.js'), 'serve'];
await import('../bin/guazhi.js');

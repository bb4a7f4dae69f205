// Starts the built app for the browser tests on a fresh data dir (no demo data: tests make
// their own), writing its log to .tmp/e2e-<port>/server.log so a test can search it afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT ?? '3199';
// the same folders as e2e/env.ts
const dir = path.join(root, `.tmp/e2e-${port}`);
const dataDir = path.join(dir, 'data');
rmSync(dataDir, { recursive: true, force: true });
rmSync(path.join(dir, 'typed-secrets.txt'), { force: true });
mkdirSync(dir, { recursive: true });
const log = createWriteStream(path.join(dir, 'server.log'));
const child = spawn(process.execPath, [path.join(root, 'bin/guazhi.js'), 'serve'], {
  env: {
    ...process.env,
    GUAZHI_DATA_DIR: dataDir,
    PORT: port,
    HOST: '127.0.0.1',
    GUAZHI_DEMO: '0',
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.pipe(log);
child.stderr.pipe(log);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

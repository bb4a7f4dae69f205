import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_DIR, E2E_PORT } from './env.js';

const root = path.resolve(import.meta.dirname, '..');

// Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  outputDir: path.join(E2E_DIR, 'results'),
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    contextOptions: { reducedMotion: 'reduce' },
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'pages', testIgnore: /server-log\.e2e\.ts$/ },
    // after every page spec: the log of the whole run is searched for what they typed
    { name: 'server log', testMatch: /server-log\.e2e\.ts$/, dependencies: ['pages'] },
  ],
  webServer: {
    command: 'node e2e/serve.mjs',
    cwd: root,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// Browser benchmarks (`npm run bench:board`): the same server and Chromium as the browser tests,
// but not part of `npm test` — they print figures (docs/benchmarks.md) rather than pass or fail on time.
export default defineConfig({ ...base, testMatch: '*.bench.ts', projects: undefined, timeout: 600_000 });

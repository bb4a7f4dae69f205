import { defineConfig } from 'vitest/config';

// Two projects: `unit` (no database) and `api` (through app.inject on a real database:
// SQLite by default, PostgreSQL when DATABASE_URL is set — scripts/test.mjs runs it both ways).
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts', 'test/**/*.api.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});

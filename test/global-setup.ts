import { createTemplate } from './databases.js';

/** Migrates one template database per run; each test file copies it (see test/databases.ts). */
export default async function setup(): Promise<void> {
  await createTemplate(process.env.DATABASE_URL || undefined);
  // tests of SQLite's own machinery (the reader pool) run in the PostgreSQL pass too: never skipped
  if (process.env.DATABASE_URL) await createTemplate(undefined);
}

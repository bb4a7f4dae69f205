import { createTemplate } from './databases.js';

/** Migrates one template database per run; each test file copies it (see test/databases.ts). */
export default async function setup(): Promise<void> {
  await createTemplate(process.env.DATABASE_URL || undefined);
}

import type { Kysely } from 'kysely';
import { migrations } from '../server/migrations/index.js';

/**
 * A migration's own down/up test must first take down every migration after it: later tables may
 * hang on this one's (PostgreSQL refuses to drop a table others reference; SQLite lets it pass),
 * and a test that names its dependents by hand breaks on the next migration that adds one.
 */
const laterOrSame = (name: string): string[] => {
  if (!(name in migrations)) throw new Error(`no migration named ${name}`);
  return Object.keys(migrations)
    .sort()
    .filter((n) => n >= name);
};

/** Runs `down` for the named migration and every later one, newest first. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
export async function downThrough(raw: Kysely<any>, name: string): Promise<void> {
  for (const n of laterOrSame(name).reverse()) await migrations[n]?.down?.(raw);
}

/** Runs `up` for the named migration and every later one, oldest first. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on untyped Kysely
export async function upFrom(raw: Kysely<any>, name: string): Promise<void> {
  for (const n of laterOrSame(name)) await migrations[n]?.up(raw);
}

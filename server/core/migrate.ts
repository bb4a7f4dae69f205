import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from '../migrations/index.js';

export class MigrationError extends Error {
  constructor(migration: string, cause: unknown) {
    super(`迁移失败 / migration failed: ${migration} — ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations and generic table updates work on untyped Kysely
function migrator(db: Kysely<any>, source: Record<string, Migration>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => source },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/**
 * The migrations applied and those still to run, by name. `applied` is empty on a new database
 * (runtime.ts backs up a database with data before its pending migrations run).
 */
export async function migrationState(
  // biome-ignore lint/suspicious/noExplicitAny: see migrateToLatest
  db: Kysely<any>,
  source: Record<string, Migration> = migrations,
): Promise<{ applied: string[]; pending: string[] }> {
  const all = await migrator(db, source).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}

/**
 * Runs every pending migration in one transaction (both dialects support transactional DDL),
 * so a failure leaves the database exactly as it was. Throws on failure; callers exit non-zero.
 */
export async function migrateToLatest(
  // biome-ignore lint/suspicious/noExplicitAny: migrations and generic table updates work on untyped Kysely
  db: Kysely<any>,
  source: Record<string, Migration> = migrations,
): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db, source).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '(setup)';
    throw new MigrationError(failed, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

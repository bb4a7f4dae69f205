import { sealAnchorIfAppended } from './audit/audit.service.js';
import { backupBeforeMigrations } from './backup/backup.service.js';
import { ensureExpertise } from './cadres/cadres.service.js';
import { type Clock, systemClock } from './core/clock.js';
import type { Config } from './core/config.js';
import { type AppContext, createContext } from './core/context.js';
import { type DatabaseHandle, openDatabase } from './core/database.js';
import { migrateToLatest } from './core/migrate.js';
import { refreshStatistics } from './core/statistics.js';
import { ensureRegions } from './regions/regions.service.js';

export interface Runtime {
  ctx: AppContext;
  handle: DatabaseHandle;
  migrated: string[];
  /** The backup taken before the pending migrations ran, or null. */
  backupBeforeMigrations: string | null;
  close(): Promise<void>;
}

/** Opens the configured database, migrates it and loads regions: what every command needs first. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  const handle = openDatabase(config);
  try {
    const before = await backupBeforeMigrations({ db: handle.db, dialect: handle.dialect, config, clock });
    const migrated = await migrateToLatest(handle.db);
    await refreshStatistics(handle.db, handle.dialect);
    const ctx = createContext(handle, config, clock);
    await ensureRegions(ctx);
    await ensureExpertise(ctx);
    // a command's audit rows (create-admin, reset-password, seed-demo …) are anchored as it ends
    const close = async () => {
      try {
        await sealAnchorIfAppended(ctx, 0);
      } finally {
        await handle.close();
      }
    };
    return { ctx, handle, migrated, backupBeforeMigrations: before, close };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `SQLite ${config.sqliteFile}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

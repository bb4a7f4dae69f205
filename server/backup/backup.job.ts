import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { advanceMeta } from '../core/meta.repository.js';
import {
  type BackupContext,
  backupExtension,
  backupTo,
  fileStamp,
  type Manifest,
  manifestPath,
} from './backup.service.js';

/**
 * Scheduled backups (ADR 017): with `GUAZHI_BACKUP_DIR` set, `serve` looks every
 * `min(interval, 1 h)`; the first instance to claim the current period (its start, in meta
 * `backup.slot`, by one conditional UPDATE as the daily audit check does) takes the backup as
 * `guazhi-<time>.sqlite|.pgdump` with its manifest and removes all but the newest
 * `GUAZHI_BACKUP_KEEP` of them. Backups taken before migrations (`guazhi-before-…`) are kept.
 */
const SLOT_KEY = 'backup.slot';
const SCHEDULED = /^guazhi-\d{8}T\d{6}Z\.(sqlite|pgdump)$/;

/** This period's backup, if no instance has taken it yet: its manifest, or null. */
export async function runScheduledBackup(ctx: BackupContext): Promise<Manifest | null> {
  const dir = ctx.config.backupDir;
  if (!dir) return null;
  const every = ctx.config.backupEveryHours * 3_600_000;
  const now = ctx.clock.now();
  const slot = new Date(Math.floor(now.getTime() / every) * every).toISOString();
  if (!(await advanceMeta(ctx.db, SLOT_KEY, slot))) return null;
  const manifest = await backupTo(
    ctx,
    path.join(dir, `guazhi-${fileStamp(now)}${backupExtension(ctx.dialect)}`),
  );
  pruneBackups(dir, ctx.config.backupKeep);
  return manifest;
}

/** Removes scheduled backups (and their manifests) beyond the newest `keep`; returns the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((name) => SCHEDULED.test(name))
    .sort()
    .reverse();
  const removed = names.slice(keep);
  for (const name of removed) {
    rmSync(path.join(dir, name), { force: true });
    rmSync(manifestPath(path.join(dir, name)), { force: true });
  }
  return removed;
}

/** Starts the look (the first a minute after start); returns its stop. Nothing without a backup dir. */
export function startScheduledBackups(ctx: BackupContext, log: FastifyBaseLogger): () => void {
  if (!ctx.config.backupDir) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const manifest = await runScheduledBackup(ctx);
      if (manifest) log.info({ file: manifest.file, bytes: manifest.bytes }, 'scheduled backup taken');
    } catch (error) {
      log.error({ err: error }, 'scheduled backup failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, Math.min(ctx.config.backupEveryHours * 3_600_000, 3_600_000));
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';

/**
 * The chain's head kept outside the database (ADR 013): `{seq, hash}` of the last row sealed,
 * in `GUAZHI_AUDIT_ANCHOR` (default `<data dir>/audit-anchor`). Someone who can write the
 * database but not this file cannot rewrite or cut the chain up to this row unnoticed.
 * Written atomically (a temporary file, then rename), mode 0600.
 */
export interface Anchor {
  seq: number;
  hash: string;
  at: string;
}

export const anchorPath = (config: Pick<Config, 'dataDir' | 'auditAnchorFile'>): string =>
  config.auditAnchorFile ?? path.join(config.dataDir, 'audit-anchor');

/** The anchor, or null when there is none yet; a file that is not an anchor is an error. */
export function readAnchor(file: string): Anchor | null {
  if (!existsSync(file)) return null;
  const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Anchor>;
  if (typeof value.seq !== 'number' || typeof value.hash !== 'string' || !/^[0-9a-f]{64}$/.test(value.hash)) {
    throw new Error(`${file} is not an audit anchor`);
  }
  return { seq: value.seq, hash: value.hash, at: String(value.at ?? '') };
}

export function writeAnchor(file: string, anchor: Anchor): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

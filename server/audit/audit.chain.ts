import { createHash } from 'node:crypto';
import { maskIdNumber, maskPhone } from '../../common/personal/mask.js';
import type { AuditLogTable, AuditResult } from './audit.table.js';

/**
 * The audit chain's pure part — diffs, masks, hashes, the rows of a run of events — with no
 * database and no app context, so that a worker thread can build a bulk import's rows
 * (server/core/offload.ts) exactly as the request's own thread builds one.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type Diff = Record<string, { from?: unknown; to?: unknown }>;

/** Values never written to the audit log in clear. */
const MASKS: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  contactPhone: maskPhone,
  password: () => '***',
  passwordHash: () => '***',
  newPassword: () => '***',
  currentPassword: () => '***',
  totpSecret: () => '***',
};

function maskValue(field: string, value: unknown): unknown {
  const mask = MASKS[field];
  if (!mask || value === null || value === undefined) return value;
  return mask(String(value));
}

/** Bookkeeping fields that never appear in a diff. */
const UNAUDITED = new Set(['version', 'updatedAt', 'createdAt', 'updatedBy', 'createdBy']);

/** Whether JSON leaves a value out (as it does for a missing one): such a field is no change. */
const unwritten = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The fields that changed between two versions of a record, with sensitive values masked. */
export function diffOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Diff {
  const diff: Diff = {};
  const only = before ? (after ? null : before) : after;
  if (only) {
    // a record created or deleted: every written field, without comparing it to nothing
    // (the same diff as the general case below, which a bulk import runs ten thousand times)
    const side = before ? 'from' : 'to';
    for (const key of Object.keys(only)) {
      const value = only[key];
      if (UNAUDITED.has(key) || unwritten(value)) continue;
      diff[key] = { [side]: maskValue(key, value) };
    }
    return diff;
  }
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (UNAUDITED.has(key)) continue;
    const from = before?.[key];
    const to = after?.[key];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    diff[key] = {};
    if (before) diff[key].from = maskValue(key, from);
    if (after) diff[key].to = maskValue(key, to);
  }
  return diff;
}

/** The hash of a row: SHA-256 over its fields and the previous row's hash, in a fixed order. */
export function hashRow(row: Omit<AuditLogTable, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actorId,
    row.actorName,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.ip,
    row.diff,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Who did it, as the audit row records it. */
export interface AuditWho {
  actorId: string | null;
  actorName: string;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: AuditResult;
  diff?: Diff | null;
  /** A record created: its diff is every field written (`diffOf(null, created)`), built with the row. */
  created?: Record<string, unknown>;
}

/** Where a run of rows joins the chain, and what they record. */
export interface ChainInput {
  who: AuditWho;
  at: string;
  firstSeq: number;
  prevHash: string;
  events: AuditEvent[];
}

/** The rows of a run of events, numbered from `firstSeq` and chained from `prevHash`, in order. */
export function chainRows({ who, at, firstSeq, prevHash, events }: ChainInput): AuditLogTable[] {
  let previous = prevHash;
  return events.map((event, i): AuditLogTable => {
    const diff = event.created ? diffOf(null, event.created) : event.diff;
    const row: Omit<AuditLogTable, 'hash'> = {
      seq: firstSeq + i,
      at,
      actorId: who.actorId,
      actorName: who.actorName,
      action: event.action,
      objectType: event.objectType ?? null,
      objectId: event.objectId ?? null,
      result: event.result ?? 'success',
      ip: who.ip,
      diff: diff && Object.keys(diff).length > 0 ? JSON.stringify(diff) : null,
      prevHash: previous,
    };
    previous = hashRow(row);
    return { ...row, hash: previous };
  });
}

import { createHash, createHmac } from 'node:crypto';
import { toWellFormed } from '../../common/http/text.js';
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

/** Rows before the keyed chain (migration 20261127090000): SHA-256 with no key. */
export const LEGACY_HASH_VERSION = 1;
/** Rows since: HMAC-SHA256 under GUAZHI_AUDIT_KEY. */
export const KEYED_HASH_VERSION = 2;

/**
 * A text as both databases store and give it back: well-formed (a lone surrogate would become
 * U+FFFD on its way into UTF-8) and without NUL (PostgreSQL refuses it in text). Every text of
 * a row passes through this before it is hashed, so the hash covers exactly what is stored.
 */
export function storable(text: string): string;
export function storable(text: string | null): string | null;
export function storable(text: string | null): string | null {
  return text === null ? null : toWellFormed(text).replaceAll('\u0000', '\uFFFD');
}

/**
 * The canonical text of a row: its fields in a fixed order as a JSON array. Numbers are whole
 * (seq, version) and texts are storable, so the row read back from either database gives the
 * same text. A keyed row's array also carries its hash version.
 */
function canonical(row: Omit<AuditLogTable, 'hash'>): string {
  const fields: unknown[] = [
    Number(row.seq),
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
  ];
  if (Number(row.hashVersion) !== LEGACY_HASH_VERSION) fields.push(Number(row.hashVersion));
  return JSON.stringify(fields);
}

/**
 * The hash of a row over its fields and the previous row's hash: HMAC-SHA256 under the audit
 * key (`key`, hex), or plain SHA-256 for a legacy row written before the chain was keyed.
 */
export function hashRow(row: Omit<AuditLogTable, 'hash'>, key: string): string {
  const text = canonical(row);
  if (Number(row.hashVersion) === LEGACY_HASH_VERSION) return createHash('sha256').update(text).digest('hex');
  return createHmac('sha256', Buffer.from(key, 'hex')).update(text).digest('hex');
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
  /** The audit key, hex (a worker thread receives it with the run). */
  key: string;
  who: AuditWho;
  at: string;
  firstSeq: number;
  prevHash: string;
  events: AuditEvent[];
}

/** The rows of a run of events, numbered from `firstSeq` and chained from `prevHash`, in order. */
export function chainRows({ key, who, at, firstSeq, prevHash, events }: ChainInput): AuditLogTable[] {
  let previous = prevHash;
  return events.map((event, i): AuditLogTable => {
    const diff = event.created ? diffOf(null, event.created) : event.diff;
    const row: Omit<AuditLogTable, 'hash'> = {
      seq: firstSeq + i,
      at,
      actorId: storable(who.actorId),
      actorName: storable(who.actorName),
      action: storable(event.action),
      objectType: storable(event.objectType ?? null),
      objectId: storable(event.objectId ?? null),
      result: event.result ?? 'success',
      ip: storable(who.ip),
      // JSON.stringify writes a lone surrogate or a NUL as an escape: the text is storable as it is
      diff: diff && Object.keys(diff).length > 0 ? JSON.stringify(diff) : null,
      prevHash: previous,
      hashVersion: KEYED_HASH_VERSION,
    };
    previous = hashRow(row, key);
    return { ...row, hash: previous };
  });
}

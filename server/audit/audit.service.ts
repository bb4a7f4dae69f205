import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEntry, AuditQuery } from '../../common/audit/audit.schema.js';
import type { Page } from '../../common/http/paging.schema.js';
import type { Actor, AppContext } from '../core/context.js';
import { getMeta, setMeta } from '../core/meta.repository.js';
import { whenLongOnWorker } from '../core/offload.js';
import { inTransaction } from '../core/transaction.js';
import { anchorPath, readAnchor, writeAnchor } from './audit.anchor.js';
import {
  type AuditEvent,
  type AuditWho,
  type ChainInput,
  chainRows,
  type Diff,
  GENESIS_HASH,
  hashRow,
  LEGACY_HASH_VERSION,
} from './audit.chain.js';
import { objectNames } from './audit.names.js';
import * as repo from './audit.repository.js';
import type { AuditLogTable, AuditResult, AuditRow } from './audit.table.js';

export { type AuditEvent, type AuditWho, type Diff, diffOf, GENESIS_HASH, hashRow } from './audit.chain.js';

export const MIN_RETENTION_DAYS = 180;

/** What writing and checking the chain needs: the clock for the rows' time, the config for the key and anchor. */
export type AuditContext = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** Appends by this process so far: the anchor is sealed again only after some (`sealAnchorIfAppended`). */
let appended = 0;

export const whoOf = (actor: Actor): AuditWho => ({
  actorId: actor.userId,
  actorName: actor.username,
  ip: actor.ip,
});

/**
 * Appends one audit row inside the caller's transaction: if this write fails, the change it
 * records rolls back with it.
 */
export function record(ctx: AuditContext, who: AuditWho, event: AuditEvent): Promise<void> {
  return recordMany(ctx, who, [event]);
}

/**
 * Several events by one caller, chained in order with one claim on the chain's head (a bulk
 * import writes thousands): the same rows as one `record()` each.
 */
export async function recordMany(ctx: AuditContext, who: AuditWho, events: AuditEvent[]): Promise<void> {
  const append = await recordManyWhile(ctx, who, events);
  await append();
}

/**
 * `recordMany` in two steps, for a bulk import: the chain's head is claimed at once and the rows
 * (a diff and a hash each) are built — on a worker thread for a long run — while the caller
 * writes the records; the returned function appends them, in the same transaction. Nothing is
 * appended unless it is called: the caller's transaction then fails or rolls back as usual.
 */
export async function recordManyWhile(
  ctx: AuditContext,
  who: AuditWho,
  events: AuditEvent[],
): Promise<() => Promise<void>> {
  if (events.length === 0) return async () => {};
  const { db } = ctx;
  const { firstSeq, prevHash } = await repo.claim(db, events.length);
  const input = {
    key: ctx.config.auditKey.toString('hex'),
    who,
    at: ctx.clock.now().toISOString(),
    firstSeq,
    prevHash,
    events,
  };
  const rows = whenLongOnWorker<ChainInput, AuditLogTable[]>(
    events.length,
    { module: new URL('./audit.chain.js', import.meta.url), name: 'chainRows', input: () => input },
    () => chainRows(input),
  );
  return async () => {
    await repo.append(db, await rows);
    appended += 1;
  };
}

const toEntry = (row: AuditRow, objectName: string | null = null): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actorId: row.actorId,
  actorName: row.actorName,
  action: row.action,
  objectType: row.objectType,
  objectId: row.objectId,
  objectName,
  result: row.result as AuditResult,
  ip: row.ip,
  diff: row.diff ? (JSON.parse(row.diff) as Diff) : null,
});

export async function list(ctx: AppContext, q: AuditQuery): Promise<Page<AuditEntry>> {
  const { rows, ...count } = await repo.list(ctx.db, q);
  const nameOf = await objectNames(ctx.db, rows);
  return {
    items: rows.map((r) => toEntry(r, nameOf(r.objectType, r.objectId))),
    ...count,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function* exportRows(ctx: AppContext, q: Partial<AuditQuery>): AsyncGenerator<AuditEntry> {
  for await (const row of repo.iterate(ctx.db, q)) yield toEntry(row);
}

/** The last archived row (seq and hash): the chain in the table continues from it. */
const ARCHIVE_ANCHOR_KEY = 'audit.anchor';
/** The last seq of the legacy, unkeyed rows (migration 20261127090000). */
const LEGACY_UNTIL_KEY = 'audit.legacyUntil';

export type BreakReason =
  | 'missing'
  | 'previousHash'
  | 'content'
  | 'legacyAfterKeyed'
  | 'truncated'
  | 'headMismatch'
  | 'anchorMissing'
  | 'anchorMismatch';

export interface BrokenRow {
  /** The row (or for `missing`, the first of the missing ones). */
  seq: number;
  reason: BreakReason;
  /** For `missing`: the last missing seq. */
  untilSeq?: number;
}

export type VerifyResult =
  | { ok: true; checked: number; lastSeq: number; broken: [] }
  | {
      ok: false;
      checked: number;
      lastSeq: number;
      brokenSeq: number;
      reason: BreakReason;
      broken: BrokenRow[];
    };

/**
 * Walks the whole chain from the archive anchor (or the start) and names every broken row:
 * a gap, a row whose previous hash is not its predecessor's, a row whose content does not give
 * its hash (HMAC under the audit key; SHA-256 for legacy rows, allowed only before the first
 * keyed row), the head row, and the external anchor — which must exist once there are rows, and
 * whose row must still be in the table with the anchored hash.
 */
export async function verifyChain(ctx: Pick<AppContext, 'db' | 'config'>): Promise<VerifyResult> {
  const { db } = ctx;
  const key = ctx.config.auditKey.toString('hex');
  const archived = await getMeta(db, ARCHIVE_ANCHOR_KEY);
  const start = archived
    ? (JSON.parse(archived) as { seq: number; hash: string })
    : { seq: 0, hash: GENESIS_HASH };
  const legacyUntil = Number((await getMeta(db, LEGACY_UNTIL_KEY)) ?? 0);
  const anchor = readAnchor(anchorPath(ctx.config));
  const broken: BrokenRow[] = [];
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  let keyedSeen = false;
  let anchorFound = false;
  let checked = 0;
  let after = start.seq;
  for (;;) {
    const rows = await repo.batchAfter(db, after, 1000);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) broken.push({ seq: expectedSeq, untilSeq: seq - 1, reason: 'missing' });
      if (row.prevHash !== prevHash) broken.push({ seq, reason: 'previousHash' });
      const legacy = Number(row.hashVersion) === LEGACY_HASH_VERSION;
      if (legacy && (keyedSeen || seq > legacyUntil)) broken.push({ seq, reason: 'legacyAfterKeyed' });
      else if (hashRow(row, key) !== row.hash) broken.push({ seq, reason: 'content' });
      if (!legacy) keyedSeen = true;
      if (anchor && seq === anchor.seq) {
        anchorFound = true;
        if (row.hash !== anchor.hash) broken.push({ seq, reason: 'anchorMismatch' });
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked += 1;
    }
    if (rows.length < 1000) break;
    after = Number((rows.at(-1) as AuditRow).seq);
  }
  const lastSeq = expectedSeq - 1;
  const h = await repo.head(db);
  if (Number(h.seq) !== lastSeq || h.lastHash !== prevHash) {
    broken.push({ seq: Number(h.seq) > lastSeq ? lastSeq + 1 : Number(h.seq), reason: 'headMismatch' });
  }
  if (anchor && !anchorFound && anchor.seq > start.seq) broken.push({ seq: anchor.seq, reason: 'truncated' });
  if (!anchor && checked > 0) broken.push({ seq: lastSeq, reason: 'anchorMissing' });
  if (broken.length === 0) return { ok: true, checked, lastSeq, broken: [] };
  const first = broken.reduce((a, b) => (b.seq < a.seq ? b : a));
  return { ok: false, checked, lastSeq, brokenSeq: first.seq, reason: first.reason, broken };
}

/**
 * Moves the external anchor up to the chain's head, if the chain still holds the anchored row
 * unchanged (else it stays where it is, and `verifyChain` reports the difference). Called after
 * each request that appended rows (app.ts), by commands that write, and by the daily check.
 */
export async function sealAnchor(ctx: Pick<AppContext, 'db' | 'config' | 'clock'>): Promise<void> {
  const file = anchorPath(ctx.config);
  const anchor = readAnchor(file);
  const h = await repo.head(ctx.db);
  const seq = Number(h.seq);
  if (anchor && seq <= anchor.seq) return;
  if (anchor) {
    const row = await repo.rowAt(ctx.db, anchor.seq);
    const archived = await getMeta(ctx.db, ARCHIVE_ANCHOR_KEY);
    const archivedPast = archived ? (JSON.parse(archived) as { seq: number }).seq >= anchor.seq : false;
    if (row ? row.hash !== anchor.hash : !archivedPast) return;
  }
  if (seq === 0) return;
  writeAnchor(file, { seq, hash: h.lastHash, at: ctx.clock.now().toISOString() });
}

/** `sealAnchor` when this process appended rows since `seen` (the count it last sealed at); returns the new count. */
export async function sealAnchorIfAppended(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock'>,
  seen: number,
): Promise<number> {
  const now = appended;
  if (now !== seen) await sealAnchor(ctx);
  return now;
}

/**
 * Moves rows older than the retention period (≥ 180 days) into a JSON-lines file under
 * `<data dir>/audit-archive/` and removes them from the table; the chain continues from an
 * anchor (last archived seq and hash) so `verifyChain` still checks everything that remains.
 */
export async function archive(
  ctx: AppContext,
  retentionDays: number,
): Promise<{ archived: number; file: string | null }> {
  if (retentionDays < MIN_RETENTION_DAYS)
    throw new Error(`retention must be at least ${MIN_RETENTION_DAYS} days`);
  const cutoff = new Date(ctx.clock.now().getTime() - retentionDays * 86_400_000).toISOString();
  const check = await verifyChain(ctx);
  if (!check.ok) throw new Error(`audit chain broken at row ${check.brokenSeq}; not archiving`);
  // Only a prefix of the chain is archived: stop at the first row inside the retention period.
  const rows: AuditRow[] = [];
  let after = 0;
  outer: for (;;) {
    const batch = await repo.batchAfter(ctx.db, after, 1000);
    for (const row of batch) {
      if (row.at >= cutoff) break outer;
      rows.push(row);
    }
    if (batch.length < 1000) break;
    after = Number((batch.at(-1) as AuditRow).seq);
  }
  if (rows.length === 0) return { archived: 0, file: null };
  const last = rows.at(-1) as AuditRow;
  const dir = path.join(ctx.config.dataDir, 'audit-archive');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `audit-${Number(rows[0]?.seq)}-${Number(last.seq)}.jsonl`);
  writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`, { mode: 0o600 });
  await inTransaction(ctx, async (tx) => {
    await repo.deleteArchivedUpTo(tx.db, Number(last.seq));
    await setMeta(tx.db, ARCHIVE_ANCHOR_KEY, JSON.stringify({ seq: Number(last.seq), hash: last.hash }));
  });
  return { archived: rows.length, file };
}

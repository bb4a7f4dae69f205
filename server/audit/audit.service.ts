import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEntry, AuditQuery } from '../../common/audit/audit.schema.js';
import type { Page } from '../../common/http/paging.schema.js';
import type { Actor, AppContext } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { getMeta, setMeta } from '../core/meta.repository.js';
import { whenLongOnWorker } from '../core/offload.js';
import {
  type AuditEvent,
  type AuditWho,
  type ChainInput,
  chainRows,
  type Diff,
  GENESIS_HASH,
  hashRow,
} from './audit.chain.js';
import * as repo from './audit.repository.js';
import type { AuditLogTable, AuditResult, AuditRow } from './audit.table.js';

export { type AuditEvent, type AuditWho, type Diff, diffOf, GENESIS_HASH, hashRow } from './audit.chain.js';

export const MIN_RETENTION_DAYS = 180;

export const whoOf = (actor: Actor): AuditWho => ({
  actorId: actor.userId,
  actorName: actor.username,
  ip: actor.ip,
});

/**
 * Appends one audit row inside the caller's transaction: if this write fails, the change it
 * records rolls back with it.
 */
export function record(
  db: Executor,
  ctx: Pick<AppContext, 'clock'>,
  who: AuditWho,
  event: AuditEvent,
): Promise<void> {
  return recordMany(db, ctx, who, [event]);
}

/**
 * Several events by one caller, chained in order with one claim on the chain's head (a bulk
 * import writes thousands): the same rows as one `record()` each.
 */
export async function recordMany(
  db: Executor,
  ctx: Pick<AppContext, 'clock'>,
  who: AuditWho,
  events: AuditEvent[],
): Promise<void> {
  const append = await recordManyWhile(db, ctx, who, events);
  await append();
}

/**
 * `recordMany` in two steps, for a bulk import: the chain's head is claimed at once and the rows
 * (a diff and a hash each) are built — on a worker thread for a long run — while the caller
 * writes the records; the returned function appends them, in the same transaction. Nothing is
 * appended unless it is called: the caller's transaction then fails or rolls back as usual.
 */
export async function recordManyWhile(
  db: Executor,
  ctx: Pick<AppContext, 'clock'>,
  who: AuditWho,
  events: AuditEvent[],
): Promise<() => Promise<void>> {
  if (events.length === 0) return async () => {};
  const { firstSeq, prevHash } = await repo.claim(db, events.length);
  const input = { who, at: ctx.clock.now().toISOString(), firstSeq, prevHash, events };
  const rows = whenLongOnWorker<ChainInput, AuditLogTable[]>(
    events.length,
    { module: new URL('./audit.chain.js', import.meta.url), name: 'chainRows', input: () => input },
    () => chainRows(input),
  );
  return async () => repo.append(db, await rows);
}

const toEntry = (row: AuditRow): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actorId: row.actorId,
  actorName: row.actorName,
  action: row.action,
  objectType: row.objectType,
  objectId: row.objectId,
  result: row.result as AuditResult,
  ip: row.ip,
  diff: row.diff ? (JSON.parse(row.diff) as Diff) : null,
});

export async function list(ctx: AppContext, q: AuditQuery): Promise<Page<AuditEntry>> {
  const { rows, total } = await repo.list(ctx.db, q);
  return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize };
}

export async function* exportRows(ctx: AppContext, q: Partial<AuditQuery>): AsyncGenerator<AuditEntry> {
  for await (const row of repo.iterate(ctx.db, q)) yield toEntry(row);
}

const ANCHOR_KEY = 'audit.anchor';

export type VerifyResult =
  | { ok: true; checked: number; lastSeq: number }
  | { ok: false; checked: number; brokenSeq: number; reason: string };

/** Walks the chain from the archive anchor (or the start) and names the first broken row. */
export async function verifyChain(db: Executor): Promise<VerifyResult> {
  const anchorRaw = await getMeta(db, ANCHOR_KEY);
  const anchor = anchorRaw
    ? (JSON.parse(anchorRaw) as { seq: number; hash: string })
    : { seq: 0, hash: GENESIS_HASH };
  let expectedSeq = anchor.seq + 1;
  let prevHash = anchor.hash;
  let checked = 0;
  let after = anchor.seq;
  for (;;) {
    const rows = await repo.batchAfter(db, after, 1000);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenSeq: expectedSeq, reason: 'missing row' };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenSeq: seq, reason: 'previous hash does not match' };
      const { hash, ...rest } = row;
      if (hashRow({ ...rest, seq }) !== hash)
        return { ok: false, checked, brokenSeq: seq, reason: 'content does not match its hash' };
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < 1000) break;
    after = Number((rows.at(-1) as AuditRow).seq);
  }
  const h = await repo.head(db);
  if (Number(h.seq) !== expectedSeq - 1 || h.lastHash !== prevHash) {
    return { ok: false, checked, brokenSeq: expectedSeq, reason: 'rows missing at the end of the chain' };
  }
  return { ok: true, checked, lastSeq: expectedSeq - 1 };
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
  const check = await verifyChain(ctx.db);
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
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteArchivedUpTo(trx, Number(last.seq));
    await setMeta(trx, ANCHOR_KEY, JSON.stringify({ seq: Number(last.seq), hash: last.hash }));
  });
  return { archived: rows.length, file };
}

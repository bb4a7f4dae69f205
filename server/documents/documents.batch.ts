import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { monthDays } from '../../common/attendance/attendance.js';
import type {
  DocumentBatch,
  DocumentBatchInput,
  DocumentBatchKind,
  DocumentBatchStatus,
} from '../../common/documents/documents.schema.js';
import { t } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import { isStale, launchRun, runsOf } from '../core/background-runs.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf, isoNow } from '../core/context.js';
import { AppError, notFound } from '../core/errors.js';
import { inTransaction } from '../core/transaction.js';
import * as leave from '../leave/leave.service.js';
import { reachableBatch } from '../matching/matching.service.js';
import * as monthly from '../monthly/monthly.service.js';
import { type DocumentSpec, renderDocx } from './documents.engine.js';
import { leaveForm, monthlyReport, yearMonth } from './documents.forms.js';
import * as repo from './documents.repository.js';
import type { DocumentBatchRow } from './documents.table.js';
import { uniqueNames, writeZip, ZipCancelledError, type ZipEntry } from './documents.zip.js';

/**
 * Batch generation (issue 14 line 7, ADR 040): the monthly reports of a batch's month, or the
 * leave forms of its postings that touch a month, into one .zip — in the background (the request
 * answers at once with the run), progress as done/total, cancellable, each file named
 * `月份_单位_姓名.docx`, the zip streamed to the data dir and downloadable; started, finished,
 * cancelled and downloaded runs are audited. For the organising 组织部 of the batch's programme.
 */

/** How often a running generation says so (a silent one was left by a dead process). */
const HEARTBEAT_MS = 5_000;
/** How often the done count is written while documents are made. */
const PROGRESS_MS = 250;

const zipPath = (ctx: Pick<AppContext, 'config'>, id: string) =>
  path.join(ctx.config.dataDir, 'document-batches', `${id}.zip`);

const toBatch = (r: DocumentBatchRow): DocumentBatch => ({
  id: r.id,
  batchId: r.batchId,
  month: r.month,
  kind: r.kind as DocumentBatchKind,
  status: r.status as DocumentBatchStatus,
  total: Number(r.total),
  done: Number(r.done),
  fileName: r.fileName,
  size: r.size === null ? null : Number(r.size),
  error: r.error,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

/** A name part safe in a zip entry: no path separators or characters Windows refuses. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters
const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();

/** `月份_单位_姓名.docx`, e.g. 2026年11月_某某县发展和改革局_张三.docx. */
export const batchFileName = (month: string, unitName: string, cadreName: string) =>
  `${yearMonth(month)}_${safe(unitName)}_${safe(cadreName)}.docx`;

function itemsOf(ctx: AppContext, kind: DocumentBatchKind, batchId: string, month: string) {
  const days = monthDays(month);
  return kind === 'monthly'
    ? repo.batchMonthlyItems(ctx.db, batchId, month)
    : repo.batchLeaveItems(ctx.db, batchId, days[0] as string, days.at(-1) as string);
}

/** One record's form, loaded through its own service (its reach checked for the actor). */
async function specOf(
  ctx: AppContext,
  actor: Actor,
  kind: DocumentBatchKind,
  id: string,
): Promise<DocumentSpec> {
  const dateOf = (iso: string) => chinaDate(new Date(iso));
  return kind === 'monthly'
    ? monthlyReport(await monthly.get(ctx, actor, id), dateOf)
    : leaveForm(await leave.get(ctx, actor, id), chinaDate(ctx.clock.now()), dateOf);
}

/** The documents one by one, each named; the event loop is let go between two. */
async function* entriesOf(
  ctx: AppContext,
  actor: Actor,
  run: DocumentBatchRow,
  items: repo.BatchItem[],
  onDone: (n: number) => void,
): AsyncGenerator<ZipEntry> {
  const named = uniqueNames();
  let n = 0;
  for (const item of items) {
    const content = await renderDocx(await specOf(ctx, actor, run.kind as DocumentBatchKind, item.id));
    yield { name: named(batchFileName(run.month, item.unitName, item.cadreName)), content };
    n += 1;
    onDone(n);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A running run of another process whose heartbeat stopped: marked failed (read paths). */
async function failStale(ctx: AppContext, rows: DocumentBatchRow[]): Promise<DocumentBatchRow[]> {
  const out: DocumentBatchRow[] = [];
  for (const r of rows) {
    if (r.status === 'running' && isStale(ctx, r)) {
      const patch = { status: 'failed', error: t('documents.batch.stale'), finishedAt: isoNow(ctx) };
      if (await repo.updateDocumentBatchWhile(ctx.db, r.id, 'running', patch)) {
        out.push({ ...r, ...patch });
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

/** At start-up: the runs left `running` by a process that died. */
export async function failStaleBatches(ctx: AppContext): Promise<void> {
  await failStale(ctx, await repo.runningDocumentBatches(ctx.db));
}

async function reachableRun(ctx: AppContext, actor: Actor, id: string): Promise<DocumentBatchRow> {
  const row = await repo.findDocumentBatch(ctx.db, id);
  if (!row) throw notFound();
  await reachableBatch(ctx.db, actor, row.batchId);
  return (await failStale(ctx, [row]))[0] as DocumentBatchRow;
}

/** Starts a generation: stored as `running` with its total, audited, then made in the background. */
export async function startBatch(
  ctx: AppContext,
  actor: Actor,
  v: DocumentBatchInput,
): Promise<DocumentBatch> {
  const { row, items } = await inTransaction(ctx, async (tx) => {
    const batch = await reachableBatch(tx.db, actor, v.batchId);
    const items = await itemsOf(tx, v.kind, v.batchId, v.month);
    if (items.length === 0)
      throw new AppError('CONFLICT', {
        messageKey: v.kind === 'monthly' ? 'documents.batch.emptyMonthly' : 'documents.batch.emptyLeave',
        params: { month: yearMonth(v.month) },
      });
    const row: DocumentBatchRow = {
      id: randomUUID(),
      batchId: v.batchId,
      month: v.month,
      kind: v.kind,
      status: 'running',
      total: items.length,
      done: 0,
      fileName: t('documents.batch.zipName', {
        kind: t(`documents.batch.kind.${v.kind}`),
        batch: safe(`${batch.programmeName}${batch.name}`),
        month: yearMonth(v.month),
      }),
      size: null,
      sha256: null,
      error: null,
      startedAt: isoNow(tx),
      heartbeatAt: isoNow(tx),
      finishedAt: null,
      createdBy: authorOf(actor),
    };
    await repo.insertDocumentBatch(tx.db, row);
    await record(tx, whoOf(actor), {
      action: 'documents.batch',
      objectType: 'document_batch',
      objectId: row.id,
      diff: {
        batch: { to: batch.name },
        month: { to: v.month },
        kind: { to: v.kind },
        total: { to: items.length },
      },
    });
    return { row, items };
  });
  launch(ctx, actor, row, items);
  return toBatch(row);
}

function launch(ctx: AppContext, actor: Actor, row: DocumentBatchRow, items: repo.BatchItem[]): void {
  const file = zipPath(ctx, row.id);
  let last = 0;
  const onDone = (done: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_MS || done >= items.length) return;
    last = now;
    repo.updateDocumentBatchWhile(ctx.db, row.id, 'running', { done }).catch(() => {});
  };
  launchRun(ctx, row.id, {
    heartbeatMs: HEARTBEAT_MS,
    beat: () => repo.updateDocumentBatchWhile(ctx.db, row.id, 'running', { heartbeatAt: isoNow(ctx) }),
    work: async (signal) => {
      try {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        const zip = await writeZip(file, entriesOf(ctx, actor, row, items, onDone), {
          signal,
          mtime: ctx.clock.now(),
        });
        await inTransaction(ctx, async (tx) => {
          const changed = await repo.updateDocumentBatchWhile(tx.db, row.id, 'running', {
            status: 'done',
            done: items.length,
            size: zip.size,
            sha256: zip.sha256,
            finishedAt: isoNow(tx),
          });
          if (changed === 0) return; // cancelled meanwhile
          await record(tx, whoOf(actor), {
            action: 'documents.batchDone',
            objectType: 'document_batch',
            objectId: row.id,
            diff: { files: { to: items.length }, size: { to: zip.size }, sha256: { to: zip.sha256 } },
          });
        });
      } catch (error) {
        await rm(file, { force: true }).catch(() => {});
        const patch =
          error instanceof ZipCancelledError
            ? { status: 'cancelled', finishedAt: isoNow(ctx) }
            : {
                status: 'failed',
                error: t('documents.batch.failed', {
                  message: error instanceof Error ? error.message : String(error),
                }),
                finishedAt: isoNow(ctx),
              };
        await repo.updateDocumentBatchWhile(ctx.db, row.id, 'running', patch).catch(() => {});
      }
    },
  });
}

/** Waits for a run of this process to settle (tests). */
export async function batchSettled(ctx: AppContext, id: string): Promise<void> {
  await runsOf(ctx).get(id)?.done;
}

export async function getBatch(ctx: AppContext, actor: Actor, id: string): Promise<DocumentBatch> {
  return toBatch(await reachableRun(ctx, actor, id));
}

/** The latest runs of a batch, newest first. */
export async function listBatches(ctx: AppContext, actor: Actor, batchId: string) {
  await reachableBatch(ctx.db, actor, batchId);
  return { items: (await failStale(ctx, await repo.documentBatchesOf(ctx.db, batchId))).map(toBatch) };
}

/** Cancels a running generation (audited); its partial file is removed. */
export async function cancelBatch(ctx: AppContext, actor: Actor, id: string): Promise<DocumentBatch> {
  const row = await inTransaction(ctx, async (tx) => {
    await reachableRun(tx, actor, id);
    const changed = await repo.updateDocumentBatchWhile(tx.db, id, 'running', {
      status: 'cancelled',
      finishedAt: isoNow(tx),
    });
    if (changed === 0) throw new AppError('CONFLICT', { messageKey: 'documents.batch.notRunning' });
    await record(tx, whoOf(actor), {
      action: 'documents.batchCancel',
      objectType: 'document_batch',
      objectId: id,
      diff: { status: { from: 'running', to: 'cancelled' } },
    });
    return (await repo.findDocumentBatch(tx.db, id)) as DocumentBatchRow;
  });
  runsOf(ctx).get(id)?.controller.abort();
  await rm(zipPath(ctx, id), { force: true }).catch(() => {});
  return toBatch(row);
}

/** The finished zip: its path, name and size to stream (audited). */
export async function downloadBatch(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ file: string; name: string; size: number }> {
  const row = await reachableRun(ctx, actor, id);
  if (row.status !== 'done') throw new AppError('CONFLICT', { messageKey: 'documents.batch.notDone' });
  const file = zipPath(ctx, id);
  const found = await stat(file).catch(() => null);
  if (!found || found.size !== Number(row.size))
    throw new AppError('NOT_FOUND', { messageKey: 'documents.batch.fileGone' });
  await inTransaction(ctx, (tx) =>
    record(tx, whoOf(actor), {
      action: 'documents.batchDownload',
      objectType: 'document_batch',
      objectId: id,
      diff: { files: { to: Number(row.total) }, size: { to: found.size } },
    }),
  );
  return { file, name: row.fileName, size: found.size };
}

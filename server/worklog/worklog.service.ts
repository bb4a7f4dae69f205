import { randomInt, randomUUID } from 'node:crypto';
import type { Page } from '../../common/http/paging.schema.js';
import { t } from '../../common/i18n/index.js';
import {
  SEARCH_MIN_CHARS,
  type WorklogCategory,
  type WorklogEntry,
  type WorklogHits,
  type WorklogInput,
  type WorklogListParams,
  type WorklogPostings,
  type WorklogSearchParams,
  type WorklogUpdate,
} from '../../common/worklog/worklog.schema.js';
import { record, whoOf } from '../audit/audit.service.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { DialectName, Executor } from '../core/database.js';
import { fieldError, notFound, outOfScope, versionConflict } from '../core/errors.js';
import { assertReaches, assertWritable, reaches } from '../core/scope.js';
import { inTransaction } from '../core/transaction.js';
import { updateVersioned } from '../core/versioned.js';
import {
  filesOf,
  readStoredFile,
  releaseBlobs,
  removeFilesOf,
  removeStoredFile,
  storeFile,
  toAttachment,
} from '../files/files.service.js';
import type { FileRow } from '../files/files.table.js';
import { findPosting } from '../postings/postings.repository.js';
import * as repo from './worklog.repository.js';
import { entryTerms, marked, searchPlan, snippetOf, tsvectorOf } from './worklog.terms.js';

/** The owner kind of work-log attachments in the file store. */
export const WORKLOG_FILES = 'worklog';

const today = (ctx: Pick<AppContext, 'clock'>) => chinaDate(ctx.clock.now());

/** The search columns of an entry, for the dialect (PostgreSQL also keeps the tsvector). */
export function searchColumns(
  dialect: DialectName,
  e: { title: string; place: string | null; body: string },
): { searchTerms: string; searchVector?: string } {
  const terms = entryTerms(e);
  return dialect === 'postgres'
    ? { searchTerms: terms.join(' '), searchVector: tsvectorOf(terms) }
    : { searchTerms: terms.join(' ') };
}

function editable(actor: Actor, row: repo.WorklogView): boolean {
  return (
    row.postingStatus === 'active' &&
    reaches({ ...actor.scope, mode: 'write' }, repo.WORKLOG_WRITE_REACH, row) &&
    actor.roles.includes('cadre')
  );
}

function toEntry(actor: Actor, row: repo.WorklogView, files: readonly FileRow[]): WorklogEntry {
  return {
    id: row.id,
    postingId: row.postingId,
    postingTitle: row.postingTitle,
    cadreName: row.cadreName,
    receivingUnitName: row.receivingUnitName,
    entryDate: row.entryDate,
    category: row.category as WorklogCategory,
    title: row.title,
    body: row.body,
    place: row.place,
    attachments: files.filter((f) => f.ownerId === row.id).map(toAttachment),
    editable: editable(actor, row),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function readable(db: Executor, actor: Actor, id: string): Promise<repo.WorklogView> {
  const row = await repo.findEntry(db, id);
  if (!row) throw notFound();
  return assertReaches({ ...actor.scope, mode: 'read' }, repo.WORKLOG_REACH, row);
}

/** The entry, if the caller may change it: the cadre's own, on a posting still 在岗. */
async function writable(db: Executor, actor: Actor, id: string): Promise<repo.WorklogView> {
  const row = await repo.findEntry(db, id);
  if (!row) throw notFound();
  assertWritable(actor.scope, repo.WORKLOG_WRITE_REACH, row, repo.WORKLOG_REACH);
  if (row.postingStatus !== 'active')
    throw fieldError('postingId', 'worklog.postingNotActive', {
      status: t(`postingStatus.${row.postingStatus as 'active'}`),
    });
  return row;
}

async function detail(ctx: Pick<AppContext, 'db'>, actor: Actor, row: repo.WorklogView) {
  return toEntry(actor, row, await filesOf(ctx.db, WORKLOG_FILES, [row.id]));
}

export async function list(ctx: AppContext, actor: Actor, p: WorklogListParams): Promise<Page<WorklogEntry>> {
  const { rows, ...count } = await repo.listEntries(ctx.db, actor.scope, p);
  const files = await filesOf(
    ctx.db,
    WORKLOG_FILES,
    rows.filter((r) => r.attachments > 0).map((r) => r.id),
  );
  return { items: rows.map((r) => toEntry(actor, r, files)), ...count, page: p.page, pageSize: p.pageSize };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<WorklogEntry> {
  return detail(ctx, actor, await readable(ctx.db, actor, id));
}

/** Full-text search (ADR 033): at least two characters, ranked, marked, within the caller's scope. */
export async function search(ctx: AppContext, actor: Actor, p: WorklogSearchParams): Promise<WorklogHits> {
  const plan = searchPlan(p.q);
  if (!plan) throw fieldError('q', 'worklog.searchTooShort', { min: SEARCH_MIN_CHARS });
  const { rows, ...count } = await repo.searchEntries(ctx.db, ctx.dialect, actor.scope, plan, p);
  const files = await filesOf(
    ctx.db,
    WORKLOG_FILES,
    rows.filter((r) => r.attachments > 0).map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      postingId: r.postingId,
      cadreName: r.cadreName,
      receivingUnitName: r.receivingUnitName,
      entryDate: r.entryDate,
      category: r.category as WorklogCategory,
      title: marked(r.title, plan.needles),
      snippet: snippetOf([r.place, r.body].filter(Boolean).join(' · '), plan.needles),
      place: r.place,
      attachments: files.filter((f) => f.ownerId === r.id).map(toAttachment),
      score: Number(r.score),
    })),
    ...count,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/** The cadre's 在岗 postings a work log is kept on. */
export async function postings(ctx: AppContext, actor: Actor): Promise<WorklogPostings> {
  const rows = await ctx.db
    .selectFrom('postings as ps')
    .innerJoin('cadres as c', 'c.id', 'ps.cadreId')
    .innerJoin('units as ru', 'ru.id', 'ps.receivingUnitId')
    .select(['ps.id', 'ps.title', 'ru.name as receivingUnitName', 'ps.startDate', 'ps.endDate'])
    .where('c.userId', '=', actor.userId)
    .where('ps.status', '=', 'active')
    .orderBy('ps.startDate', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({ ...r, startDate: r.startDate ?? r.endDate })),
  };
}

function checkDate(ctx: Pick<AppContext, 'clock'>, date: string, start: string | null, end: string) {
  if (date > today(ctx)) throw fieldError('entryDate', 'worklog.inFuture');
  if ((start && date < start) || date > end)
    throw fieldError('entryDate', 'worklog.outsidePosting', { start: start ?? '', end });
}

const auditable = (e: {
  entryDate: string;
  category: string;
  title: string;
  body: string;
  place: string | null;
}) => ({
  entryDate: e.entryDate,
  category: e.category,
  title: e.title,
  place: e.place,
  body: e.body.length > 200 ? `${e.body.slice(0, 200)}…` : e.body,
});

/** A free search key: random, checked (the FTS5 rowid must be unique and stable). */
async function freeSearchKey(db: Executor): Promise<number> {
  for (;;) {
    const key = randomInt(1, 2 ** 47);
    if (!(await repo.searchKeyTaken(db, key))) return key;
  }
}

/** The cadre logs a day's work on their 在岗 posting. */
export async function create(ctx: AppContext, actor: Actor, v: WorklogInput): Promise<WorklogEntry> {
  return inTransaction(ctx, async (tx) => {
    const posting = await findPosting(tx.db, v.postingId);
    if (!posting) throw fieldError('postingId', 'worklog.postingMissing');
    if (!reaches(actor.scope, repo.WORKLOG_WRITE_REACH, posting)) throw outOfScope();
    if (posting.status !== 'active')
      throw fieldError('postingId', 'worklog.postingNotActive', {
        status: t(`postingStatus.${posting.status as 'active'}`),
      });
    checkDate(tx, v.entryDate, posting.startDate, posting.endDate);
    const id = randomUUID();
    const now = tx.clock.now().toISOString();
    await repo.insertEntry(tx.db, {
      id,
      postingId: posting.id,
      cadreId: posting.cadreId,
      entryDate: v.entryDate,
      category: v.category,
      title: v.title,
      body: v.body,
      place: v.place,
      searchKey: await freeSearchKey(tx.db),
      ...searchColumns(tx.dialect, v),
      attachments: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: authorOf(actor),
      updatedBy: authorOf(actor),
    });
    await record(tx, whoOf(actor), {
      action: 'worklog.write',
      objectType: 'worklog',
      objectId: id,
      diff: Object.fromEntries(Object.entries(auditable(v)).map(([k, to]) => [k, { to }])),
    });
    return detail(tx, actor, (await repo.findEntry(tx.db, id)) as repo.WorklogView);
  });
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  v: WorklogUpdate,
): Promise<WorklogEntry> {
  return inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id);
    if (row.version !== v.version) throw versionConflict();
    checkDate(tx, v.entryDate, row.postingStart, row.postingEnd);
    await updateVersioned(tx.db, 'worklogEntries', id, v.version, {
      entryDate: v.entryDate,
      category: v.category,
      title: v.title,
      body: v.body,
      place: v.place,
      ...searchColumns(tx.dialect, v),
      updatedAt: tx.clock.now().toISOString(),
      updatedBy: authorOf(actor),
    });
    const before = auditable(row);
    const after = auditable(v);
    await record(tx, whoOf(actor), {
      action: 'worklog.write',
      objectType: 'worklog',
      objectId: id,
      diff: Object.fromEntries(
        Object.entries(after)
          .filter(([k, to]) => before[k as keyof typeof before] !== to)
          .map(([k, to]) => [k, { from: before[k as keyof typeof before], to }]),
      ),
    });
    return detail(tx, actor, (await repo.findEntry(tx.db, id)) as repo.WorklogView);
  });
}

export async function remove(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  const removed = await inTransaction(ctx, async (tx) => {
    const row = await writable(tx.db, actor, id);
    if (row.version !== version) throw versionConflict();
    const files = await removeFilesOf(tx, WORKLOG_FILES, id);
    await repo.deleteEntry(tx.db, id);
    await record(tx, whoOf(actor), {
      action: 'worklog.write',
      objectType: 'worklog',
      objectId: id,
      diff: {
        deleted: { from: row.title, to: null },
        ...(files.length ? { attachments: { from: files.map((f) => f.name), to: null } } : {}),
      },
    });
    return files;
  });
  await releaseBlobs(ctx, removed);
}

// ---- attachments (server/files) ----

/** Attaches a file to the cadre's own entry: the entry is checked in scope before the bytes are looked at. */
export async function attach(
  ctx: AppContext,
  actor: Actor,
  id: string,
  name: string,
  content: Buffer,
): Promise<WorklogEntry> {
  await writable(ctx.db, actor, id);
  return storeFile(
    ctx,
    { ownerKind: WORKLOG_FILES, ownerId: id, name, content, createdBy: authorOf(actor) },
    async (tx, file) => {
      await writable(tx.db, actor, id);
      await repo.addAttachments(tx.db, id, 1);
      await record(tx, whoOf(actor), {
        action: 'worklog.write',
        objectType: 'worklog',
        objectId: id,
        diff: { attachment: { to: `${file.name} (${file.kind}, ${file.size} B, sha256 ${file.sha256})` } },
      });
      return detail(tx, actor, (await repo.findEntry(tx.db, id)) as repo.WorklogView);
    },
  );
}

export async function detach(
  ctx: AppContext,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<WorklogEntry> {
  const { entry, file } = await inTransaction(ctx, async (tx) => {
    await writable(tx.db, actor, id);
    const file = await removeStoredFile(tx, WORKLOG_FILES, id, fileId);
    await repo.addAttachments(tx.db, id, -1);
    await record(tx, whoOf(actor), {
      action: 'worklog.write',
      objectType: 'worklog',
      objectId: id,
      diff: { attachment: { from: file.name, to: null } },
    });
    return { entry: await detail(tx, actor, (await repo.findEntry(tx.db, id)) as repo.WorklogView), file };
  });
  await releaseBlobs(ctx, [file]);
  return entry;
}

/** A download: only of an entry the caller reads. */
export async function download(ctx: AppContext, actor: Actor, id: string, fileId: string) {
  await readable(ctx.db, actor, id);
  return readStoredFile(ctx, WORKLOG_FILES, id, fileId);
}

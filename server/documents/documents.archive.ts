import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveList } from '../../common/documents/documents.schema.js';
import { documentDate } from '../../common/documents/documents-format.js';
import { t } from '../../common/i18n/index.js';
import { appraisalSpec } from '../appraisals/appraisals.form.js';
import { registrationSpec } from '../assessment/assessment.reports.js';
import { record, whoOf } from '../audit/audit.service.js';
import { chinaDate } from '../core/clock.js';
import type { Actor, AppContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { inTransaction } from '../core/transaction.js';
import * as leave from '../leave/leave.service.js';
import * as monthly from '../monthly/monthly.service.js';
import * as postings from '../postings/postings.service.js';
import { availability, contentKey, pdfOf } from './documents.convert.js';
import { type DocumentSpec, renderDocx } from './documents.engine.js';
import { leaveForm, monthlyReport } from './documents.forms.js';
import { DOCX_MIME, type DocumentAnswer, postingNoticeSpec, today } from './documents.service.js';
import { uniqueNames, writeZip } from './documents.zip.js';

/**
 * The posting's archive list (归档目录, issue 14 line 8): the documents that go to the cadre's
 * dossier at the end of term — the posting notice, the monthly reports signed off, the leave
 * forms of leave returned from, the 考核登记表 of published rounds, the countersigned 鉴定表 — each made by its own form
 * from records the caller reaches through their own services; listed, as one .docx table with
 * dates and page counts, or as a .zip of the files.
 */

interface Entry {
  kind: ArchiveList['items'][number]['kind'];
  title: string;
  /** YYYY-MM-DD (China date). */
  date: string;
  spec: () => Promise<DocumentSpec>;
}

const dayOf = (iso: string) => chinaDate(new Date(iso));
const yearMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

async function entriesOf(ctx: AppContext, actor: Actor, postingId: string) {
  const posting = await postings.get(ctx, actor, postingId);
  const entries: Entry[] = [];
  // the notice: only for whoever reaches the confirmed run (the organising 组织部)
  if (posting.matchRunId) {
    const run = await ctx.db
      .selectFrom('matchingRuns')
      .select(['id', 'status', 'confirmedAt'])
      .where('id', '=', posting.matchRunId)
      .executeTakeFirst();
    if (run?.status === 'confirmed' && run.confirmedAt) {
      const notice = await postingNoticeSpec(ctx, actor, run.id, undefined).catch((error: unknown) => {
        if (error instanceof AppError && ['FORBIDDEN', 'NOT_FOUND'].includes(error.code)) return null;
        throw error;
      });
      if (notice)
        entries.push({
          kind: 'notice',
          title: notice.spec.title,
          date: dayOf(run.confirmedAt),
          spec: async () => notice.spec,
        });
    }
  }
  const reports = await ctx.db
    .selectFrom('monthlyReports')
    .select(['id', 'month', 'reviewedAt'])
    .where('postingId', '=', postingId)
    .where('status', '=', 'signed')
    .orderBy('month')
    .execute();
  for (const r of reports)
    entries.push({
      kind: 'monthly',
      title: t('documents.archive.monthlyTitle', { month: yearMonth(r.month) }),
      date: r.reviewedAt ? dayOf(r.reviewedAt) : `${r.month}-01`,
      spec: async () => monthlyReport(await monthly.get(ctx, actor, r.id), dayOf),
    });
  const leaves = await ctx.db
    .selectFrom('leaveRequests')
    .select(['id', 'startDate', 'endDate', 'returnedOn'])
    .where('postingId', '=', postingId)
    .where('status', '=', 'returned')
    .orderBy('startDate')
    .execute();
  for (const l of leaves)
    entries.push({
      kind: 'leave',
      title: t('documents.archive.leaveTitle', {
        from: documentDate(l.startDate),
        to: documentDate(l.endDate),
      }),
      date: l.returnedOn ?? l.endDate,
      spec: async () => leaveForm(await leave.get(ctx, actor, l.id), today(ctx), dayOf),
    });
  const rounds = await ctx.db
    .selectFrom('assessmentSubjects as s')
    .innerJoin('assessmentRounds as r', 'r.id', 's.roundId')
    .select(['r.id', 'r.title', 'r.periodTo', 'r.updatedAt'])
    .where('s.postingId', '=', postingId)
    .where('r.status', '=', 'published')
    .orderBy('r.periodTo')
    .execute();
  for (const r of rounds) {
    const made = await registrationSpec(ctx, actor, r.id, postingId).catch(() => null);
    if (made)
      entries.push({
        kind: 'assessment',
        title: made.spec.title,
        date: dayOf(r.updatedAt),
        spec: async () => made.spec,
      });
  }
  // the 鉴定表 once countersigned by the 组织部
  const appraisal = await ctx.db
    .selectFrom('appraisals')
    .select(['id', 'reviewedAt'])
    .where('postingId', '=', postingId)
    .where('status', '=', 'countersigned')
    .executeTakeFirst();
  if (appraisal?.reviewedAt) {
    const made = await appraisalSpec(ctx, actor, appraisal.id);
    entries.push({
      kind: 'appraisal',
      title: made.spec.title,
      date: dayOf(appraisal.reviewedAt),
      spec: async () => made.spec,
    });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { posting, entries };
}

/** Page counts need LibreOffice: each form converted once (kept by content), else null. */
async function pagesOf(spec: DocumentSpec): Promise<number | null> {
  if (!availability().soffice) return null;
  const kept = await pdfOf(contentKey(spec), () => renderDocx(spec));
  return kept.pages;
}

const fileName = (e: Entry, k: number) => `${String(k + 1).padStart(2, '0')}_${e.title}.docx`;

/** The list as JSON (pages with `pages: true` only: each conversion costs about a second). */
export async function archiveList(
  ctx: AppContext,
  actor: Actor,
  postingId: string,
  withPages: boolean,
): Promise<ArchiveList> {
  const { posting, entries } = await entriesOf(ctx, actor, postingId);
  const items: ArchiveList['items'] = [];
  for (const [k, e] of entries.entries())
    items.push({
      seq: k + 1,
      kind: e.kind,
      title: e.title,
      date: e.date,
      fileName: fileName(e, k),
      pages: withPages ? await pagesOf(await e.spec()) : null,
    });
  return { postingId, cadreName: posting.cadreName, items };
}

function auditDownload(ctx: AppContext, actor: Actor, postingId: string, format: string, count: number) {
  return inTransaction(ctx, (tx) =>
    record(tx, whoOf(actor), {
      action: 'documents.archive',
      objectType: 'posting',
      objectId: postingId,
      diff: { format: { to: format }, documents: { to: count } },
    }),
  );
}

/** 归档目录 as one .docx table: 序号, 文件名称, 日期, 页数 (— without LibreOffice). Audited. */
export async function archiveCatalogue(
  ctx: AppContext,
  actor: Actor,
  postingId: string,
): Promise<DocumentAnswer> {
  const list = await archiveList(ctx, actor, postingId, true);
  const title = t('documents.archive.title', { name: list.cadreName });
  const spec: DocumentSpec = {
    title,
    blocks: [
      { kind: 'title', text: title },
      {
        kind: 'table',
        headers: ['seq', 'name', 'date', 'pages'].map((c) => t(`documents.archive.col.${c}` as never)),
        widthsMm: [16, 90, 30, 20],
        align: ['center', 'left', 'center', 'center'],
        size: 28,
        rows: list.items.map((i) => [
          String(i.seq),
          i.title,
          documentDate(i.date),
          i.pages === null ? '—' : String(i.pages),
        ]),
      },
      { kind: 'blank' },
      { kind: 'paragraph', text: t('documents.archive.count', { count: list.items.length }) },
      { kind: 'paragraph', text: t('documents.archive.filed', { date: documentDate(today(ctx)) }) },
    ],
  };
  const content = await renderDocx(spec);
  await auditDownload(ctx, actor, postingId, 'docx', list.items.length);
  return { kind: 'file', name: `${title}.docx`, mime: DOCX_MIME, content };
}

/** Every listed document in one .zip, named as on the list. Audited. */
export async function archiveZip(ctx: AppContext, actor: Actor, postingId: string): Promise<DocumentAnswer> {
  const { posting, entries } = await entriesOf(ctx, actor, postingId);
  if (entries.length === 0) throw new AppError('CONFLICT', { messageKey: 'documents.archive.empty' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-archive-'));
  try {
    const file = path.join(dir, 'archive.zip');
    const named = uniqueNames();
    await writeZip(
      file,
      (async function* () {
        for (const [k, e] of entries.entries())
          yield { name: named(fileName(e, k)), content: await renderDocx(await e.spec()) };
      })(),
    );
    const content = readFileSync(file);
    await auditDownload(ctx, actor, postingId, 'zip', entries.length);
    return {
      kind: 'file',
      name: `${t('documents.archive.title', { name: posting.cadreName })}.zip`,
      mime: 'application/zip',
      content,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

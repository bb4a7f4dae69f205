import type {
  DocumentSettings,
  DocumentSettingsInput,
  DocumentsStatus,
  LeaveFormQuery,
  NoticeParts,
  NoticeQuery,
  Preview,
} from '../../common/documents/documents.schema.js';
import { DEFAULT_NUMBER_PATTERN } from '../../common/documents/documents.schema.js';
import { t } from '../../common/i18n/index.js';
import { record, whoOf } from '../audit/audit.service.js';
import { chinaDate } from '../core/clock.js';
import { type Actor, type AppContext, authorOf } from '../core/context.js';
import type { Executor } from '../core/database.js';
import { AppError, notFound, outOfScope, versionConflict } from '../core/errors.js';
import { inTransaction } from '../core/transaction.js';
import * as leave from '../leave/leave.service.js';
import { findRun } from '../matching/matching.repository.js';
import { reachableBatch } from '../matching/matching.service.js';
import * as monthly from '../monthly/monthly.service.js';
import { availability, contentKey, pageImage, pdfOf } from './documents.convert.js';
import { type DocumentSpec, renderDocx } from './documents.engine.js';
import { leaveForm, monthlyReport, postingNotice } from './documents.forms.js';
import * as repo from './documents.repository.js';

/**
 * Official documents (ADR 036): each 组织部's 版头 and 版记, and the forms made from records the
 * caller reaches — the posting notice of a confirmed run, the leave form of a leave request —
 * as .docx, or previewed as PDF pages rendered off the request thread.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What a route sends: a file (docx or png) or the preview's page count. */
export type DocumentAnswer =
  | { kind: 'file'; name: string; mime: string; content: Buffer }
  | { kind: 'preview'; preview: Preview };

// ---- settings ------------------------------------------------------------------------------

/** A 组织部's own region: the region of one of its org_dept grants (the first when none named). */
function ownRegion(actor: Actor, regionCode: string | undefined): string {
  const regions = actor.grants
    .filter((g) => g.role === 'org_dept' && g.regionCode)
    .map((g) => g.regionCode as string);
  if (regionCode === undefined) {
    const first = regions[0];
    if (!first) throw new AppError('FORBIDDEN', { messageKey: 'documents.noRegionGrant' });
    return first;
  }
  if (!regions.includes(regionCode)) throw outOfScope();
  return regionCode;
}

async function settingsOf(db: Executor, regionCode: string): Promise<DocumentSettings> {
  const region = await repo.regionName(db, regionCode);
  if (!region) throw notFound();
  const row = await repo.findSettings(db, regionCode);
  if (row)
    return {
      regionCode,
      regionName: region.name,
      organMark: row.organMark,
      organName: row.organName,
      organCode: row.organCode,
      numberPattern: row.numberPattern,
      nextSeq: row.nextSeq,
      signer: row.signer,
      cc: JSON.parse(row.cc) as string[],
      version: row.version,
      updatedAt: row.updatedAt,
    };
  const organ = t('documents.defaultOrgan', { region: region.name });
  return {
    regionCode,
    regionName: region.name,
    organMark: t('documents.defaultMark', { organ }),
    organName: organ,
    organCode: `${region.name.slice(0, 2)}${t('documents.defaultCode')}`,
    numberPattern: DEFAULT_NUMBER_PATTERN,
    nextSeq: 1,
    signer: null,
    cc: [],
    version: null,
    updatedAt: null,
  };
}

export async function getSettings(
  ctx: AppContext,
  actor: Actor,
  regionCode: string | undefined,
): Promise<DocumentSettings> {
  return settingsOf(ctx.db, ownRegion(actor, regionCode));
}

/** Saves a 组织部's 版头 and 版记 (audited, the version checked). */
export async function saveSettings(
  ctx: AppContext,
  actor: Actor,
  regionCode: string,
  v: DocumentSettingsInput,
): Promise<DocumentSettings> {
  const code = ownRegion(actor, regionCode);
  return inTransaction(ctx, async (tx) => {
    const before = await settingsOf(tx.db, code);
    if (before.version !== v.version) throw versionConflict();
    const ok = await repo.saveSettings(
      tx.db,
      {
        regionCode: code,
        organMark: v.organMark,
        organName: v.organName,
        organCode: v.organCode,
        numberPattern: v.numberPattern,
        nextSeq: v.nextSeq,
        signer: v.signer,
        cc: JSON.stringify(v.cc),
        version: (v.version ?? 0) + 1,
        updatedAt: tx.clock.now().toISOString(),
        updatedBy: authorOf(actor),
      },
      v.version,
    );
    if (!ok) throw versionConflict();
    const after = await settingsOf(tx.db, code);
    const fields = [
      'organMark',
      'organName',
      'organCode',
      'numberPattern',
      'nextSeq',
      'signer',
      'cc',
    ] as const;
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const f of fields)
      if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) diff[f] = { from: before[f], to: after[f] };
    await record(tx, whoOf(actor), {
      action: 'documents.settingsUpdate',
      objectType: 'document_settings',
      objectId: code,
      diff,
    });
    return after;
  });
}

// ---- previews -------------------------------------------------------------------------------

export function status(): DocumentsStatus {
  const a = availability();
  return { preview: a.reason === null, reason: a.reason };
}

/** The form as asked: its .docx, its preview (page count), or one page as PNG. */
export async function answer(
  spec: DocumentSpec,
  name: string,
  q: { format: 'docx' | 'preview' | 'page'; page: number },
): Promise<DocumentAnswer> {
  if (q.format === 'docx')
    return { kind: 'file', name: `${name}.docx`, mime: DOCX_MIME, content: await renderDocx(spec) };
  const kept = await pdfOf(contentKey(spec), () => renderDocx(spec));
  if (q.format === 'preview')
    return { kind: 'preview', preview: { pages: kept.pages, name: `${name}.docx` } };
  return {
    kind: 'file',
    name: `${name}-${q.page}.png`,
    mime: 'image/png',
    content: await pageImage(kept, q.page),
  };
}

export const today = (ctx: Pick<AppContext, 'clock'>) => chinaDate(ctx.clock.now());
/** A receiving unit's region at city level (地市): the notice's parts. */
const cityOf = (code: string) => `${code.slice(0, 4)}00`;

// ---- the posting notice ------------------------------------------------------------------------

async function confirmedRun(db: Executor, actor: Actor, runId: string) {
  const run = await findRun(db, runId);
  if (!run) throw notFound();
  const batch = await reachableBatch(db, actor, run.batchId);
  if (run.status !== 'confirmed') throw new AppError('CONFLICT', { messageKey: 'documents.notConfirmed' });
  return { run, batch };
}

/** The parts a notice can be split into: the receiving regions (city level) of the confirmed run. */
export async function noticeParts(ctx: AppContext, actor: Actor, runId: string): Promise<NoticeParts> {
  const { batch } = await confirmedRun(ctx.db, actor, runId);
  const rows = await repo.noticeRows(ctx.db, runId);
  const counts = new Map<string, number>();
  for (const r of rows)
    counts.set(cityOf(r.receivingRegionCode), (counts.get(cityOf(r.receivingRegionCode)) ?? 0) + 1);
  const names = new Map((await repo.regionNames(ctx.db, [...counts.keys()])).map((r) => [r.code, r.name]));
  return {
    runId,
    title: `${batch.programmeName}${batch.name}`,
    count: rows.length,
    regions: [...counts].map(([code, count]) => ({ code, name: names.get(code) ?? code, count })),
  };
}

/** 挂职任职通知 of a confirmed run the caller reaches: the whole batch, or one receiving region's part. */
export async function postingNoticeSpec(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  region: string | undefined,
) {
  const { batch } = await confirmedRun(ctx.db, actor, runId);
  const all = await repo.noticeRows(ctx.db, runId);
  const people = region ? all.filter((r) => cityOf(r.receivingRegionCode) === region) : all;
  if (people.length === 0) throw new AppError('NOT_FOUND', { messageKey: 'documents.regionNotInRun' });
  const regionName = region ? ((await repo.regionName(ctx.db, region))?.name ?? region) : null;
  const spec = postingNotice({
    settings: await settingsOf(ctx.db, batch.programmeRegionCode),
    programmeName: batch.programmeName,
    plannedStart: batch.plannedStart,
    plannedEnd: batch.plannedEnd,
    regionName,
    people,
    today: today(ctx),
  });
  return { spec, batch, regionName, people };
}

/** 挂职任职通知 of a confirmed run: the whole batch, or one receiving region's part. Audited. */
export async function postingNoticeDocument(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  q: NoticeQuery,
): Promise<DocumentAnswer> {
  const { spec, batch, regionName, people } = await postingNoticeSpec(ctx, actor, runId, q.region);
  const result = await answer(
    spec,
    `${t('documents.notice.file')}_${batch.name}${regionName ? `_${regionName}` : ''}`,
    q,
  );
  if (q.format !== 'page')
    await inTransaction(ctx, (tx) =>
      record(tx, whoOf(actor), {
        action: 'documents.notice',
        objectType: 'matching_run',
        objectId: runId,
        diff: { format: { to: q.format }, region: { to: q.region ?? null }, people: { to: people.length } },
      }),
    );
  return result;
}

// ---- the leave form -----------------------------------------------------------------------------

/** 请（销）假审批表 of a leave request the caller may read (leave.service's reach). */
export async function leaveFormDocument(
  ctx: AppContext,
  actor: Actor,
  leaveId: string,
  q: LeaveFormQuery,
): Promise<DocumentAnswer> {
  const detail = await leave.get(ctx, actor, leaveId);
  const spec = leaveForm(detail, today(ctx), (iso) => chinaDate(new Date(iso)));
  return answer(spec, `${t('documents.leave.file')}_${detail.cadreName}_${detail.startDate}`, q);
}

// ---- the monthly report ---------------------------------------------------------------------------

/** 月度情况报送 of a report the caller may read (monthly.service's reach). */
export async function monthlyReportDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: LeaveFormQuery,
): Promise<DocumentAnswer> {
  const detail = await monthly.get(ctx, actor, id);
  const spec = monthlyReport(detail, (iso) => chinaDate(new Date(iso)));
  return answer(spec, `${t('monthly.doc.file')}_${detail.cadreName}_${detail.month}`, q);
}

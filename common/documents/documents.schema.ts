import { z } from 'zod';
import { zId } from '../http/ids.schema.js';
import { zName, zOptionalName } from '../http/text.js';
import { zRegionCode } from '../regions/regions.schema.js';

/** 发文字号 pattern placeholders (documents-format.ts: documentNumber). */
export const NUMBER_PLACEHOLDERS = ['{机关代字}', '{年}', '{序号}'] as const;
export const DEFAULT_NUMBER_PATTERN = '{机关代字}〔{年}〕{序号}号';

/** A 组织部's 版头 and 版记 (one row per 组织部: the region of its grant). */
export const zDocumentSettingsInput = z.strictObject({
  /** 发文机关标志, e.g. 中共黔东南州委组织部文件 */
  organMark: zName(2, 40),
  /** 发文机关 in full (落款, 印发机关), e.g. 中共黔东南州委组织部 */
  organName: zName(2, 40),
  /** 机关代字, e.g. 黔东南组 */
  organCode: zName(1, 12),
  numberPattern: zName(3, 40).refine((v) => v.includes('{序号}'), { message: 'documents.patternSeq' }),
  /** The next 序号 the notices take (the officer keeps it in step with the office's register). */
  nextSeq: z.number().int().min(1).max(99999),
  /** 签发人 (上行文 only; empty: none). */
  signer: zOptionalName(20),
  /** 抄送机关, in order. */
  cc: z.array(zName(2, 40)).max(20),
  /** null: a first save. */
  version: z.number().int().min(1).nullable(),
});
export type DocumentSettingsInput = z.output<typeof zDocumentSettingsInput>;

export const zDocumentSettings = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  organMark: z.string(),
  organName: z.string(),
  organCode: z.string(),
  numberPattern: z.string(),
  nextSeq: z.number().int(),
  signer: z.string().nullable(),
  cc: z.array(z.string()),
  /** null: not saved yet (the defaults). */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type DocumentSettings = z.output<typeof zDocumentSettings>;

export const zDocumentSettingsQuery = z.strictObject({ regionCode: zRegionCode.optional() });
export const zDocumentSettingsParams = z.strictObject({ regionCode: zRegionCode });

/** docx: the file; preview: its pages (converting it); page: one page as PNG. */
export const DOCUMENT_FORMATS = ['docx', 'preview', 'page'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
const zFormat = {
  format: z.enum(DOCUMENT_FORMATS).default('docx'),
  page: z.coerce.number().int().min(1).max(500).default(1),
};

/** The posting notice of a confirmed run: the whole batch, or the part of one receiving region. */
export const zNoticeQuery = z.strictObject({ region: zRegionCode.optional(), ...zFormat });
export type NoticeQuery = z.output<typeof zNoticeQuery>;
export const zRunIdParams = z.strictObject({ runId: zId });
export const zLeaveFormQuery = z.strictObject(zFormat);
export type LeaveFormQuery = z.output<typeof zLeaveFormQuery>;

/** What a notice can be split into: the batch's receiving regions (city level) with their counts. */
export const zNoticeParts = z.object({
  runId: z.string(),
  title: z.string(),
  count: z.number().int(),
  regions: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
});
export type NoticeParts = z.output<typeof zNoticeParts>;

export const zPreview = z.object({ pages: z.number().int(), name: z.string() });
export type Preview = z.output<typeof zPreview>;

export const zDocumentsStatus = z.object({
  /** LibreOffice and pdftoppm found on the server: documents can be previewed. */
  preview: z.boolean(),
  /** Why not (shown by the page that offers the download only). */
  reason: z.string().nullable(),
});
export type DocumentsStatus = z.output<typeof zDocumentsStatus>;

// ---- batch generation (issue 14 line 7, ADR 040) ----

export const DOCUMENT_BATCH_KINDS = ['monthly', 'leave'] as const;
export type DocumentBatchKind = (typeof DOCUMENT_BATCH_KINDS)[number];
export const DOCUMENT_BATCH_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export type DocumentBatchStatus = (typeof DOCUMENT_BATCH_STATUSES)[number];

/** Start: the monthly reports of a batch's month, or the leave forms of its month. */
export const zDocumentBatchInput = z.strictObject({
  batchId: zId,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'date.month' }),
  kind: z.enum(DOCUMENT_BATCH_KINDS),
});
export type DocumentBatchInput = z.output<typeof zDocumentBatchInput>;

export const zDocumentBatch = z.object({
  id: z.string(),
  batchId: z.string(),
  month: z.string(),
  kind: z.enum(DOCUMENT_BATCH_KINDS),
  status: z.enum(DOCUMENT_BATCH_STATUSES),
  total: z.number(),
  done: z.number(),
  fileName: z.string(),
  size: z.number().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type DocumentBatch = z.output<typeof zDocumentBatch>;
export const zDocumentBatchList = z.object({ items: z.array(zDocumentBatch) });
export const zDocumentBatchListQuery = z.strictObject({ batchId: zId });

// ---- the archive list (归档目录, issue 14 line 8) ----
export const ARCHIVE_KINDS = ['notice', 'monthly', 'leave', 'assessment', 'appraisal'] as const;
export const zArchiveQuery = z.strictObject({
  /** Count each document's pages (LibreOffice; about a second per document the first time). */
  pages: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const zArchiveList = z.object({
  postingId: z.string(),
  cadreName: z.string(),
  items: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(ARCHIVE_KINDS),
      title: z.string(),
      date: z.string(),
      fileName: z.string(),
      /** Null: not counted (not asked, or no LibreOffice on the server). */
      pages: z.number().int().nullable(),
    }),
  ),
});
export type ArchiveList = z.output<typeof zArchiveList>;

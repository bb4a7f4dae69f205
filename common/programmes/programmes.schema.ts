import { z } from 'zod';
import { EDUCATIONS } from '../cadres/cadre-enums.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zMultiline, zName, zOptionalMultiline } from '../http/text.js';
import { zRegionCode } from '../regions/regions.schema.js';

export const PROGRAMME_KINDS = ['downward', 'upward', 'cross_region', 'aid', 'enterprise', 'other'] as const;
/** A batch moves only forward through these. */
export const BATCH_STATUSES = ['preparing', 'selecting', 'on_post', 'finished'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
/** Batches still taking post requests and nominations (server rules and web pickers alike). */
export const OPEN_BATCH_STATUSES: readonly BatchStatus[] = ['preparing', 'selecting'];
export const isOpenBatch = (status: string): boolean =>
  (OPEN_BATCH_STATUSES as readonly string[]).includes(status);

export const zProgrammeInput = z.strictObject({
  name: zName(2, 60),
  kind: z.enum(PROGRAMME_KINDS),
  /** The organising 组织部's region. */
  regionCode: zRegionCode,
  description: zOptionalMultiline(2000),
});
export type ProgrammeValues = z.output<typeof zProgrammeInput>;
export const zProgrammeUpdate = zProgrammeInput.extend({ version: zVersion });

export const zProgramme = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  description: z.string().nullable(),
  batchCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof zProgramme>;

export const zProgrammeListQuery = zPageQuery
  .extend({
    sort: z.enum(['name', 'createdAt', 'updatedAt']).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    q: z.string().trim().max(30).optional(),
    kind: z.enum(PROGRAMME_KINDS).optional(),
    regionCode: zRegionCode.optional(),
  })
  .strict();
export type ProgrammeListParams = z.output<typeof zProgrammeListQuery>;
export const zProgrammePage = zPage(zProgramme);

// actions (issue 11 line 2, ADR 027): what the caller may do with each programme and batch
/** A programme's buttons: 编辑, 删除 and 新建批次 (`batches.create` in this programme). */
export const PROGRAMME_RECORD_ACTIONS = ['update', 'delete', 'createBatch'] as const;
export type ProgrammeRecordAction = (typeof PROGRAMME_RECORD_ACTIONS)[number];
export const zProgrammeView = zProgramme.extend({ actions: z.array(z.enum(PROGRAMME_RECORD_ACTIONS)) });
export type ProgrammeView = z.infer<typeof zProgrammeView>;
export const zProgrammeViewPage = zPage(zProgrammeView);

/** Eligibility rules checked at nomination; the defaults follow published measures. */
export const zEligibility = z.strictObject({
  ageCaps: z.strictObject({
    bureau: z.number().int().min(18).max(70),
    division: z.number().int().min(18).max(70),
    section: z.number().int().min(18).max(70),
  }),
  minEducation: z.enum(EDUCATIONS).nullable(),
  reserveFirst: z.boolean(),
});
export type Eligibility = z.infer<typeof zEligibility>;
export const DEFAULT_ELIGIBILITY: Eligibility = {
  ageCaps: { bureau: 50, division: 45, section: 40 },
  minEducation: 'bachelor',
  reserveFirst: true,
};

export const zQuota = z.strictObject({ regionCode: zRegionCode, quota: z.number().int().min(1).max(10000) });

const zDate = z.iso.date({ message: 'date.day' });

export const zBatchInput = z.strictObject({
  programmeId: zId,
  name: zName(1, 40),
  plannedStart: zDate,
  plannedEnd: zDate,
  termMonths: z.number().int().min(1).max(60),
  eligibility: zEligibility.default(DEFAULT_ELIGIBILITY),
  quotas: z.array(zQuota).max(200).default([]),
});
export type BatchValues = z.output<typeof zBatchInput>;
export const zBatchUpdate = zBatchInput.omit({ programmeId: true }).extend({ version: zVersion });
export type BatchUpdateValues = z.output<typeof zBatchUpdate>;

export const zBatchAdvance = z.strictObject({
  to: z.enum(BATCH_STATUSES),
  reason: zMultiline(2, 500),
  version: zVersion,
  /** The caller has seen the move's warnings (a start months away …) and moves on anyway. */
  acknowledgeWarnings: z.boolean().optional(),
});

/** One thing a batch move checks: what is missing, in a sentence a person reads. */
export const zBatchCheck = z.object({ code: z.string(), message: z.string() });
export type BatchCheck = z.infer<typeof zBatchCheck>;

/**
 * Whether a batch can move on to its next status: `blocking` items stop the move until the work
 * is done (推荐待审核); `warnings` need the caller's acknowledgement (`acknowledgeWarnings`).
 */
export const zBatchReadiness = z.object({
  to: z.enum(BATCH_STATUSES).nullable(),
  blocking: z.array(zBatchCheck),
  warnings: z.array(zBatchCheck),
});
export type BatchReadiness = z.infer<typeof zBatchReadiness>;

export const zBatch = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  name: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  termMonths: z.number().int(),
  status: z.enum(BATCH_STATUSES),
  eligibility: zEligibility,
  quotas: z.array(z.object({ regionCode: z.string(), regionName: z.string(), quota: z.number().int() })),
  history: z.array(
    z.object({
      from: z.enum(BATCH_STATUSES),
      to: z.enum(BATCH_STATUSES),
      reason: z.string(),
      at: z.string(),
      /** The display name of who moved it (null once the account is gone). */
      by: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Batch = z.infer<typeof zBatch>;

export const zBatchListQuery = zPageQuery
  .extend({
    sort: z.enum(['plannedStart', 'name', 'createdAt']).default('plannedStart'),
    order: z.enum(['asc', 'desc']).default('desc'),
    programmeId: zId.optional(),
    status: z.enum(BATCH_STATUSES).optional(),
    /** `open=true`: only batches that still take post requests and nominations (筹备 / 选派). */
    open: z.enum(['true', 'false']).optional(),
    q: z.string().trim().max(30).optional(),
  })
  .strict();
export type BatchListParams = z.output<typeof zBatchListQuery>;
export const zBatchPage = zPage(zBatch);

/** A batch's buttons: 编辑, 推进状态 and 删除. */
export const BATCH_RECORD_ACTIONS = ['update', 'advance', 'delete'] as const;
export type BatchRecordAction = (typeof BATCH_RECORD_ACTIONS)[number];
export const zBatchView = zBatch.extend({ actions: z.array(z.enum(BATCH_RECORD_ACTIONS)) });
export type BatchView = z.infer<typeof zBatchView>;
export const zBatchViewPage = zPage(zBatchView);

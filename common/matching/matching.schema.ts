import { z } from 'zod';
import { RANK_LEVELS } from '../cadres/cadre-enums.js';
import { zId } from '../http/ids.schema.js';
import { zOptionalMultiline } from '../http/text.js';
import { DUTY_KINDS } from '../posts/posts.schema.js';
import { zRegionCode } from '../regions/regions.schema.js';

/**
 * Matching (issue 12, ADR 025): the fit score's named factors, the hard constraints' reasons,
 * the per-batch settings the 组织部 tunes, preferences, locks and runs.
 */

/** The named factors of a pair's fit, in the order an explanation lists them. */
export const FIT_FACTORS = ['expertise', 'inCharge', 'assist', 'rank', 'experience', 'preference'] as const;
export type FitFactorKey = (typeof FIT_FACTORS)[number];

/** Why a pair is excluded (a hard constraint). */
export const EXCLUSIONS = [
  'ownUnit',
  'relative',
  'homeCounty',
  'counterpart',
  'mutual',
  'rankGap',
  'forbidden',
] as const;
export type ExclusionCode = (typeof EXCLUSIONS)[number];

const zPoints = z.number().int().min(0).max(100);

export const zMatchingSettings = z.strictObject({
  /** Points per matched item (expertise tag, 分管 / 协管 area, résumé keyword), per rank level of gap, for preference #1. */
  weights: z.strictObject({
    expertise: zPoints,
    inCharge: zPoints,
    assist: zPoints,
    rank: zPoints,
    experience: zPoints,
    preference: zPoints,
  }),
  /** The largest rank gap (in levels, either way) a pair may have; beyond it the pair is excluded. */
  rankGap: z.number().int().min(0).max(6),
  /** 回避 of the cadre's home county (the sending unit's county: birthplace is not recorded). */
  homeCountyAvoidance: z.boolean(),
  /** 对口: cadres from any of `from` go only to posts in `to`. */
  counterpart: z
    .array(
      z.strictObject({
        from: z.array(zRegionCode).min(1).max(20),
        to: z.array(zRegionCode).min(1).max(20),
      }),
    )
    .max(20),
  /** 互派: cadres of `a` go only to `b`, and of `b` only to `a`. */
  mutual: z.array(z.strictObject({ a: zRegionCode, b: zRegionCode })).max(10),
});
export type MatchingSettings = z.infer<typeof zMatchingSettings>;

export const DEFAULT_MATCHING_SETTINGS: MatchingSettings = {
  weights: { expertise: 15, inCharge: 10, assist: 5, rank: 5, experience: 8, preference: 18 },
  rankGap: 1,
  homeCountyAvoidance: true,
  counterpart: [],
  mutual: [],
};

export const zMatchingSettingsView = zMatchingSettings.extend({
  batchId: z.string(),
  /** 0 while the batch uses the defaults (no row yet). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type MatchingSettingsView = z.infer<typeof zMatchingSettingsView>;
export const zMatchingSettingsUpdate = zMatchingSettings.extend({ version: z.number().int().min(0) });

export const zBatchParams = z.strictObject({ batchId: zId });
export const zRunParams = z.strictObject({ runId: zId });
export const zLockParams = z.strictObject({ lockId: zId });
export const zNominationParams = z.strictObject({ nominationId: zId });

// ---- fit and reasons ---------------------------------------------------------------------

export const zFitFactor = z.object({
  factor: z.enum(FIT_FACTORS),
  points: z.number(),
  /** What the points are for, in words ("林业、乡村振兴", "低一级"). */
  detail: z.string(),
});
export type FitFactor = z.infer<typeof zFitFactor>;

export const zExclusion = z.object({ code: z.enum(EXCLUSIONS), text: z.string() });
export type Exclusion = z.infer<typeof zExclusion>;

export const zPair = z.object({
  nominationId: z.string(),
  postRequestId: z.string(),
  score: z.number(),
  factors: z.array(zFitFactor),
  /** "专业特长匹配 +30：林业、乡村振兴；职级低一级 −5" */
  explanation: z.string(),
  excluded: z.array(zExclusion),
  lock: z.enum(['pin', 'forbid']).nullable(),
});
export type Pair = z.infer<typeof zPair>;

export const zCandidatesQuery = z
  .strictObject({ nominationId: zId.optional(), postRequestId: zId.optional() })
  .refine((q) => Boolean(q.nominationId) !== Boolean(q.postRequestId), {
    message: 'matching.candidatesQuery',
    path: ['nominationId'],
  });

// ---- preferences -------------------------------------------------------------------------

export const PREFERENCE_SOURCES = ['self', 'unit'] as const;
export type PreferenceSource = (typeof PREFERENCE_SOURCES)[number];
export const zPreferenceItem = z.union([
  z.strictObject({ postRequestId: zId }),
  z.strictObject({ regionCode: zRegionCode }),
]);
export const zPreferencesInput = z.strictObject({ items: z.array(zPreferenceItem).max(3) });
export type PreferencesInput = z.infer<typeof zPreferencesInput>;
export const zPreference = z.object({
  source: z.enum(PREFERENCE_SOURCES),
  rank: z.number().int(),
  postRequestId: z.string().nullable(),
  postTitle: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});
export type Preference = z.infer<typeof zPreference>;
export const zPreferences = z.object({ nominationId: z.string(), items: z.array(zPreference) });

// ---- locks -------------------------------------------------------------------------------

export const LOCK_KINDS = ['pin', 'forbid'] as const;
export const zLockInput = z.strictObject({
  nominationId: zId,
  postRequestId: zId,
  kind: z.enum(LOCK_KINDS),
  reason: zOptionalMultiline(200),
});
export type LockInput = z.output<typeof zLockInput>;
export const zLock = z.object({
  id: z.string(),
  batchId: z.string(),
  nominationId: z.string(),
  cadreName: z.string(),
  postRequestId: z.string(),
  postTitle: z.string(),
  unitName: z.string(),
  kind: z.enum(LOCK_KINDS),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type Lock = z.infer<typeof zLock>;
export const zLockList = z.object({ items: z.array(zLock) });

// ---- board -------------------------------------------------------------------------------

export const zBoardCadre = z.object({
  nominationId: z.string(),
  cadreId: z.string(),
  name: z.string(),
  unitName: z.string(),
  position: z.string(),
  rankLevel: z.enum(RANK_LEVELS),
  expertise: z.array(z.string()),
  /** Posts this cadre may take (no hard constraint excludes the pair). */
  feasible: z.number().int(),
  preferences: z.array(zPreference),
});
export const zBoardPost = z.object({
  postRequestId: z.string(),
  title: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(RANK_LEVELS),
  headcount: z.number().int(),
  expertise: z.array(z.string()),
  duties: z.array(z.object({ kind: z.enum(DUTY_KINDS), area: z.string() })),
  /** The batch quota region this post counts against, if any. */
  quotaRegion: z.string().nullable(),
  feasible: z.number().int(),
});

export const RUN_STATUSES = ['running', 'done', 'failed', 'cancelled', 'confirmed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const zRunSummary = z.object({
  id: z.string(),
  batchId: z.string(),
  seq: z.number().int(),
  status: z.enum(RUN_STATUSES),
  progress: z.number(),
  cadreCount: z.number().int(),
  postCount: z.number().int(),
  places: z.number().int(),
  placed: z.number().int().nullable(),
  total: z.number().nullable(),
  factorTotals: z.record(z.string(), z.number()).nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  version: z.number().int(),
});
export type RunSummary = z.infer<typeof zRunSummary>;

export const zBoard = z.object({
  batch: z.object({ id: z.string(), name: z.string(), programmeName: z.string(), status: z.string() }),
  settings: zMatchingSettingsView,
  quotas: z.array(
    z.object({ regionCode: z.string(), regionName: z.string(), quota: z.number().int(), places: z.number() }),
  ),
  cadres: z.array(zBoardCadre),
  posts: z.array(zBoardPost),
  locks: z.array(zLock),
  runs: z.array(zRunSummary),
});
export type Board = z.infer<typeof zBoard>;

// ---- runs --------------------------------------------------------------------------------

export const zAssignment = z.object({
  nominationId: z.string(),
  cadreName: z.string(),
  sendingUnitName: z.string(),
  postRequestId: z.string(),
  postTitle: z.string(),
  receivingUnitName: z.string(),
  score: z.number(),
  factors: z.array(zFitFactor),
  explanation: z.string(),
  pinned: z.boolean(),
});
export type Assignment = z.infer<typeof zAssignment>;

export const UNMATCHED_REASONS = ['noFeasible', 'quotaFull', 'outranked', 'noCandidate', 'taken'] as const;
export const zUnmatched = z.object({
  kind: z.enum(['cadre', 'post']),
  /** nomination id (cadre) or post request id (post) */
  id: z.string(),
  name: z.string(),
  /** posts: places left open */
  open: z.number().int(),
  reason: z.enum(UNMATCHED_REASONS),
  /** outranked: how much better the fit that took the place is */
  gap: z.number().nullable(),
  text: z.string(),
});
export type Unmatched = z.infer<typeof zUnmatched>;

export const zRun = zRunSummary.extend({
  assignments: z.array(zAssignment),
  unmatched: z.array(zUnmatched),
});
export type Run = z.infer<typeof zRun>;
export const zRunList = z.object({ items: z.array(zRunSummary) });

export const zCompareQuery = z.strictObject({ with: zId });
export const zRunSide = z.object({
  id: z.string(),
  seq: z.number().int(),
  placed: z.number().int(),
  total: z.number(),
  factorTotals: z.record(z.string(), z.number()),
});
export const zComparison = z.object({
  a: zRunSide,
  b: zRunSide,
  totalDelta: z.number(),
  placedDelta: z.number().int(),
  factorDeltas: z.record(z.string(), z.number()),
  moved: z.array(
    z.object({
      nominationId: z.string(),
      cadreName: z.string(),
      from: z.object({ postRequestId: z.string(), postTitle: z.string(), score: z.number() }).nullable(),
      to: z.object({ postRequestId: z.string(), postTitle: z.string(), score: z.number() }).nullable(),
      scoreDelta: z.number(),
    }),
  ),
  unchanged: z.number().int(),
});
export type Comparison = z.infer<typeof zComparison>;

export const zAlternativesQuery = z.strictObject({ nominationId: zId });
export const zAlternatives = z.object({
  nominationId: z.string(),
  cadreName: z.string(),
  current: z.object({ postRequestId: z.string(), postTitle: z.string(), score: z.number() }).nullable(),
  /** The run's inputs re-solved now: what each alternative is compared with. */
  base: z.object({ placed: z.number().int(), total: z.number() }),
  items: z.array(
    z.object({
      postRequestId: z.string(),
      postTitle: z.string(),
      receivingUnitName: z.string(),
      pairScore: z.number(),
      explanation: z.string(),
      /** null: these pins cannot all hold */
      placed: z.number().int().nullable(),
      total: z.number().nullable(),
      placedDelta: z.number().int().nullable(),
      totalDelta: z.number().nullable(),
      /** other cadres whose post changes */
      moves: z.number().int(),
      text: z.string(),
    }),
  ),
});
export type Alternatives = z.infer<typeof zAlternatives>;

export const zConfirmBody = z.strictObject({ version: z.number().int().min(1) });
export const zConfirmed = z.object({ run: zRunSummary, postingIds: z.array(z.string()) });

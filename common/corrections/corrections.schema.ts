import { z } from 'zod';
import { zCadreDetail, zCadreInput, zCadreUpdate } from '../cadres/cadres.schema.js';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery } from '../http/paging.schema.js';
import { zOptionalMultiline } from '../http/text.js';
import { zNomination } from '../nominations/nominations.schema.js';

/**
 * A cadre's own profile (ADR 010). Direct fields the cadre updates at once; key fields — what
 * the 组织部 relies on for eligibility and avoidance — only through a correction request that
 * the sending unit's liaison approves. Everything else (后备干部, 简历, photo) the keepers edit.
 */
export const DIRECT_FIELDS = ['phone', 'school', 'major', 'expertise'] as const;
export type DirectField = (typeof DIRECT_FIELDS)[number];
export const KEY_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'politicalStatus',
  'education',
  'degree',
  'unitId',
  'position',
  'rankLevel',
  'rankKind',
  'resume',
  'relatives',
] as const;
export type KeyField = (typeof KEY_FIELDS)[number];
/** Key fields that are lists: their diff names the entries added, changed or removed. */
export const LIST_FIELDS = ['resume', 'relatives'] as const satisfies readonly KeyField[];
export type ListField = (typeof LIST_FIELDS)[number];

/** pending → approved | rejected (by the liaison) | withdrawn (by the cadre) */
export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

const cadreFields = zCadreInput.shape;
/** A key field sent to the direct update is refused naming it (not only "unknown field"). */
const zKeyFieldRefused = z.never({ message: 'correction.keyFieldDirect' }).optional();

/** The cadre's direct update: the direct fields only; phone omitted means unchanged. */
export const zSelfUpdate = z.strictObject({
  phone: zCadreUpdate.shape.phone,
  school: cadreFields.school,
  major: cadreFields.major,
  expertise: cadreFields.expertise,
  version: zVersion,
  ...(Object.fromEntries(KEY_FIELDS.map((f) => [f, zKeyFieldRefused])) as Record<
    KeyField,
    typeof zKeyFieldRefused
  >),
});
export type SelfUpdateValues = z.output<typeof zSelfUpdate>;

/** The proposed new values of key fields: only those that change, at least one. */
export const zCorrectionChanges = z
  .strictObject({
    name: cadreFields.name.optional(),
    gender: cadreFields.gender.optional(),
    ethnicity: cadreFields.ethnicity.optional(),
    birthDate: cadreFields.birthDate.optional(),
    idNumber: cadreFields.idNumber.optional(),
    politicalStatus: cadreFields.politicalStatus.optional(),
    education: cadreFields.education.optional(),
    degree: cadreFields.degree.optional(),
    unitId: zId.optional(),
    position: cadreFields.position.optional(),
    rankLevel: cadreFields.rankLevel.optional(),
    rankKind: cadreFields.rankKind.optional(),
    resume: cadreFields.resume.unwrap().optional(),
    relatives: cadreFields.relatives.unwrap().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'correction.nothingChanged' });
export type CorrectionChanges = z.output<typeof zCorrectionChanges>;

export const zCorrectionInput = z.strictObject({
  changes: zCorrectionChanges,
  note: zOptionalMultiline(500),
});
export type CorrectionInput = z.input<typeof zCorrectionInput>;
export type CorrectionValues = z.output<typeof zCorrectionInput>;

export const zCorrectionReview = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: zOptionalMultiline(500),
  version: zVersion,
});
export type CorrectionReview = z.output<typeof zCorrectionReview>;

const zRelativesOut = zCadreDetail.shape.relatives;
const zResumeOut = zCadreDetail.shape.resume;
/** A value in a diff: text (enum codes, dates, unit names, masked ID numbers), résumé or relatives. */
const zDiffValue = z.union([z.string(), zResumeOut, zRelativesOut, z.null()]);
export type DiffValue = z.infer<typeof zDiffValue>;
const zEntry = z.union([zResumeOut.element, zRelativesOut.element]);
export type ListEntry = z.infer<typeof zEntry>;

/** One entry of a list field added, changed or removed (common/corrections/entry-diff.ts). */
export const zEntryChange = z.object({
  change: z.enum(['added', 'changed', 'removed']),
  from: zEntry.nullable(),
  to: zEntry.nullable(),
});

/**
 * One changed field: its value when the request was made → the value proposed; for the list
 * fields (résumé, relatives) also the entries added, changed or removed.
 */
export const zCorrectionDiff = z.object({
  field: z.enum(KEY_FIELDS),
  from: zDiffValue,
  to: zDiffValue,
  entries: z.array(zEntryChange).optional(),
});
export type CorrectionDiff = z.infer<typeof zCorrectionDiff>;

export const zCorrection = z.object({
  id: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  unitName: z.string(),
  diff: z.array(zCorrectionDiff),
  note: z.string().nullable(),
  status: z.enum(CORRECTION_STATUSES),
  requestedByName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Correction = z.infer<typeof zCorrection>;

export const CORRECTION_SORTS = ['createdAt', 'decidedAt', 'cadreName', 'status'] as const;

export const zCorrectionListQuery = zPageQuery
  .extend({
    sort: z.enum(CORRECTION_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    status: z.enum(CORRECTION_STATUSES).optional(),
    /** the cadre's name, or part of it */
    q: z.string().trim().max(30).optional(),
  })
  .strict();
export type CorrectionListParams = z.output<typeof zCorrectionListQuery>;
export const zCorrectionPage = zPage(zCorrection);

/** A liaison links a cadre account (by its username) to a cadre record, or unlinks it (null). */
export const zCadreAccountLink = z.strictObject({
  username: z.string().trim().min(1).max(32).nullable(),
  version: zVersion,
});

/** 我的档案: the cadre's own nominations, the batch and where each stands (not the keepers' notes). */
export const zOwnNomination = zNomination.pick({
  id: true,
  batchId: true,
  batchName: true,
  status: true,
  reviewedAt: true,
  createdAt: true,
});
export type OwnNomination = z.infer<typeof zOwnNomination>;
export const zOwnNominations = z.object({ items: z.array(zOwnNomination) });

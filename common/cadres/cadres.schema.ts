import { z } from 'zod';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery, zQueryBool } from '../http/paging.schema.js';
import { zName, zOptionalName } from '../http/text.js';
import { NOMINATION_STATUSES } from '../nominations/nominations.schema.js';
import { zIdNumberInput, zPhoneInput } from '../personal/personal.schema.js';
import { zRegionCode } from '../regions/regions.schema.js';
import {
  DEGREES,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  POLITICAL_STATUSES,
  RANK_KINDS,
  RANK_LEVELS,
  RELATIONS,
} from './cadre-enums.js';

/** How many 专业特长 a cadre may have (the web's tag picker stops there too). */
export const EXPERTISE_MAX_TAGS = 20;

const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'date.month' });
const zDate = z.iso.date({ message: 'date.day' });

export const zResumeEntry = z.strictObject({
  fromMonth: zMonth,
  /** null: 至今 */
  toMonth: zMonth.nullish().transform((v) => v ?? null),
  unitName: zName(2, 100),
  position: zName(1, 60),
});
export type ResumeEntry = z.output<typeof zResumeEntry>;

export const zRelative = z.strictObject({
  name: zName(1, 30),
  relation: z.enum(RELATIONS),
  unitName: zName(2, 100),
  position: zOptionalName(60),
});
export type Relative = z.output<typeof zRelative>;

const profileFields = {
  name: zName(2, 30),
  gender: z.enum(GENDERS),
  ethnicity: z.enum(ETHNICITIES),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  birthDate: zDate,
  phone: zPhoneInput.nullish().transform((v) => v ?? null),
  education: z.enum(EDUCATIONS),
  degree: z.enum(DEGREES),
  school: zOptionalName(60),
  major: zOptionalName(60),
  unitId: zId,
  position: zName(1, 60),
  rankLevel: z.enum(RANK_LEVELS),
  rankKind: z.enum(RANK_KINDS),
  reserve: z.boolean().default(false),
  expertise: z.array(zName(1, 20)).max(EXPERTISE_MAX_TAGS).default([]),
  resume: z.array(zResumeEntry).max(50).default([]),
  relatives: z.array(zRelative).max(20).default([]),
};

export const zCadreInput = z.strictObject({ ...profileFields, idNumber: zIdNumberInput });
export type CadreInput = z.input<typeof zCadreInput>;
export type CadreValues = z.output<typeof zCadreInput>;

/** On update the client holds only the masked ID number and phone: omitted means unchanged. */
export const zCadreUpdate = z.strictObject({
  ...profileFields,
  idNumber: zIdNumberInput.optional(),
  phone: profileFields.phone.optional(),
  version: zVersion,
});
export type CadreUpdateValues = z.output<typeof zCadreUpdate>;

export const zCadreWarning = z.object({ code: z.string(), message: z.string() });

export const zCadre = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  ethnicity: z.enum(ETHNICITIES),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  birthDate: z.string(),
  /** Masked unless the full view was asked for (and audited). */
  idNumber: z.string(),
  phone: z.string().nullable(),
  education: z.enum(EDUCATIONS),
  degree: z.enum(DEGREES),
  school: z.string().nullable(),
  major: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  regionName: z.string(),
  position: z.string(),
  rankLevel: z.enum(RANK_LEVELS),
  rankKind: z.enum(RANK_KINDS),
  reserve: z.boolean(),
  expertise: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cadre = z.infer<typeof zCadre>;

// Response shapes carry no transforms: the serializer encodes through them (zod encode).
const zResumeOut = z.object({
  fromMonth: z.string(),
  toMonth: z.string().nullable(),
  unitName: z.string(),
  position: z.string(),
});
const zRelativeOut = z.object({
  name: z.string(),
  relation: z.enum(RELATIONS),
  unitName: z.string(),
  position: z.string().nullable(),
});

export const zCadreDetail = zCadre.extend({
  resume: z.array(zResumeOut),
  relatives: z.array(zRelativeOut),
  hasPhoto: z.boolean(),
  /** Things worth a second look that do not block saving (e.g. overlapping résumé periods). */
  warnings: z.array(zCadreWarning),
});
export type CadreDetail = z.infer<typeof zCadreDetail>;

/** What the caller may do with a cadre's record (issue 11 line 2): the detail's buttons. */
export const CADRE_RECORD_ACTIONS = ['update', 'delete', 'photo', 'linkAccount', 'viewFull'] as const;
export type CadreRecordAction = (typeof CADRE_RECORD_ACTIONS)[number];
/** GET /api/cadres/:id: the detail with the caller's allowed actions on it. */
export const zCadreDetailView = zCadreDetail.extend({ actions: z.array(z.enum(CADRE_RECORD_ACTIONS)) });
export type CadreDetailView = z.infer<typeof zCadreDetailView>;

export const CADRE_SORTS = ['name', 'birthDate', 'rankLevel', 'updatedAt'] as const;

export const zCadreListQuery = zPageQuery
  .extend({
    sort: z.enum(CADRE_SORTS).default('name'),
    q: z.string().trim().max(30).optional(),
    unitId: zId.optional(),
    regionCode: zRegionCode.optional(),
    rankLevel: z.enum(RANK_LEVELS).optional(),
    expertise: z.string().trim().max(20).optional(),
    reserve: zQueryBool.optional(),
    /** Cadres nominated for this batch (optionally with this nomination status). */
    batchId: zId.optional(),
    nominationStatus: z.enum(NOMINATION_STATUSES).optional(),
  })
  .strict();
export type CadreListParams = z.output<typeof zCadreListQuery>;

export const zCadrePage = zPage(zCadre);

export const zPersonalFull = z.object({ idNumber: z.string(), phone: z.string().nullable() });

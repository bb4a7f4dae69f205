import { z } from 'zod';
import { zId, zVersion } from '../http/ids.schema.js';
import { zPage, zPageQuery, zQueryBool } from '../http/paging.schema.js';
import { zName, zOptionalName } from '../http/text.js';
import { zPhoneInput } from '../personal/personal.schema.js';
import { zRegionCode } from '../regions/regions.schema.js';

export const UNIT_KINDS = [
  'party_government',
  'public_institution',
  'state_enterprise',
  'central_enterprise',
  'financial',
  'university',
  'township',
  'village',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const zUnitInput = z.strictObject({
  name: zName(2, 100),
  kind: z.enum(UNIT_KINDS),
  regionCode: zRegionCode,
  parentId: zId.nullish().transform((v) => v ?? null),
  contactName: zOptionalName(50),
  contactPhone: zPhoneInput
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
});
export type UnitInput = z.input<typeof zUnitInput>;
export type UnitValues = z.output<typeof zUnitInput>;

export const zUnitUpdate = zUnitInput.extend({ version: zVersion });
export type UnitUpdate = z.input<typeof zUnitUpdate>;

export const zUnit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  regionCode: z.string(),
  /** Names from the province down, e.g. "北京市 / 东城区". */
  regionName: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof zUnit>;

export const UNIT_SORTS = ['name', 'kind', 'regionCode', 'createdAt', 'updatedAt'] as const;

export const zUnitListQuery = zPageQuery
  .extend({
    sort: z.enum(UNIT_SORTS).default('name'),
    q: z.string().trim().max(50).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    regionCode: zRegionCode.optional(),
    parentId: zId.optional(),
    active: zQueryBool.optional(),
  })
  .strict();
export type UnitListQuery = z.input<typeof zUnitListQuery>;
export type UnitListParams = z.output<typeof zUnitListQuery>;

export const zUnitPage = zPage(zUnit);

// actions (issue 11 line 2, ADR 027): what the caller may do with each unit, in its detail and list rows
/** A unit's buttons: 编辑 / 停用 / 启用 (`units.update`) and 删除 (`units.delete`). */
export const UNIT_RECORD_ACTIONS = ['update', 'delete'] as const;
export type UnitRecordAction = (typeof UNIT_RECORD_ACTIONS)[number];
export const zUnitView = zUnit.extend({ actions: z.array(z.enum(UNIT_RECORD_ACTIONS)) });
export type UnitView = z.infer<typeof zUnitView>;
export const zUnitViewPage = zPage(zUnitView);

import { z } from 'zod';

/** GB/T 2260 codes: 6 digits for province, city and county; 9 for township. */
export const zRegionCode = z.string().regex(/^\d{6}(\d{3})?$/, { message: 'region.code' });

export const REGION_LEVELS = [1, 2, 3, 4] as const; // province, city, county, township

export const zRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(4),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
});
export type Region = z.infer<typeof zRegion>;

export const zRegionChildrenQuery = z.strictObject({
  parentCode: zRegionCode.optional(),
});

export const zRegionList = z.object({ items: z.array(zRegion) });

export const zRegionCodeParams = z.strictObject({ code: zRegionCode });

export const zRegionWithPath = z.object({
  region: zRegion,
  /** From the province down to the region itself. */
  path: z.array(zRegion),
});
export type RegionWithPath = z.infer<typeof zRegionWithPath>;

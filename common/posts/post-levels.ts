import { z } from 'zod';
import { RANK_LEVELS, type RankLevel } from '../cadres/cadre-enums.js';
import { UNIT_KINDS, type UnitKind } from '../units/units.schema.js';

/**
 * Which post levels a receiving unit may ask for (issue 11 line 5): by the unit's kind and the
 * tier of its region (a township's unit does not ask for a 正厅局级 post). The defaults below
 * hold until the system administrator changes a cell (stored in `post_level_rules`); each cell
 * is an ordered list whose first level is the one most often asked for, and which the form
 * offers first.
 */
export const REGION_TIERS = ['province', 'city', 'county', 'township'] as const;
export type RegionTier = (typeof REGION_TIERS)[number];

/** The tier of a GB/T 2260 code: xx0000 province, xxyy00 city, 6 digits county, 9 township. */
export function regionTierOf(code: string): RegionTier {
  if (code.length > 6) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

const L = (...levels: RankLevel[]) => levels;
const BY_TIER: Record<RegionTier, RankLevel[]> = {
  province: L(
    'division_deputy',
    'division_chief',
    'bureau_deputy',
    'bureau_chief',
    'section_chief',
    'section_deputy',
    'other',
  ),
  city: L('division_deputy', 'division_chief', 'bureau_deputy', 'section_chief', 'section_deputy', 'other'),
  county: L('section_chief', 'division_deputy', 'section_deputy', 'division_chief', 'other'),
  township: L('section_deputy', 'section_chief', 'other'),
};
/** Units of these kinds are township- or village-level wherever their region code points. */
const BY_KIND: Partial<Record<UnitKind, RankLevel[]>> = {
  township: L('section_deputy', 'section_chief', 'other'),
  village: L('other', 'section_deputy'),
};

export function defaultPostLevels(kind: UnitKind, tier: RegionTier): RankLevel[] {
  return [...(BY_KIND[kind] ?? BY_TIER[tier])];
}

export const zPostLevelList = z
  .array(z.enum(RANK_LEVELS))
  .min(1)
  .max(RANK_LEVELS.length)
  .refine((levels) => new Set(levels).size === levels.length, { message: 'duplicate' });

export const zPostLevelRule = z.object({
  unitKind: z.enum(UNIT_KINDS),
  regionTier: z.enum(REGION_TIERS),
  /** Ordered: the first is the most common level, offered first. */
  levels: z.array(z.enum(RANK_LEVELS)),
  /** The built-in default holds (never changed, or reset). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type PostLevelRule = z.infer<typeof zPostLevelRule>;
export const zPostLevelTable = z.object({ rules: z.array(zPostLevelRule) });
export type PostLevelTable = z.infer<typeof zPostLevelTable>;

export const zPostLevelParams = z.strictObject({
  unitKind: z.enum(UNIT_KINDS),
  regionTier: z.enum(REGION_TIERS),
});
/** `levels: null` goes back to the built-in default. */
export const zPostLevelUpdate = z.strictObject({ levels: zPostLevelList.nullable() });

/** The allowed levels of one unit, ordered (its form's options). */
export const zUnitPostLevels = z.object({
  unitId: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  regionTier: z.enum(REGION_TIERS),
  levels: z.array(z.enum(RANK_LEVELS)),
});
export type UnitPostLevels = z.infer<typeof zUnitPostLevels>;

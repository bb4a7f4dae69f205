/**
 * Enumerations of the cadre profile. Codes are English (stored), labels Chinese (in the i18n
 * catalogue: `ethnicity.<code>`, `political.<code>`, …). Ethnicities follow GB/T 3304 order.
 */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

export const GENDERS = ['male', 'female'] as const;
export const POLITICAL_STATUSES = [
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'democratic_party',
  'non_party',
  'masses',
] as const;
/** Highest education, from the top; the order is used for "at least" rules. */
export const EDUCATIONS = [
  'doctorate',
  'master',
  'bachelor',
  'college',
  'secondary',
  'high_school_or_below',
] as const;
export const DEGREES = ['doctor', 'master', 'bachelor', 'none'] as const;
/** 正/副 厅局、县处、乡科 — the level of the leadership post or the grade. */
export const RANK_LEVELS = [
  'bureau_chief',
  'bureau_deputy',
  'division_chief',
  'division_deputy',
  'section_chief',
  'section_deputy',
  'other',
] as const;
/** 领导职务 or 职级. */
export const RANK_KINDS = ['leadership', 'grade'] as const;
export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'parent_in_law', 'other'] as const;

export type Education = (typeof EDUCATIONS)[number];
export type RankLevel = (typeof RANK_LEVELS)[number];

/** The band (厅局 / 县处 / 乡科) a rank belongs to, for eligibility age caps. */
export function rankBand(level: RankLevel): 'bureau' | 'division' | 'section' | null {
  if (level.startsWith('bureau')) return 'bureau';
  if (level.startsWith('division')) return 'division';
  if (level.startsWith('section')) return 'section';
  return null;
}

/** Is `education` at least `minimum`? */
export function educationAtLeast(education: Education, minimum: Education): boolean {
  return EDUCATIONS.indexOf(education) <= EDUCATIONS.indexOf(minimum);
}

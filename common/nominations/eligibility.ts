import { type Education, educationAtLeast, type RankLevel, rankBand } from '../cadres/cadre-enums.js';
import { t } from '../i18n/index.js';
import type { Eligibility } from '../programmes/programmes.schema.js';
import type { EligibilityReason } from './nominations.schema.js';

/** Completed years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A batch's rules applied to a cadre: age caps by rank band at the batch's planned start and a
 * minimum education block the nomination (it then needs a written justification); "reserve
 * cadres first" is advice the 组织部 sees, not a block.
 */
export function checkEligibility(
  cadre: { birthDate: string; rankLevel: RankLevel; education: Education; reserve: boolean },
  batch: { plannedStart: string; eligibility: Eligibility },
): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  const band = rankBand(cadre.rankLevel);
  const age = ageOn(cadre.birthDate, batch.plannedStart);
  if (band) {
    const cap = batch.eligibility.ageCaps[band];
    if (age > cap) {
      reasons.push({
        code: 'eligibility.ageOver',
        blocking: true,
        message: t('eligibility.ageOver', { band: t(`rankBand.${band}`), cap, age }),
      });
    }
  }
  const min = batch.eligibility.minEducation;
  if (min && !educationAtLeast(cadre.education, min)) {
    reasons.push({
      code: 'eligibility.education',
      blocking: true,
      message: t('eligibility.education', {
        min: t(`education.${min}`),
        actual: t(`education.${cadre.education}`),
      }),
    });
  }
  if (batch.eligibility.reserveFirst && !cadre.reserve) {
    reasons.push({ code: 'eligibility.notReserve', blocking: false, message: t('eligibility.notReserve') });
  }
  return reasons;
}

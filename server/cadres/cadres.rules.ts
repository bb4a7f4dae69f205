import { idNumberFacts } from '../../common/personal/id-number.js';

/**
 * The birth date and gender a cadre's ID number carries must be the ones on the record: the
 * first mismatch, or null. Also used by the Excel import's preview.
 */
export function identityMismatch(
  values: { birthDate: string; gender: string },
  idNumber: string,
): { field: 'birthDate' | 'gender'; key: 'cadre.birthDateMismatch' | 'cadre.genderMismatch' } | null {
  const facts = idNumberFacts(idNumber);
  if (facts.birthDate !== values.birthDate) return { field: 'birthDate', key: 'cadre.birthDateMismatch' };
  if (facts.gender !== values.gender) return { field: 'gender', key: 'cadre.genderMismatch' };
  return null;
}

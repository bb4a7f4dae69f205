/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd = male), and an ISO 7064 MOD 11-2 check character. Shared by server and web.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** First two digits of every province-level code in GB/T 2260. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type IdNumberProblem =
  | 'idNumber.format'
  | 'idNumber.region'
  | 'idNumber.birthDate'
  | 'idNumber.checkDigit';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export interface IdNumberFacts {
  birthDate: string; // YYYY-MM-DD
  gender: 'male' | 'female';
  regionCode: string;
}

/** Problems with an ID number, or [] when it is valid. `today` bounds the birth date. */
export function idNumberProblems(raw: string, today: Date = new Date()): IdNumberProblem[] {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return ['idNumber.format'];
  const problems: IdNumberProblem[] = [];
  if (!PROVINCES.has(id.slice(0, 2))) problems.push('idNumber.region');
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  if (!valid || y < 1900 || date.getTime() > today.getTime()) problems.push('idNumber.birthDate');
  if (checkCharacter(id.slice(0, 17)) !== id[17]) problems.push('idNumber.checkDigit');
  return problems;
}

export function idNumberFacts(raw: string): IdNumberFacts {
  const id = normalizeIdNumber(raw);
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

export interface IdentityMismatch {
  field: 'birthDate' | 'gender';
  key: 'cadre.birthDateMismatch' | 'cadre.genderMismatch';
}

/**
 * The birth date and gender an ID number carries must be the ones on the record: every field
 * given that differs (birth date first). The server refuses the first (cadres, the Excel import's
 * preview); the web form marks each field as it is typed.
 */
export function identityMismatches(
  values: { birthDate?: string | null; gender?: string | null },
  idNumber: string,
): IdentityMismatch[] {
  const facts = idNumberFacts(idNumber);
  const out: IdentityMismatch[] = [];
  if (values.birthDate != null && facts.birthDate !== values.birthDate)
    out.push({ field: 'birthDate', key: 'cadre.birthDateMismatch' });
  if (values.gender != null && facts.gender !== values.gender)
    out.push({ field: 'gender', key: 'cadre.genderMismatch' });
  return out;
}

/**
 * Dates and numbers as GB/T 9704 writes them: 成文日期 with Arabic numerals and no leading zero
 * (2026年12月2日), months as 2026年12月, 出生年月 as 1985.03 (the name list's convention).
 * Pure: the server's forms and the web's previews use the same words.
 */

const PARTS = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

function partsOf(isoDate: string): [number, number, number | null] {
  const m = PARTS.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return [Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3])];
}

/** 2026-12-02 → 2026年12月2日 (a date-time's date part is used as written). */
export function documentDate(isoDate: string): string {
  const [y, m, d] = partsOf(isoDate);
  if (d === null) throw new RangeError(`not a full date: ${isoDate}`);
  return `${y}年${m}月${d}日`;
}

/** 2026-12 or 2026-12-02 → 2026年12月 */
export function documentMonth(isoDate: string): string {
  const [y, m] = partsOf(isoDate);
  return `${y}年${m}月`;
}

/** 1985-03-14 → 1985.03 (出生年月 in a name list) */
export function birthMonth(isoDate: string): string {
  const [y, m] = partsOf(isoDate);
  return `${y}.${String(m).padStart(2, '0')}`;
}

/** A term: 2026年3月—2027年3月 (the 一字线 GB/T 9704 uses between dates). */
export function documentTerm(fromIso: string, toIso: string): string {
  return `${documentMonth(fromIso)}—${documentMonth(toIso)}`;
}

/** 发文字号 from its pattern: {机关代字}〔{年}〕{序号}号 → 黔组〔2026〕12号 (序号 without leading zeros). */
export function documentNumber(pattern: string, v: { code: string; year: number; seq: number }): string {
  return pattern
    .replaceAll('{机关代字}', v.code)
    .replaceAll('{年}', String(v.year))
    .replaceAll('{序号}', String(Math.trunc(v.seq)));
}

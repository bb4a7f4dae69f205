import { describe, expect, it } from 'vitest';
import { birthMonth, documentDate, documentMonth, documentNumber, documentTerm } from './documents-format.js';

describe('document dates', () => {
  it('writes 成文日期 without leading zeros', () => {
    expect(documentDate('2026-12-02')).toBe('2026年12月2日');
    expect(documentDate('2027-01-31')).toBe('2027年1月31日');
    expect(documentDate('2026-12-02T16:30:00.000Z')).toBe('2026年12月2日');
  });
  it('writes months, birth months and terms', () => {
    expect(documentMonth('2026-03-01')).toBe('2026年3月');
    expect(documentMonth('2026-11')).toBe('2026年11月');
    expect(birthMonth('1985-03-14')).toBe('1985.03');
    expect(documentTerm('2026-03-01', '2027-02-28')).toBe('2026年3月—2027年2月');
  });
  it('refuses what is not a date', () => {
    expect(() => documentDate('2026-12')).toThrow(RangeError);
    expect(() => documentDate('十二月')).toThrow(RangeError);
  });
  it('fills the 发文字号 pattern', () => {
    expect(documentNumber('{机关代字}〔{年}〕{序号}号', { code: '黔组', year: 2026, seq: 7 })).toBe(
      '黔组〔2026〕7号',
    );
    expect(documentNumber('{机关代字}发〔{年}〕{序号}号', { code: '黔东南组', year: 2027, seq: 12 })).toBe(
      '黔东南组发〔2027〕12号',
    );
  });
});

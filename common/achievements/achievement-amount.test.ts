import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_UNITS,
  type AmountUnit,
  addBase,
  checkAmount,
  formatAmount,
  MAX_BASE,
  parseAmount,
  scaled,
  UNITS,
} from './achievement-amount.js';

const base = (text: string, unit: AmountUnit) => {
  const p = parseAmount(text, unit);
  if (!p.ok) throw new Error(`${text}${unit}: ${p.problem}`);
  return p.base;
};

describe('parseAmount', () => {
  it('stores 1.9万人 and 19000人 as the same 19000 people', () => {
    expect(base('1.9', '万人')).toBe(19000n);
    expect(base('19000', '人')).toBe(19000n);
    expect(formatAmount(addBase(base('1.9', '万人'), base('19000', '人')), 'people')).toBe('3.8万人');
  });
  it('keeps money in 分 exactly: 1.5万元 + 2000元 = 1.7万元, 0.1万元 + 0.2万元 = 0.3万元', () => {
    expect(base('1.5', '万元')).toBe(1_500_000n);
    expect(base('2000', '元')).toBe(200_000n);
    expect(formatAmount(addBase(base('1.5', '万元'), base('2000', '元')), 'money')).toBe('1.7万元');
    expect(formatAmount(addBase(base('0.1', '万元'), base('0.2', '万元')), 'money')).toBe('3000元');
    expect(addBase(base('0.1', '万元'), base('0.2', '万元'))).toBe(base('0.3', '万元'));
    expect(base('0.01', '元')).toBe(1n);
    expect(base('1.23456789', '亿元')).toBe(12_345_678_900n);
  });
  it('accepts thousands commas and trailing zeros, and normalises the amount', () => {
    const p = parseAmount('1,234,000.50', '元');
    expect(p).toMatchObject({ ok: true, base: 123_400_050n, amount: '1234000.5', dimension: 'money' });
    expect(parseAmount('007.10', '万人')).toMatchObject({ ok: true, amount: '7.1', base: 71_000n });
  });
  it('refuses what is not an amount, too fine for the unit, zero or too large', () => {
    for (const bad of ['', 'abc', '-1', '1e3', '1.2.3', '١٢', '1 000', '.5', '5.', 'NaN', 'Infinity'])
      expect(parseAmount(bad, '元')).toMatchObject({ ok: false, problem: 'format' });
    expect(parseAmount('0.001', '元')).toMatchObject({ ok: false, problem: 'tooPrecise', exp: 2 });
    expect(parseAmount('1.5', '人')).toMatchObject({ ok: false, problem: 'tooPrecise', exp: 0 });
    expect(parseAmount('1.23456', '万人')).toMatchObject({ ok: false, problem: 'tooPrecise' });
    expect(parseAmount('0', '万元')).toMatchObject({ ok: false, problem: 'zero' });
    expect(parseAmount('1001', '亿元')).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(parseAmount('1000', '亿元')).toMatchObject({ ok: true, base: MAX_BASE });
    expect(parseAmount('1', '斤')).toMatchObject({ ok: false, problem: 'unit' });
  });
  it('names the field and gives a Chinese message without schema words', () => {
    expect(checkAmount('1.5', '人')).toMatchObject({
      ok: false,
      field: 'amount',
      key: 'achievements.amount.notWhole',
    });
    expect(checkAmount(null, '人')).toMatchObject({ ok: false, field: 'amount' });
    expect(checkAmount('3', null)).toMatchObject({ ok: false, field: 'unit' });
    expect(checkAmount(null, null)).toMatchObject({ ok: true, columns: { baseAmount: null } });
  });
});

describe('formatAmount', () => {
  it('shows a total in the largest unit it reaches', () => {
    expect(formatAmount(150_000n, 'money')).toBe('1500元');
    expect(formatAmount(50n, 'money')).toBe('0.5元');
    expect(formatAmount(12_345_678_900n, 'money')).toBe('1.23456789亿元');
    expect(formatAmount(12n, 'households')).toBe('12户');
    expect(formatAmount('120000', 'times')).toBe('12万次');
    expect(formatAmount(0n, 'people')).toBe('0人');
  });
});

const units = fc.constantFrom(...UNITS);
/** A decimal string fit for its unit: whole digits and at most the unit's places. */
const amountIn = (unit: AmountUnit) =>
  fc
    .tuple(
      fc.bigInt({ min: 0n, max: 10n ** 6n }),
      fc.bigInt({ min: 0n, max: 10n ** BigInt(AMOUNT_UNITS[unit].exp) - 1n }),
    )
    .map(([whole, frac]) => {
      const exp = AMOUNT_UNITS[unit].exp;
      return exp === 0 ? `${whole + 1n}` : `${whole}.${frac.toString().padStart(exp, '0')}`;
    });

describe('properties', () => {
  it('parse then show in the base unit gives back the same value, exactly', () => {
    fc.assert(
      fc.property(
        units.chain((u) => fc.tuple(fc.constant(u), amountIn(u))),
        ([unit, text]) => {
          const p = parseAmount(text, unit);
          if (!p.ok) return p.problem === 'zero' || p.problem === 'tooLarge';
          const exp = AMOUNT_UNITS[unit].exp;
          // base / 10^exp is the number typed
          expect(scaled(p.base, exp)).toBe(p.amount);
          expect(parseAmount(p.amount, unit)).toMatchObject({ ok: true, base: p.base });
          return true;
        },
      ),
    );
  });
  it('a sum of like amounts is the sum of their base amounts, in any order (no float error)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(999_999), fc.nat(99)), { minLength: 1, maxLength: 30 }),
        (parts) => {
          const texts = parts.map(([y, f]) => `${y}.${String(f).padStart(2, '0')}`);
          const bases = texts.flatMap((x) => {
            const p = parseAmount(x, '元');
            return p.ok ? [p.base] : [];
          });
          const cents = parts.reduce((s, [y, f]) => s + BigInt(y) * 100n + BigInt(f), 0n);
          expect(addBase(...bases)).toBe(cents);
          expect(addBase(...[...bases].reverse())).toBe(cents);
          // shown in 万元 or 元 and parsed back, it is the same number of 分
          const shown = formatAmount(cents, 'money');
          const m = /^([\d.]+)(万元|亿元|元)$/.exec(shown);
          expect(m).not.toBeNull();
          if (cents > 0n) expect(base(m?.[1] as string, m?.[2] as AmountUnit)).toBe(cents);
        },
      ),
    );
  });
  it('万 units are ten thousand of their base unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        expect(base(String(n), '万人')).toBe(base(String(n * 10_000), '人'));
        expect(base(String(n), '万元')).toBe(base(String(n * 10_000), '元'));
      }),
    );
  });
});

import type { MessageKey } from '../i18n/index.js';

/**
 * Amounts of the achievement ledger (issue 13 line 5, ADR 034), exact: an amount is entered as
 * a decimal string and a unit, and stored as a whole number of the unit's dimension's base unit
 * (分 for money; one person, household, item, time for counts), computed from the digits of the
 * string — never through floating point — so that 1.9万人 and 19000人 are both 19000, and
 * 0.1万元 + 0.2万元 is exactly 3000 元. Sums and display use BigInt.
 */

export const DIMENSIONS = ['money', 'people', 'households', 'items', 'times'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Each unit: its dimension and the power of ten of base units it holds. */
export const AMOUNT_UNITS = {
  元: { dimension: 'money', exp: 2 },
  万元: { dimension: 'money', exp: 6 },
  亿元: { dimension: 'money', exp: 10 },
  人: { dimension: 'people', exp: 0 },
  万人: { dimension: 'people', exp: 4 },
  户: { dimension: 'households', exp: 0 },
  万户: { dimension: 'households', exp: 4 },
  个: { dimension: 'items', exp: 0 },
  万个: { dimension: 'items', exp: 4 },
  次: { dimension: 'times', exp: 0 },
  万次: { dimension: 'times', exp: 4 },
} as const satisfies Record<string, { dimension: Dimension; exp: number }>;
export type AmountUnit = keyof typeof AMOUNT_UNITS;
export const UNITS = Object.keys(AMOUNT_UNITS) as AmountUnit[];

/** The base unit's name, and the unit of ten thousand (and of 10^8 for money) a total is shown in. */
const DISPLAY: Record<Dimension, { base: string; steps: [number, string][] }> = {
  money: {
    base: '元',
    steps: [
      [10, '亿元'],
      [6, '万元'],
      [2, '元'],
    ],
  },
  people: {
    base: '人',
    steps: [
      [4, '万人'],
      [0, '人'],
    ],
  },
  households: {
    base: '户',
    steps: [
      [4, '万户'],
      [0, '户'],
    ],
  },
  items: {
    base: '个',
    steps: [
      [4, '万个'],
      [0, '个'],
    ],
  },
  times: {
    base: '次',
    steps: [
      [4, '万次'],
      [0, '次'],
    ],
  },
};

/**
 * The largest amount of one entry, in base units: 10^13 (1000亿元 in 分, or ten trillion people),
 * below Number.MAX_SAFE_INTEGER (≈ 9×10^15), so one entry's base amount is an exact JS number
 * and a PostgreSQL bigint. Totals are summed as BigInt and answered as digit strings.
 */
export const MAX_BASE = 10_000_000_000_000n;

export type AmountProblem = 'format' | 'tooPrecise' | 'tooLarge' | 'zero' | 'unit';

export type Parsed =
  | { ok: true; base: bigint; dimension: Dimension; amount: string }
  | { ok: false; problem: AmountProblem; exp?: number };

const isUnit = (u: string): u is AmountUnit => Object.hasOwn(AMOUNT_UNITS, u);

/**
 * Parses a decimal string ("1.9", "19,000", "0.10") in a unit: the base amount, or the problem.
 * Only digits, one point and thousands commas are accepted: no sign, exponent or spaces inside.
 */
export function parseAmount(text: string, unit: string): Parsed {
  if (!isUnit(unit)) return { ok: false, problem: 'unit' };
  const { dimension, exp } = AMOUNT_UNITS[unit];
  const plain = text.trim().replace(/[,，](?=\d{3}(\D|$))/g, '');
  const m = /^(\d{1,16})(?:\.(\d{1,12}))?$/.exec(plain);
  if (!m) return { ok: false, problem: 'format' };
  const whole = m[1] as string;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > exp) return { ok: false, problem: 'tooPrecise', exp };
  const base = BigInt(whole + frac) * 10n ** BigInt(exp - frac.length);
  if (base === 0n) return { ok: false, problem: 'zero' };
  if (base > MAX_BASE) return { ok: false, problem: 'tooLarge' };
  return { ok: true, base, dimension, amount: `${BigInt(whole)}${frac ? `.${frac}` : ''}` };
}

/** base / 10^exp exactly, as a decimal string without trailing zeros. */
export function scaled(base: bigint, exp: number): string {
  const negative = base < 0n;
  const digits = (negative ? -base : base).toString().padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** A base amount in the largest unit it reaches (1.7万元, 3.8万人, 1500元), exactly. */
export function formatAmount(base: bigint | string | number, dimension: Dimension): string {
  const value = BigInt(base);
  const { steps } = DISPLAY[dimension];
  const abs = value < 0n ? -value : value;
  for (const [exp, unit] of steps) {
    if (abs >= 10n ** BigInt(exp) || exp === (steps.at(-1) as [number, string])[0])
      return `${scaled(value, exp)}${unit}`;
  }
  return `${value}${DISPLAY[dimension].base}`;
}

/** Adds base amounts (numbers from one entry, or digit strings from a database sum) exactly. */
export function addBase(...values: (bigint | string | number | null | undefined)[]): bigint {
  let sum = 0n;
  for (const v of values) if (v !== null && v !== undefined && v !== '') sum += BigInt(v);
  return sum;
}

export type AmountColumns = {
  amount: string | null;
  unit: AmountUnit | null;
  dimension: Dimension | null;
  baseAmount: number | null;
};

/**
 * An entry's amount and unit (both given, or neither) as the columns stored, or the field at
 * fault and its catalogue message: shared by the form's service and the import's row checks.
 */
export function checkAmount(
  text: string | null | undefined,
  unit: string | null | undefined,
):
  | { ok: true; columns: AmountColumns }
  | { ok: false; field: 'amount' | 'unit'; key: MessageKey; params: Record<string, string | number> } {
  const amount = text?.trim() ? text.trim() : null;
  if (amount === null && !unit)
    return { ok: true, columns: { amount: null, unit: null, dimension: null, baseAmount: null } };
  if (amount === null) return { ok: false, field: 'amount', key: 'achievements.amountMissing', params: {} };
  if (!unit) return { ok: false, field: 'unit', key: 'achievements.unitMissing', params: {} };
  const parsed = parseAmount(amount, unit);
  if (!parsed.ok) {
    const key: MessageKey =
      parsed.problem === 'tooPrecise' && parsed.exp === 0
        ? 'achievements.amount.notWhole'
        : `achievements.amount.${parsed.problem}`;
    return {
      ok: false,
      field: parsed.problem === 'unit' ? 'unit' : 'amount',
      key,
      params: { unit, places: parsed.exp ?? 0 },
    };
  }
  return {
    ok: true,
    columns: {
      amount: parsed.amount,
      unit: unit as AmountUnit,
      dimension: parsed.dimension,
      // ≤ MAX_BASE < 2^53: exact as a number
      baseAmount: Number(parsed.base),
    },
  };
}

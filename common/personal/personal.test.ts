import { describe, expect, it } from 'vitest';
import { checkCharacter, identityMismatches, idNumberFacts, idNumberProblems } from './id-number.js';
import { maskIdNumber, maskPhone } from './mask.js';

/** Builds a valid fictional ID number from its first 17 digits. */
const withCheck = (first17: string) => first17 + checkCharacter(first17);

describe('ID numbers (GB 11643)', () => {
  const today = new Date('2026-11-21T00:00:00Z');

  it('accepts a number with the right check character, including X', () => {
    expect(idNumberProblems(withCheck('52263019900307123'), today)).toEqual([]);
    const x = ['11010519491231002', '52263019850101002', '32050819920202001']
      .map(withCheck)
      .find((id) => id.endsWith('X'));
    if (x) expect(idNumberProblems(x.toLowerCase(), today)).toEqual([]);
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('names each problem', () => {
    const good = withCheck('52263019900307123');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(idNumberProblems(badCheck, today)).toEqual(['idNumber.checkDigit']);
    expect(idNumberProblems('5226301990030712', today)).toEqual(['idNumber.format']);
    expect(idNumberProblems(withCheck('99263019900307123'), today)).toEqual(['idNumber.region']);
    expect(idNumberProblems(withCheck('52263019900230123'), today)).toEqual(['idNumber.birthDate']);
    expect(idNumberProblems(withCheck('52263020300101123'), today)).toEqual(['idNumber.birthDate']);
  });

  it('reads birth date, gender and region', () => {
    expect(idNumberFacts(withCheck('52263019900307123'))).toEqual({
      birthDate: '1990-03-07',
      gender: 'male',
      regionCode: '522630',
    });
    expect(idNumberFacts(withCheck('52263019900307124')).gender).toBe('female');
  });
});

describe('ID number ↔ birth date ↔ gender (server, import and web form alike)', () => {
  const id = withCheck('52263019900307123'); // born 1990-03-07, 17th digit odd: male

  it('names every field that differs, birth date first', () => {
    expect(identityMismatches({ birthDate: '1990-03-07', gender: 'male' }, id)).toEqual([]);
    expect(identityMismatches({ birthDate: '1990-03-08', gender: 'female' }, id)).toEqual([
      { field: 'birthDate', key: 'cadre.birthDateMismatch' },
      { field: 'gender', key: 'cadre.genderMismatch' },
    ]);
  });

  it('checks only the fields given (the web form checks one at a time)', () => {
    expect(identityMismatches({ gender: 'female' }, id)).toEqual([
      { field: 'gender', key: 'cadre.genderMismatch' },
    ]);
    expect(identityMismatches({ birthDate: '1990-03-07' }, id)).toEqual([]);
  });
});

describe('masking', () => {
  it('shows only the first 3 and last 4 of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
  });

  it('masks mobiles and landlines', () => {
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskPhone('0512-60001234')).toBe('0512-****1234');
    expect(maskPhone('123')).toBe('***');
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import {
  COMMON_PASSWORDS_SOURCE,
  characterClasses,
  isCommonPassword,
  passwordProblems,
  possibleClasses,
} from './password-policy.js';

describe('password policy', () => {
  it('accepts 8+ characters of 3 classes without the username', () => {
    expect(passwordProblems('Qingxi#Zhen8', 'zhangsan')).toEqual([]);
    expect(passwordProblems('abc#1234', 'zhangsan')).toEqual([]);
    expect(passwordProblems('挂职Ab1#中文', 'li')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(passwordProblems('Ab1#', 'x')).toEqual(['password.tooShort']);
    expect(passwordProblems('abcdefgh', 'x')).toEqual(['password.classes']);
    expect(passwordProblems('Zhangsan#1', 'ZhangSan')).toEqual(['password.containsUsername']);
    expect(passwordProblems('a'.repeat(129), 'x')).toEqual(['password.tooLong', 'password.classes']);
    expect(passwordProblems('Abcdefg1', 'x')).toEqual(['password.common']);
  });

  it('counts character classes', () => {
    expect(characterClasses('aA1#')).toBe(4);
    expect(characterClasses('中文')).toBe(1);
    expect(possibleClasses('password1')).toBe(3);
    expect(possibleClasses('12345678')).toBe(1);
  });

  it('refuses common passwords in any capitalisation', () => {
    for (const p of ['Password1', 'PASSWORD1', 'pAsSwOrD1', 'Qwerty123', 'P@ssw0rd', 'Passw0rd']) {
      expect(isCommonPassword(p), p).toBe(true);
    }
    expect(isCommonPassword('Qingxi#Zhen8')).toBe(false);
  });

  it(`refuses every one of the ${COMMON_PASSWORDS_SOURCE.count.toLocaleString('en')} most common passwords of the source list`, () => {
    const require = createRequire(import.meta.url);
    const ranked = require(`${COMMON_PASSWORDS_SOURCE.package}/src/passwords.json`) as string[];
    const top = ranked.slice(0, COMMON_PASSWORDS_SOURCE.count);
    expect(top).toHaveLength(10_000);
    // every capitalisation that would pass the other rules: all lower, first upper, all upper
    const variants = (p: string) => [p, p.charAt(0).toUpperCase() + p.slice(1), p.toUpperCase()];
    const accepted = top.flatMap(variants).filter((p) => passwordProblems(p, 'someone').length === 0);
    expect(accepted).toEqual([]);
    // and the short list the web app ships is no longer than it needs to be
    expect(COMMON_PASSWORDS.length).toBeLessThan(500);
  });
});

import { describe, expect, it } from 'vitest';
import { characterClasses, passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts 8+ characters of 3 classes without the username', () => {
    expect(passwordProblems('Abcdefg1', 'zhangsan')).toEqual([]);
    expect(passwordProblems('abc#1234', 'zhangsan')).toEqual([]);
    expect(passwordProblems('挂职Ab1#中文', 'li')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(passwordProblems('Ab1#', 'x')).toEqual(['password.tooShort']);
    expect(passwordProblems('abcdefgh', 'x')).toEqual(['password.classes']);
    expect(passwordProblems('Zhangsan#1', 'ZhangSan')).toEqual(['password.containsUsername']);
    expect(passwordProblems('a'.repeat(129), 'x')).toEqual(['password.tooLong', 'password.classes']);
  });

  it('counts character classes', () => {
    expect(characterClasses('aA1#')).toBe(4);
    expect(characterClasses('中文')).toBe(1);
  });
});

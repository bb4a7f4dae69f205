import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../common/auth/password-policy.js';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('Some#Pass2026');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'Some#Pass2026')).toBe(true);
    expect(await verifyPassword(hash, 'some#pass2026')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('generates distinct one-time passwords that satisfy the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateOneTimePassword();
      expect(p).toHaveLength(16);
      expect(passwordProblems(p, 'admin')).toEqual([]);
      // pasted into a shell as it is: letters, digits and symbols no shell treats specially
      expect(p).toMatch(/^[A-Za-z][A-Za-z0-9@%+\-_.:]{15}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('one-time passwords pass through a shell unquoted, unchanged', () => {
    for (let i = 0; i < 50; i++) {
      const p = generateOneTimePassword();
      // as a user would type it: guazhi … --password <p>, no quotes
      expect(execFileSync('sh', ['-c', `printf '%s' ${p}`], { encoding: 'utf8' })).toBe(p);
    }
  });
});

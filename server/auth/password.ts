import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_HISTORY, passwordProblems } from '../../common/auth/password-policy.js';
import { t } from '../../common/i18n/index.js';
import type { Executor } from '../core/database.js';
import { AppError } from '../core/errors.js';
import { previousPasswordHashes, rememberPassword } from './auth.repository.js';
import type { UserRow } from './auth.table.js';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** argon2id with the library's defaults (19 MiB, 2 passes: the OWASP baseline). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both answers take the same time. */
let dummyHash: Promise<string> | null = null;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('guazhi-timing-dummy-Aa1!');
  return dummyHash;
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    const detail = problems.map((p) => t(p)).join('；');
    throw new AppError('PASSWORD_POLICY', {
      params: { detail },
      fields: [{ field: 'newPassword', message: detail }],
    });
  }
}

/**
 * The new password is none of the account's previous ones within the last PASSWORD_HISTORY
 * (the current password is the newest of them and is checked by the caller, with its own message).
 */
export async function assertNotRecent(db: Executor, userId: string, password: string): Promise<void> {
  for (const previous of await previousPasswordHashes(db, userId, PASSWORD_HISTORY - 1)) {
    if (await verifyPassword(previous, password)) {
      const detail = t('password.recentlyUsed');
      throw new AppError('PASSWORD_POLICY', {
        params: { detail },
        fields: [{ field: 'newPassword', message: detail }],
      });
    }
  }
}

/** Keeps the hash of the password being replaced (with the current one, the last PASSWORD_HISTORY). */
export function rememberReplaced(
  db: Executor,
  user: Pick<UserRow, 'id' | 'passwordHash'>,
  now: string,
): Promise<void> {
  return rememberPassword(db, user.id, user.passwordHash, now, PASSWORD_HISTORY - 1);
}

/**
 * Symbols no shell treats specially, so a one-time password can be pasted into a command line
 * as it is (no `!`, `$`, `#`, `*`, `?`, quotes or `=`).
 */
export const SHELL_SAFE_SYMBOLS = '@%+-_.:';

/**
 * A one-time password that satisfies the policy: 16 characters from an alphabet without
 * look-alikes, always holding a lower, an upper, a digit and a symbol, starting with a letter
 * (never read as a command option).
 */
export function generateOneTimePassword(): string {
  const sets = ['abcdefghjkmnpqrstuvwxyz', 'ABCDEFGHJKMNPQRSTUVWXYZ', '23456789', SHELL_SAFE_SYMBOLS];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)] as string);
  while (chars.length < 15) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  const letters = `${sets[0]}${sets[1]}`;
  return letters[randomInt(letters.length)] + chars.join('');
}

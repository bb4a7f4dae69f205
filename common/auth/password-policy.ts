/**
 * The password policy, shared by the server (which enforces it) and the web app
 * (which explains it while the user types). Returns message keys, not text.
 * What needs the account's history (the last 5 passwords) is checked on the server only.
 */
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password may not be any of the account's last this many (the current one included). */
export const PASSWORD_HISTORY = 5;

/** Where the common-password list comes from (scripts/gen-common-passwords.ts). */
export const COMMON_PASSWORDS_SOURCE = { package: '@zxcvbn-ts/language-common', count: 10_000 } as const;

export type PasswordProblem =
  | 'password.tooShort'
  | 'password.tooLong'
  | 'password.classes'
  | 'password.containsUsername'
  | 'password.common';

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

/** The most classes any capitalisation of `text` can reach (letters may be upper or lower case). */
export function possibleClasses(text: string): number {
  return characterClasses(text.replace(/[a-z]/gi, (c) => c.toLowerCase() + c.toUpperCase()));
}

const common = new Set(COMMON_PASSWORDS);

/** One of the 10,000 most common passwords, in any capitalisation. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('password.tooShort');
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push('password.tooLong');
  if (characterClasses(password) < 3) problems.push('password.classes');
  const user = username.trim().toLowerCase();
  if (user.length > 0 && password.toLowerCase().includes(user)) problems.push('password.containsUsername');
  if (isCommonPassword(password)) problems.push('password.common');
  return problems;
}

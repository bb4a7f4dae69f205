/**
 * The password policy, shared by the server (which enforces it) and the web app
 * (which explains it while the user types). Returns message keys, not text.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | 'password.tooShort'
  | 'password.tooLong'
  | 'password.classes'
  | 'password.containsUsername';

export function characterClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^a-zA-Z0-9]/.test(password)) n++;
  return n;
}

export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('password.tooShort');
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push('password.tooLong');
  if (characterClasses(password) < 3) problems.push('password.classes');
  const user = username.trim().toLowerCase();
  if (user.length > 0 && password.toLowerCase().includes(user)) problems.push('password.containsUsername');
  return problems;
}

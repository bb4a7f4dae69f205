import type { Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: number;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** AES-256-GCM ciphertexts (server/core/crypto.ts); the clear values never reach the database. */
  phoneEnc: string | null;
  idNumberEnc: string | null;
  /** Blind index of the ID number: finds duplicates without storing the number readable. */
  idNumberIndex: string | null;
  totpSecretEnc: string | null;
  totpPendingEnc: string | null;
  totpEnabledAt: string | null;
  /** JSON array of SHA-256 hashes of unused recovery codes. */
  recoveryCodes: string | null;
  /** The last TOTP time step (30 s) accepted: a code of this step or an earlier one is refused. */
  totpLastStep: number | null;
}

export interface UserRolesTable {
  userId: string;
  role: string;
  createdAt: string;
  /** 组织部: the region subtree it oversees. */
  regionCode: string | null;
  /** 派出单位联络员 / 接收单位管理员: their unit. */
  unitId: string | null;
  /** 组织部, optionally: JSON array of programme ids it is limited to. */
  programmeIds: string | null;
}

export interface SessionsTable {
  /** HMAC-SHA256 of the cookie token under the session secret; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  /** 'full', or 'totp' while the second factor is still owed. */
  stage: string;
}

/** Failed-login counters shared by every app instance (ADR 018). */
export interface LoginAttemptsTable {
  /** 'pair' (username and source address) or 'source' (source address). */
  kind: string;
  key: string;
  /** Failures counted since the counter was last forgotten (a success, or a quiet day). */
  failures: number;
  lastFailureAt: string;
  /** Until then an attempt is refused (429) without looking at the password. */
  nextAllowedAt: string;
}

/** The argon2 hashes of an account's previous passwords, newest `seq` last. */
export interface PasswordHistoryTable {
  userId: string;
  seq: number;
  passwordHash: string;
  createdAt: string;
}

export interface AuthTables {
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  passwordHistory: PasswordHistoryTable;
}

export type LoginAttemptRow = Selectable<LoginAttemptsTable>;

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;

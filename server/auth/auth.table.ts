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

export interface AuthTables {
  users: UsersTable;
  userRoles: UserRolesTable;
  sessions: SessionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserPatch = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;

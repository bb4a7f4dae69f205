import type { Selectable } from 'kysely';

export const AUDIT_RESULTS = ['success', 'denied', 'failure'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditLogTable {
  seq: number;
  /** UTC, ISO 8601. */
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  /** JSON `{field: {from, to}}` with sensitive values masked. */
  diff: string | null;
  prevHash: string;
  hash: string;
  /** 1: legacy SHA-256 (rows before the chain was keyed); 2: HMAC-SHA256 under the audit key. */
  hashVersion: number;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  lastHash: string;
}

export interface AuditTables {
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
}

export type AuditRow = Selectable<AuditLogTable>;

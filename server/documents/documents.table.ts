import type { Selectable } from 'kysely';

/** A 组织部's 版头 and 版记 (ADR 036): one row per region of an org_dept grant. */
export interface DocumentSettingsTable {
  regionCode: string;
  organMark: string;
  organName: string;
  organCode: string;
  numberPattern: string;
  nextSeq: number;
  signer: string | null;
  /** JSON string[] */
  cc: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A batch generation into one .zip (ADR 040): its progress, and the file once done. */
export interface DocumentBatchesTable {
  id: string;
  batchId: string;
  /** yyyy-mm */
  month: string;
  /** 'monthly' | 'leave' */
  kind: string;
  /** 'running' | 'done' | 'failed' | 'cancelled' */
  status: string;
  total: number;
  done: number;
  fileName: string;
  size: number | null;
  sha256: string | null;
  error: string | null;
  startedAt: string;
  heartbeatAt: string | null;
  finishedAt: string | null;
  createdBy: string | null;
}

export interface DocumentsTables {
  documentSettings: DocumentSettingsTable;
  documentBatches: DocumentBatchesTable;
}

export type DocumentSettingsRow = Selectable<DocumentSettingsTable>;
export type DocumentBatchRow = Selectable<DocumentBatchesTable>;

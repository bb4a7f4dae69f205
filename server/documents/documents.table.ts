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

export interface DocumentsTables {
  documentSettings: DocumentSettingsTable;
}

export type DocumentSettingsRow = Selectable<DocumentSettingsTable>;

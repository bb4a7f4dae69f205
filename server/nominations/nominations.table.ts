import type { Selectable } from 'kysely';

export interface NominationsTable {
  id: string;
  batchId: string;
  cadreId: string;
  /** The sending unit at the time of nomination. */
  unitId: string;
  status: string;
  eligible: number;
  /** JSON [{code, message, blocking}] as checked at nomination. */
  reasons: string;
  justification: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface NominationsTables {
  nominations: NominationsTable;
}

export type NominationRow = Selectable<NominationsTable>;

import type { Selectable } from 'kysely';

export interface ProgrammesTable {
  id: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  kind: string;
  /** The organising 组织部's region: decides which 组织部 may manage it. */
  regionCode: string;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface BatchesTable {
  id: string;
  programmeId: string;
  name: string;
  plannedStart: string;
  plannedEnd: string;
  termMonths: number;
  status: string;
  /** JSON of the Eligibility rules. */
  eligibility: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface ProgrammesTables {
  programmes: ProgrammesTable;
  batches: BatchesTable;
  /** Read-only: a view over the batch rows of `statusHistory` (migration 20261127090000). */
  batchStatusLog: {
    id: string;
    batchId: string;
    fromStatus: string;
    toStatus: string;
    reason: string;
    at: string;
    actorId: string | null;
  };
  batchQuotas: { batchId: string; regionCode: string; quota: number };
}

export type ProgrammeRow = Selectable<ProgrammesTable>;
export type BatchRow = Selectable<BatchesTable>;

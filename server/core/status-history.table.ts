import type { Selectable } from 'kysely';

/** One status move of any record (server/core/state-machine.ts): who, when, from, to, why. */
export interface StatusHistoryTable {
  id: string;
  /** The audit log's object type: 'batch', 'post', 'nomination', 'correction' … */
  objectType: string;
  objectId: string;
  /** 1, 2, 3 … per record: the order of its moves. */
  seq: number;
  fromStatus: string;
  toStatus: string;
  reason: string | null;
  at: string;
  actorId: string | null;
}

export interface StatusHistoryTables {
  statusHistory: StatusHistoryTable;
}

export type StatusHistoryRow = Selectable<StatusHistoryTable>;

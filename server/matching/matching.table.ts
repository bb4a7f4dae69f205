import type { Selectable } from 'kysely';

export interface MatchingSettingsTable {
  batchId: string;
  /** JSON MatchingSettings (common/matching/matching.schema.ts). */
  settings: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface MatchingPreferencesTable {
  id: string;
  nominationId: string;
  /** 'self' (the cadre) or 'unit' (the sending unit). */
  source: string;
  /** 1–3 */
  rank: number;
  postRequestId: string | null;
  regionCode: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface MatchingLocksTable {
  id: string;
  batchId: string;
  nominationId: string;
  postRequestId: string;
  /** 'pin' | 'forbid' */
  kind: string;
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface MatchingRunsTable {
  id: string;
  batchId: string;
  /** 1, 2, … within the batch */
  seq: number;
  status: string;
  progress: number;
  /** JSON MatchingSettings the run used */
  settings: string;
  /** JSON [[nominationId, postRequestId]] pinned when the run started */
  pins: string;
  cadreCount: number;
  postCount: number;
  /** The posts' headcounts together. */
  places: number;
  placed: number | null;
  total: number | null;
  /** JSON {factor: points} over the assignment */
  factorTotals: string | null;
  /** JSON Unmatched[] */
  unmatched: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** When the process computing the run last said it still is (a stale one is marked failed). */
  heartbeatAt: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  version: number;
  createdBy: string | null;
}

export interface MatchingAssignmentsTable {
  runId: string;
  nominationId: string;
  postRequestId: string;
  score: number;
  /** JSON FitFactor[] */
  factors: string;
  pinned: number;
}

export interface MatchingTables {
  matchingSettings: MatchingSettingsTable;
  matchingPreferences: MatchingPreferencesTable;
  matchingLocks: MatchingLocksTable;
  matchingRuns: MatchingRunsTable;
  matchingAssignments: MatchingAssignmentsTable;
}

export type MatchingRunRow = Selectable<MatchingRunsTable>;

import type { RunStatus, RunSummary } from '../../common/matching/matching.schema.js';
import type { MatchingRunRow } from './matching.table.js';

/** A stored run as its summary (no assignments). */
export const summaryOf = (r: MatchingRunRow): RunSummary => ({
  id: r.id,
  batchId: r.batchId,
  seq: r.seq,
  status: r.status as RunStatus,
  progress: Number(r.progress),
  cadreCount: r.cadreCount,
  postCount: r.postCount,
  places: r.places,
  placed: r.placed,
  total: r.total === null ? null : Number(r.total),
  factorTotals: r.factorTotals ? JSON.parse(r.factorTotals) : null,
  error: r.error,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  confirmedAt: r.confirmedAt,
  version: r.version,
});

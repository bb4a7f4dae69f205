import { defineMoves } from '../status/status-moves.js';
import { CORRECTION_STATUSES } from './corrections.schema.js';

/** A pending correction is approved, rejected or withdrawn, once. */
export const CORRECTION_MOVES = defineMoves(CORRECTION_STATUSES, {
  pending: ['approved', 'rejected', 'withdrawn'],
});

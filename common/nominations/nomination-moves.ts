import { defineMoves } from '../status/status-moves.js';
import { NOMINATION_STATUSES } from './nominations.schema.js';

/**
 * A nomination is reviewed or withdrawn while submitted. (A withdrawn one is not moved back: a
 * new nomination of the same cadre replaces it, `nominations.service.nominate`.)
 */
export const NOMINATION_MOVES = defineMoves(NOMINATION_STATUSES, {
  submitted: ['accepted', 'refused', 'withdrawn'],
});

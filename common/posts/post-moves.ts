import { defineMoves } from '../status/status-moves.js';
import { POST_STATUSES } from './posts.schema.js';

/** A post request is submitted from draft or after being returned, then reviewed once. */
export const POST_MOVES = defineMoves(POST_STATUSES, {
  draft: ['submitted'],
  returned: ['submitted'],
  submitted: ['approved', 'returned', 'rejected'],
});

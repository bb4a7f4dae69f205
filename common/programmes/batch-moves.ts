import { defineMoves } from '../status/status-moves.js';
import { BATCH_STATUSES } from './programmes.schema.js';

/** A batch moves one step forward at a time (筹备 → 选派 → 在岗 → 已结束), never back or ahead. */
export const BATCH_MOVES = defineMoves(BATCH_STATUSES, {
  preparing: ['selecting'],
  selecting: ['on_post'],
  on_post: ['finished'],
});

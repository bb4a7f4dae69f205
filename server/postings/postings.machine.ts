import { POSTING_MOVES } from '../../common/postings/posting-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const postingMachine = defineStateMachine({
  objectType: 'posting',
  table: 'postings',
  moves: POSTING_MOVES,
  noun: 'status.object.posting',
  label: (s) => `postingStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'reason',
});

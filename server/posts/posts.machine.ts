import { POST_MOVES } from '../../common/posts/post-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const postMachine = defineStateMachine({
  objectType: 'post',
  table: 'postRequests',
  moves: POST_MOVES,
  noun: 'status.object.post',
  label: (s) => `postStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'comment',
});

import { POST_MOVES } from '../../common/posts/post-moves.js';
import { authorOf } from '../core/context.js';
import { defineStateMachine } from '../core/state-machine.js';

export const postMachine = defineStateMachine({
  objectType: 'post',
  table: 'postRequests',
  moves: POST_MOVES,
  noun: 'status.object.post',
  label: (s) => `postStatus.${s}`,
  stamp: (at, actor) => ({ updatedAt: at, updatedBy: authorOf(actor) }),
  reasonKey: 'comment',
});

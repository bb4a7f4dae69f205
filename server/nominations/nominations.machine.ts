import { NOMINATION_MOVES } from '../../common/nominations/nomination-moves.js';
import { authorOf } from '../core/context.js';
import { defineStateMachine } from '../core/state-machine.js';

export const nominationMachine = defineStateMachine({
  objectType: 'nomination',
  table: 'nominations',
  moves: NOMINATION_MOVES,
  noun: 'status.object.nomination',
  label: (s) => `nominationStatus.${s}`,
  stamp: (at, actor) => ({ updatedAt: at, updatedBy: authorOf(actor) }),
  reasonKey: 'comment',
});

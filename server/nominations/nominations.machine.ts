import { NOMINATION_MOVES } from '../../common/nominations/nomination-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const nominationMachine = defineStateMachine({
  objectType: 'nomination',
  table: 'nominations',
  moves: NOMINATION_MOVES,
  noun: 'status.object.nomination',
  label: (s) => `nominationStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'comment',
});

import { CORRECTION_MOVES } from '../../common/corrections/correction-moves.js';
import { defineStateMachine } from '../core/state-machine.js';

/** Every outcome is decided once: `decidedAt` is the move's time. */
export const correctionMachine = defineStateMachine({
  objectType: 'correction',
  table: 'cadreCorrections',
  moves: CORRECTION_MOVES,
  noun: 'status.object.correction',
  label: (s) => `correctionStatus.${s}`,
  stamp: (at) => ({ updatedAt: at, decidedAt: at }),
  reasonKey: 'comment',
});

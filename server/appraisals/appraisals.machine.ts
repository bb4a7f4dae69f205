import { APPRAISAL_MOVES } from '../../common/appraisals/appraisal-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const appraisalMachine = defineStateMachine({
  objectType: 'appraisal',
  table: 'appraisals',
  moves: APPRAISAL_MOVES,
  noun: 'status.object.appraisal',
  label: (s) => `appraisalStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'comment',
});

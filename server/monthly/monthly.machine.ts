import { MONTHLY_MOVES } from '../../common/monthly/monthly-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const monthlyMachine = defineStateMachine({
  objectType: 'monthly_report',
  table: 'monthlyReports',
  moves: MONTHLY_MOVES,
  noun: 'status.object.monthlyReport',
  label: (s) => `monthlyStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'comment',
});

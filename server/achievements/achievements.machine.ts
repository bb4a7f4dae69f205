import { ACHIEVEMENT_MOVES } from '../../common/achievements/achievement-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const achievementMachine = defineStateMachine({
  objectType: 'achievement',
  table: 'achievements',
  moves: ACHIEVEMENT_MOVES,
  noun: 'status.object.achievement',
  label: (s) => `achievementStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'comment',
});

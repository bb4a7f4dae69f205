import { LEAVE_MOVES } from '../../common/leave/leave-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

export const leaveMachine = defineStateMachine({
  objectType: 'leave',
  table: 'leaveRequests',
  moves: LEAVE_MOVES,
  noun: 'status.object.leave',
  label: (s) => `leaveStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'comment',
});

import { ROUND_MOVES } from '../../common/assessment/assessment-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

/** 筹备 → 进行中 → 评定 → 已公布, one step at a time, each move with its reason (ADR 038). */
export const roundMachine = defineStateMachine({
  objectType: 'assessmentRound',
  table: 'assessmentRounds',
  moves: ROUND_MOVES,
  noun: 'status.object.assessmentRound',
  label: (s) => `roundStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'reason',
  target: { field: 'to', hint: 'assessment.onlyForward' },
});

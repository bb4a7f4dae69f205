import { BATCH_MOVES } from '../../common/programmes/batch-moves.js';
import { defineStateMachine, updatedStamp } from '../core/state-machine.js';

/** 筹备 → 选派 → 在岗 → 已结束, one step at a time, each move with its reason. */
export const batchMachine = defineStateMachine({
  objectType: 'batch',
  table: 'batches',
  moves: BATCH_MOVES,
  noun: 'status.object.batch',
  label: (s) => `batchStatus.${s}`,
  stamp: updatedStamp,
  reasonKey: 'reason',
  target: { field: 'to', hint: 'batch.onlyForward' },
});

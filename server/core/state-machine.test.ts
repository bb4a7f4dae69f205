import { describe, expect, it } from 'vitest';
import { POST_STATUSES } from '../../common/posts/posts.schema.js';
import { defineMoves, movesFrom, type StatusMoves } from '../../common/status/status-moves.js';
import { correctionMachine } from '../corrections/corrections.machine.js';
import { nominationMachine } from '../nominations/nominations.machine.js';
import { postMachine } from '../posts/posts.machine.js';
import { batchMachine } from '../programmes/batches.machine.js';
import { AppError } from './errors.js';
import { defineStateMachine } from './state-machine.js';

const refusal = (fn: () => void): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the move was not refused');
};

describe('defineStateMachine', () => {
  const moves = defineMoves(POST_STATUSES, { draft: ['submitted'], submitted: ['approved'] });
  const machine = defineStateMachine({
    objectType: 'post',
    table: 'postRequests',
    moves,
    noun: 'status.object.post',
    label: (s) => `postStatus.${s}`,
    stamp: (at) => ({ updatedAt: at }),
    reasonKey: 'comment',
  });

  it('allows the declared moves', () => {
    expect(machine.canMove('draft', 'submitted')).toBe(true);
    expect(() => machine.assertMove('draft', 'submitted')).not.toThrow();
    expect(() => machine.assertMove('submitted', 'approved')).not.toThrow();
  });

  it('refuses any other move with 409, naming the current and the target status in Chinese', () => {
    expect(machine.canMove('draft', 'approved')).toBe(false);
    const error = refusal(() => machine.assertMove('draft', 'approved'));
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409, fields: undefined });
    expect(error.message).toBe('该岗位需求不能从当前状态“草稿”变更为目标状态“已通过”');
    expect(refusal(() => machine.assertMove('approved', 'approved')).status).toBe(409);
    // a status not declared at all (say, a row written by a newer version) is refused, shown as stored
    expect(refusal(() => machine.assertMove('archived', 'draft')).message).toBe(
      '该岗位需求不能从当前状态“archived”变更为目标状态“草稿”',
    );
  });

  it('names the field the client chose the target in, when there is one', () => {
    const error = refusal(() => batchMachine.assertMove('preparing', 'on_post'));
    expect(error.message).toBe('该批次不能从当前状态“筹备”变更为目标状态“在岗”');
    expect(error.fields).toEqual([
      { field: 'to', message: '批次状态只能向后推进（筹备 → 选派 → 在岗 → 已结束）' },
    ]);
  });
});

describe('every machine', () => {
  /** Any of the machines, with its statuses as plain strings. */
  interface Machine {
    objectType: string;
    moves: StatusMoves;
    canMove(from: string, to: string): boolean;
    assertMove(from: string, to: string): void;
  }
  const machines: Machine[] = [batchMachine, postMachine, nominationMachine, correctionMachine];

  it.each(machines.map((m) => [m.objectType, m] as const))(
    '%s: refuses every (from, to) pair it does not declare, and allows the declared ones',
    (_name, machine) => {
      const { statuses } = machine.moves;
      let refused = 0;
      for (const from of statuses) {
        for (const to of statuses) {
          const declared = movesFrom(machine.moves, from).includes(to);
          expect(machine.canMove(from, to)).toBe(declared);
          if (declared) {
            expect(() => machine.assertMove(from, to)).not.toThrow();
          } else {
            const error = refusal(() => machine.assertMove(from, to));
            expect(error.status).toBe(409);
            expect(error.message).toMatch(/^该.+不能从当前状态“.+”变更为目标状态“.+”$/);
            refused += 1;
          }
        }
      }
      // no status may stay where it is
      expect(refused).toBeGreaterThanOrEqual(statuses.length);
    },
  );

  it('batches only move to the next status', () => {
    const { statuses } = batchMachine.moves;
    for (const [i, from] of statuses.entries()) {
      expect(movesFrom(batchMachine.moves, from)).toEqual(statuses.slice(i + 1, i + 2));
    }
  });
});

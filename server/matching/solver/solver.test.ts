// biome-ignore-all lint/style/noNonNullAssertion: dense numeric loops index typed arrays inside the bounds they loop over
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchInstance, MatchResult } from './solver.js';
import { PinConflictError, SolveCancelledError, solve } from './solver.js';
import { seededRandom as prng } from './solver.random.js';
import { runInWorker } from './solver.worker.js';

function randomInstance(seed: number, maxRows: number, maxCols: number): MatchInstance {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const rows = int(maxRows + 1);
  const cols = int(maxCols + 1);
  const ties = rnd() < 0.5;
  const scores = new Float64Array(rows * cols);
  for (let k = 0; k < scores.length; k++)
    scores[k] = ties ? int(6) : Math.round((rnd() * 20 - 5) * 1000) / 1000;
  const instance: MatchInstance = { rows, cols, scores };
  const forbidRate = rnd() * 0.6;
  if (rnd() < 0.7) instance.forbidden = Uint8Array.from(scores, () => (rnd() < forbidRate ? 1 : 0));
  if (rnd() < 0.6) instance.capacity = Array.from({ length: cols }, () => 1 + int(3));
  if (rnd() < 0.6) {
    const groups = 1 + int(3);
    instance.group = Array.from({ length: cols }, () => int(groups + 1) - 1);
    instance.quota = Array.from({ length: groups }, () => int(5));
  }
  if (rnd() < 0.4 && rows > 0 && cols > 0) {
    instance.pinned = Array.from({ length: 1 + int(2) }, () => [int(rows), int(cols)] as const);
  }
  return instance;
}

const capOf = (x: MatchInstance, j: number) => Math.min(x.capacity ? x.capacity[j]! : 1, x.rows);
const groupOf = (x: MatchInstance, j: number) => (x.group && x.quota ? x.group[j]! : -1);

/**
 * Brute force: dynamic programming over the rows with the columns' loads as the state (every
 * load vector is kept), each row unplaced or in an allowed column. Null when no assignment
 * keeps every pin.
 */
function bruteForce(x: MatchInstance): { placed: number; total: number } | null {
  const { rows, cols } = x;
  const radix = Array.from({ length: cols }, (_, j) => capOf(x, j) + 1);
  const size = radix.reduce((a, b) => a * b, 1);
  const pin = new Map<number, number[]>();
  for (const [i, j] of x.pinned ?? []) pin.set(i, [...new Set([...(pin.get(i) ?? []), j])]);
  let placed = new Float64Array(size).fill(-1);
  let total = new Float64Array(size);
  placed[0] = 0;
  const loads = new Int32Array(cols);
  const gl = new Int32Array(x.quota?.length ?? 0);
  for (let i = 0; i < rows; i++) {
    const nextPlaced = new Float64Array(size).fill(-1);
    const nextTotal = new Float64Array(size);
    const offer = (state: number, p: number, t: number) => {
      if (p > nextPlaced[state]! || (p === nextPlaced[state]! && t > nextTotal[state]!)) {
        nextPlaced[state] = p;
        nextTotal[state] = t;
      }
    };
    const pins = pin.get(i);
    for (let state = 0; state < size; state++) {
      if (placed[state]! < 0) continue;
      let rest = state;
      gl.fill(0);
      for (let j = 0; j < cols; j++) {
        loads[j] = rest % radix[j]!;
        rest = Math.floor(rest / radix[j]!);
        const g = groupOf(x, j);
        if (g >= 0) gl[g]! += loads[j]!;
      }
      if (!pins) offer(state, placed[state]!, total[state]!);
      let stride = 1;
      for (let j = 0; j < cols; j++) {
        const allowed =
          (!pins || (pins.length === 1 && pins[0]! === j)) &&
          x.forbidden?.[i * cols + j] !== 1 &&
          loads[j]! < radix[j]! - 1 &&
          (groupOf(x, j) < 0 || gl[groupOf(x, j)]! < (x.quota?.[groupOf(x, j)] ?? 0));
        if (allowed) offer(state + stride, placed[state]! + 1, total[state]! + x.scores[i * cols + j]!);
        stride *= radix[j]!;
      }
    }
    placed = nextPlaced;
    total = nextTotal;
  }
  let best: { placed: number; total: number } | null = null;
  for (let state = 0; state < size; state++) {
    if (placed[state]! < 0) continue;
    if (
      !best ||
      placed[state]! > best.placed ||
      (placed[state]! === best.placed && total[state]! > best.total)
    ) {
      best = { placed: placed[state]!, total: total[state]! };
    }
  }
  return best;
}

/** Every returned pair keeps every constraint; placed and total are what the assignment says. */
function expectValid(x: MatchInstance, result: MatchResult): void {
  const { rows, cols } = x;
  expect(result.assignment.length).toBe(rows);
  const load = new Array(cols).fill(0);
  const gl = new Array(x.quota?.length ?? 0).fill(0);
  let placed = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = result.assignment[i]!;
    if (j < 0) continue;
    expect(j).toBeLessThan(cols);
    expect(x.forbidden?.[i * cols + j] ?? 0).toBe(0);
    load[j]!++;
    if (groupOf(x, j) >= 0) gl[groupOf(x, j)]!++;
    placed++;
    total += x.scores[i * cols + j]!;
  }
  for (let j = 0; j < cols; j++) expect(load[j]!).toBeLessThanOrEqual(x.capacity ? x.capacity[j]! : 1);
  for (let g = 0; g < gl.length; g++) expect(gl[g]!).toBeLessThanOrEqual(x.quota?.[g] ?? 0);
  for (const [i, j] of x.pinned ?? []) expect(result.assignment[i]!).toBe(j);
  expect(result.placed).toBe(placed);
  expect(result.total).toBeCloseTo(total, 9);
}

describe('solve', () => {
  it('equals brute force on random instances up to 8 × 8 (forbidden pairs, headcounts, quotas, pins)', () => {
    let conflicts = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const x = randomInstance(seed, 8, 8);
        const expected = bruteForce(x);
        let result: MatchResult;
        try {
          result = solve(x);
        } catch (error) {
          expect(error).toBeInstanceOf(PinConflictError);
          expect(expected).toBeNull();
          expect((error as PinConflictError).pins.length).toBeGreaterThan(0);
          conflicts++;
          return;
        }
        expect(expected).not.toBeNull();
        expectValid(x, result);
        expect(result.placed).toBe(expected?.placed);
        expect(Math.abs(result.total - (expected?.total ?? 0))).toBeLessThan(1e-9);
      }),
      { numRuns: 1500, seed: 20261202 },
    );
    expect(conflicts).toBeGreaterThan(0);
  });

  it('the dense and the flow method agree on larger instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = prng(seed * 7919);
      const rows = 40 + Math.floor(rnd() * 40);
      const cols = 30 + Math.floor(rnd() * 40);
      const scores = Float64Array.from({ length: rows * cols }, () => Math.floor(rnd() * 11));
      const forbidden = Uint8Array.from(scores, () => (rnd() < 0.3 ? 1 : 0));
      const capacity = Array.from({ length: cols }, () => 1 + Math.floor(rnd() * 3));
      const plain = solve({ rows, cols, scores, forbidden, capacity });
      // one group over every column with a quota that changes nothing but binds: the flow method runs
      const slots = capacity.reduce((a, b) => a + b, 0);
      const bound = Math.min(rows, slots) - (seed % 2);
      const grouped = {
        rows,
        cols,
        scores,
        forbidden,
        capacity,
        group: new Array(cols).fill(0),
        quota: [bound],
      };
      const flow = solve(grouped);
      expectValid(grouped, flow);
      if (seed % 2 === 0) {
        expect(flow.placed).toBe(plain.placed);
        expect(Math.abs(flow.total - plain.total)).toBeLessThan(1e-9);
      } else expect(flow.placed).toBeLessThanOrEqual(bound);
    }
  });

  it('places rows of a wide and a tall rectangle', () => {
    for (const [rows, cols] of [
      [30, 300],
      [300, 30],
    ] as const) {
      const rnd = prng(rows);
      const scores = Float64Array.from({ length: rows * cols }, () => rnd());
      const result = solve({ rows, cols, scores });
      expectValid({ rows, cols, scores }, result);
      expect(result.placed).toBe(Math.min(rows, cols));
    }
  });

  it('names the pins that cannot all hold', () => {
    const scores = new Float64Array(9).fill(1);
    const forbidden = Uint8Array.from([0, 1, 0, 0, 0, 0, 0, 0, 0]);
    const conflict = (x: Partial<MatchInstance>) => {
      try {
        solve({ rows: 3, cols: 3, scores, ...x });
      } catch (error) {
        expect(error).toBeInstanceOf(PinConflictError);
        return (error as PinConflictError).pins;
      }
      throw new Error('no conflict');
    };
    expect(conflict({ forbidden, pinned: [[0, 1]] })).toEqual([[0, 1]]);
    expect(
      conflict({
        pinned: [
          [0, 2],
          [1, 2],
        ],
      }),
    ).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(
      conflict({
        pinned: [
          [2, 0],
          [2, 1],
        ],
      }),
    ).toEqual([
      [2, 0],
      [2, 1],
    ]);
    expect(
      conflict({
        capacity: [2, 2, 2],
        group: [0, 0, -1],
        quota: [1],
        pinned: [
          [0, 0],
          [1, 1],
        ],
      }),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('is cancelled when asked, and reports progress up to 1', () => {
    const rows = 300;
    const cols = 200;
    const rnd = prng(5);
    const scores = Float64Array.from({ length: rows * cols }, () => Math.floor(rnd() * 11));
    const x = {
      rows,
      cols,
      scores,
      capacity: new Array(cols).fill(2),
      group: new Array(cols).fill(0),
      quota: [250],
    };
    let asked = 0;
    expect(() => solve(x, { isCancelled: () => ++asked > 20 })).toThrow(SolveCancelledError);
    const seen: number[] = [];
    const result = solve(x, { onProgress: (f) => seen.push(f) });
    expect(result.placed).toBe(250);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => f >= 0 && f <= 1 && (k === 0 || f >= seen[k - 1]!))).toBe(true);
  });
});

describe('runInWorker', () => {
  it('gets the same result as solve, in a worker thread', async () => {
    const rows = 120;
    const cols = 90;
    const rnd = prng(9);
    const scores = Float64Array.from({ length: rows * cols }, () => Math.floor(rnd() * 11));
    const forbidden = Uint8Array.from(scores, () => (rnd() < 0.3 ? 1 : 0));
    const instance = {
      rows,
      cols,
      scores,
      forbidden,
      capacity: new Array(cols).fill(2),
      group: new Array(cols).fill(0),
      quota: [100],
    };
    const expected = solve(instance);
    const progress: number[] = [];
    const copy = { ...instance, scores: scores.slice(), forbidden: forbidden.slice() };
    const result = await runInWorker(copy, { onProgress: (f) => progress.push(f) });
    expect(result.placed).toBe(expected.placed);
    expect(result.total).toBe(expected.total);
    expect([...result.assignment]).toEqual([...expected.assignment]);
    expect(progress.at(-1)).toBe(1);

    const controller = new AbortController();
    const running = runInWorker(
      { ...instance, scores: scores.slice(), forbidden: forbidden.slice() },
      {
        signal: controller.signal,
      },
    );
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(SolveCancelledError);
  });
});

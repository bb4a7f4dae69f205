// biome-ignore-all lint/style/noNonNullAssertion: dense numeric loops index typed arrays inside the bounds they loop over
/**
 * The exact assignment of rows (cadres) to columns (posts) — ADR 023. Pure computation: no
 * database, no app context, safe on a worker thread (`solver.worker.ts`).
 *
 * Objective, lexicographic: the most rows placed, then the greatest total score. Forbidden
 * pairs are absent edges, never a penalty that could be chosen. Two exact methods:
 *
 * - `lapjv`: Jonker–Volgenant (column reduction, reduction transfer, two passes of augmenting
 *   row reduction, then shortest augmenting paths) on a dense square Float64Array. Used when no
 *   quota binds: each column becomes `capacity` slots, the matrix is padded square with zeros, and
 *   forbidden pairs cost more than any assignment without them; a result that uses one proves no
 *   perfect assignment exists, and the flow method below takes over.
 * - `minCostFlow`: successive shortest paths with potentials, source → row → column (capacity)
 *   → group (quota) → sink, Dijkstra over the dense row × column structure, started from all
 *   free rows at once, so it finds the most rows placed and, among those, the greatest total.
 */

export interface MatchInstance {
  rows: number;
  cols: number;
  /** row-major rows*cols, higher is better (finite numbers) */
  scores: Float64Array;
  /** row-major rows*cols, 1 = pair not allowed */
  forbidden?: Uint8Array;
  /** per column, default 1 (a post's headcount) */
  capacity?: ArrayLike<number>;
  /** per column: index into quota, or -1 (no quota) */
  group?: ArrayLike<number>;
  /** per group: the most rows that group's columns may take together */
  quota?: ArrayLike<number>;
  /** pairs that must be in the result */
  pinned?: ReadonlyArray<readonly [number, number]>;
}

export interface MatchResult {
  placed: number;
  total: number;
  /** per row: its column, or -1 */
  assignment: Int32Array;
}

export interface SolveOptions {
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
}

/** Pins that cannot all hold; `pins` names them. */
export class PinConflictError extends Error {
  readonly pins: Array<[number, number]>;
  /** forbidden pair, a row pinned to two columns, over the column capacity, over the group quota, outside the instance */
  readonly reason: string;
  constructor(pins: Array<[number, number]>, reason: string) {
    super(`pins cannot all hold (${reason}): ${pins.map(([i, j]) => `${i}→${j}`).join(', ')}`);
    this.name = 'PinConflictError';
    this.pins = pins;
    this.reason = reason;
  }
}

export class SolveCancelledError extends Error {
  constructor() {
    super('solve cancelled');
    this.name = 'SolveCancelledError';
  }
}

/** Largest padded square the dense method takes (cells); beyond it the flow method runs. */
const DENSE_CELLS = 64_000_000;

interface Control {
  check: () => void;
  progress: (fraction: number) => void;
}

function control(options: SolveOptions): Control {
  const { onProgress, isCancelled } = options;
  let last = -1;
  return {
    check: isCancelled
      ? () => {
          if (isCancelled()) throw new SolveCancelledError();
        }
      : () => {},
    progress: onProgress
      ? (fraction) => {
          // at most ~200 reports a run
          if (fraction >= 1 || fraction - last >= 0.005) {
            last = fraction;
            onProgress(Math.min(1, fraction));
          }
        }
      : () => {},
  };
}

function checkInstance(instance: MatchInstance): void {
  const { rows, cols, scores, forbidden } = instance;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError('rows and cols must be non-negative integers');
  }
  if (scores.length !== rows * cols) throw new RangeError('scores must have rows*cols entries');
  if (forbidden && forbidden.length !== rows * cols) {
    throw new RangeError('forbidden must have rows*cols entries');
  }
  for (let k = 0; k < scores.length; k++) {
    if (!Number.isFinite(scores[k]!)) throw new RangeError(`score ${k} is not a finite number`);
  }
}

interface Reduced {
  /** rows still to place (not pinned) */
  free: Int32Array;
  /** per column: room left after the pins (at most the free rows) */
  room: Int32Array;
  /** per column: its group whose quota can bind, or -1 */
  group: Int32Array;
  /** per group: quota left after the pins */
  quotaLeft: Int32Array;
  binding: boolean;
}

/** Checks the pins, places them, and returns what is left to solve. */
function placePins(instance: MatchInstance, assignment: Int32Array): Reduced {
  const { rows, cols, forbidden, capacity, group, quota } = instance;
  const groups = quota ? quota.length : 0;
  const capOf = (j: number) => (capacity ? Math.max(0, Math.floor(capacity[j] ?? 1)) : 1);
  const groupOf = (j: number) => {
    const g = group ? (group[j] ?? -1) : -1;
    return g >= 0 && g < groups ? g : -1;
  };
  const pins: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (const [i, j] of instance.pinned ?? []) {
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new PinConflictError([[i, j]], 'outside the instance');
    }
    if (seen.has(i * cols + j)) continue;
    seen.add(i * cols + j);
    pins.push([i, j]);
  }
  const bad = pins.filter(([i, j]) => forbidden?.[i * cols + j] === 1);
  if (bad.length > 0) throw new PinConflictError(bad, 'forbidden pair');
  const byRow = new Map<number, Array<[number, number]>>();
  const byCol = new Map<number, Array<[number, number]>>();
  const byGroup = new Map<number, Array<[number, number]>>();
  const add = (map: Map<number, Array<[number, number]>>, key: number, pin: [number, number]) => {
    const list = map.get(key);
    if (list) list.push(pin);
    else map.set(key, [pin]);
  };
  for (const pin of pins) {
    add(byRow, pin[0], pin);
    add(byCol, pin[1], pin);
    const g = groupOf(pin[1]);
    if (g >= 0) add(byGroup, g, pin);
  }
  for (const list of byRow.values()) {
    if (list.length > 1) throw new PinConflictError(list, 'a row pinned to two columns');
  }
  for (const [j, list] of byCol) {
    if (list.length > capOf(j)) throw new PinConflictError(list, 'over the column capacity');
  }
  for (const [g, list] of byGroup) {
    if (list.length > Math.max(0, Math.floor(quota?.[g] ?? 0))) {
      throw new PinConflictError(list, 'over the group quota');
    }
  }
  for (const [i, j] of pins) assignment[i] = j;
  const free = new Int32Array(rows - pins.length);
  for (let i = 0, f = 0; i < rows; i++) if (assignment[i]! < 0) free[f++] = i;
  const room = new Int32Array(cols);
  const groupArr = new Int32Array(cols);
  const quotaLeft = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    quotaLeft[g] = Math.max(0, Math.floor(quota?.[g] ?? 0)) - (byGroup.get(g)?.length ?? 0);
  }
  const roomInGroup = new Float64Array(groups);
  for (let j = 0; j < cols; j++) {
    room[j] = Math.min(capOf(j) - (byCol.get(j)?.length ?? 0), free.length);
    groupArr[j] = groupOf(j);
    if (groupArr[j]! >= 0) roomInGroup[groupArr[j]!]! += room[j]!;
  }
  let binding = false;
  for (let j = 0; j < cols; j++) {
    const g = groupArr[j]!;
    // a quota that all its columns together cannot exceed never binds
    if (g >= 0 && roomInGroup[g]! <= quotaLeft[g]!) groupArr[j] = -1;
    else if (g >= 0) binding = true;
  }
  return { free, room, group: groupArr, quotaLeft, binding };
}

export function solve(instance: MatchInstance, options: SolveOptions = {}): MatchResult {
  checkInstance(instance);
  const { rows, cols, scores } = instance;
  const ctl = control(options);
  const assignment = new Int32Array(rows).fill(-1);
  const reduced = placePins(instance, assignment);
  ctl.check();
  const { free, room } = reduced;
  let slots = 0;
  for (let j = 0; j < cols; j++) slots += room[j]!;
  const n = Math.max(free.length, slots);
  if (free.length > 0 && slots > 0) {
    // Jonker–Volgenant where the slots make a square: padding a rectangle with dummy rows or
    // columns of equal cost gives its reductions ties it handles badly (measured: 3,000 × 2,000
    // slots 8–19 s there, against ~0.4–3 s for the flow method)
    const solved =
      !reduced.binding &&
      free.length === slots &&
      n * n <= DENSE_CELLS &&
      denseAssign(instance, reduced, slots, assignment, ctl);
    if (!solved) minCostFlow(instance, reduced, assignment, ctl);
  }
  ctl.progress(1);
  let placed = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = assignment[i]!;
    if (j >= 0) {
      placed++;
      total += scores[i * cols + j]!;
    }
  }
  return { placed, total, assignment };
}

/**
 * No quota binds: slots (a column per unit of room) padded square, then `lapjv`. Returns false
 * (assignment untouched) when the optimum needs a forbidden pair, i.e. the side that is not
 * padded cannot be covered — then the flow method decides which rows stay unplaced.
 */
function denseAssign(
  instance: MatchInstance,
  reduced: Reduced,
  slots: number,
  assignment: Int32Array,
  ctl: Control,
): boolean {
  const { cols, scores, forbidden } = instance;
  const { free, room } = reduced;
  const r = free.length;
  const n = Math.max(r, slots);
  const slotCol = new Int32Array(slots);
  for (let j = 0, s = 0; j < cols; j++) for (let k = 0; k < room[j]!; k++) slotCol[s++] = j;
  let hi = Number.NEGATIVE_INFINITY;
  let lo = Number.POSITIVE_INFINITY;
  for (let f = 0; f < r; f++) {
    const base = free[f]! * cols;
    for (let j = 0; j < cols; j++) {
      const s = scores[base + j]!;
      if (s > hi) hi = s;
      if (s < lo) lo = s;
    }
  }
  // costs hi - score ∈ [0, range]; a forbidden pair costs more than any n pairs without one
  const range = hi - lo;
  const big = (range + 1) * (n + 1) * 4;
  const cost = new Float64Array(n * n);
  let identity = slots === cols;
  for (let j = 0; identity && j < cols; j++) identity = room[j]! === 1;
  for (let f = 0; f < r; f++) {
    const base = free[f]! * cols;
    const out = f * n;
    if (identity && !forbidden) {
      for (let j = 0; j < cols; j++) cost[out + j] = hi - scores[base + j]!;
    } else {
      for (let s = 0; s < slots; s++) {
        const j = slotCol[s]!;
        cost[out + s] = forbidden?.[base + j] === 1 ? big : hi - scores[base + j]!;
      }
    }
    if ((f & 255) === 0) ctl.check();
  }
  const rowsol = lapjv(n, cost, ctl);
  // the real side that is not padded must be covered by allowed pairs only
  const result = new Int32Array(r).fill(-1);
  let covered = 0;
  for (let f = 0; f < r; f++) {
    const s = rowsol[f]!;
    if (s < slots) {
      if (cost[f * n + s]! >= big) return false;
      result[f] = slotCol[s]!;
      covered++;
    }
  }
  if (covered < Math.min(r, slots)) return false;
  for (let f = 0; f < r; f++) assignment[free[f]!] = result[f]!;
  return true;
}

/**
 * Jonker & Volgenant (1987), "A shortest augmenting path algorithm for dense and sparse linear
 * assignment problems": minimum-cost perfect assignment of an n × n row-major matrix. Returns
 * the column of each row.
 */
function lapjv(n: number, cost: Float64Array, ctl: Control = control({})): Int32Array {
  const rowsol = new Int32Array(n).fill(-1);
  const colsol = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  const matches = new Int32Array(n);
  const free = new Int32Array(n);
  if (n === 0) return rowsol;

  // column reduction, scanned row by row (the matrix is row-major)
  const colMinRow = new Int32Array(n);
  v.set(cost.subarray(0, n));
  for (let i = 1; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = cost[base + j]!;
      if (c < v[j]!) {
        v[j] = c;
        colMinRow[j] = i;
      }
    }
    if ((i & 255) === 0) ctl.check();
  }
  for (let j = n - 1; j >= 0; j--) {
    const imin = colMinRow[j]!;
    if (++matches[imin]! === 1) {
      rowsol[imin] = j;
      colsol[j] = imin;
    } else if (v[j]! < v[rowsol[imin]!]!) {
      const j1 = rowsol[imin]!;
      rowsol[imin] = j;
      colsol[j] = imin;
      colsol[j1] = -1;
    } else colsol[j] = -1;
  }

  // reduction transfer
  let numfree = 0;
  for (let i = 0; i < n; i++) {
    if (matches[i]! === 0) free[numfree++] = i;
    else if (matches[i]! === 1) {
      const j1 = rowsol[i]!;
      const base = i * n;
      let min = Number.POSITIVE_INFINITY;
      for (let j = 0; j < n; j++) {
        if (j !== j1) {
          const h = cost[base + j]! - v[j]!;
          if (h < min) min = h;
        }
      }
      if (min < Number.POSITIVE_INFINITY) v[j1]! -= min;
    }
  }
  ctl.check();

  // augmenting row reduction, two passes (bounded: ties in floating point may cycle long)
  for (let pass = 0; pass < 2 && numfree > 0; pass++) {
    let k = 0;
    const prvnumfree = numfree;
    numfree = 0;
    let steps = 0;
    const stepLimit = 8 * n + 64;
    while (k < prvnumfree) {
      const i = free[k++]!;
      if (++steps > stepLimit) {
        free[numfree++] = i;
        continue;
      }
      const base = i * n;
      let umin = cost[base]! - v[0]!;
      let j1 = 0;
      let j2 = -1;
      let usubmin = Number.POSITIVE_INFINITY;
      for (let j = 1; j < n; j++) {
        const h = cost[base + j]! - v[j]!;
        if (h < usubmin) {
          if (h >= umin) {
            usubmin = h;
            j2 = j;
          } else {
            usubmin = umin;
            umin = h;
            j2 = j1;
            j1 = j;
          }
        }
      }
      let i0 = colsol[j1]!;
      if (umin < usubmin) v[j1]! -= usubmin - umin;
      else if (i0 > -1 && j2 >= 0) {
        j1 = j2;
        i0 = colsol[j2]!;
      }
      rowsol[i] = j1;
      colsol[j1] = i;
      if (i0 > -1) {
        rowsol[i0] = -1;
        if (umin < usubmin) free[--k] = i0;
        else free[numfree++] = i0;
      }
      if ((steps & 255) === 0) ctl.check();
    }
  }

  // augmentation: a shortest path from each free row (Dijkstra on reduced costs)
  const d = new Float64Array(n);
  const pred = new Int32Array(n);
  const collist = new Int32Array(n);
  const total = numfree;
  for (let f = 0; f < total; f++) {
    ctl.check();
    ctl.progress((n - total + f) / n);
    const freerow = free[f]!;
    const fbase = freerow * n;
    for (let j = 0; j < n; j++) {
      d[j] = cost[fbase + j]! - v[j]!;
      pred[j] = freerow;
      collist[j] = j;
    }
    let low = 0;
    let up = 0;
    let last = 0;
    let min = 0;
    let endofpath = -1;
    while (endofpath < 0) {
      if (up === low) {
        // the next set of columns at the least distance
        last = low - 1;
        min = d[collist[up++]!]!;
        for (let k = up; k < n; k++) {
          const j = collist[k]!;
          const h = d[j]!;
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            collist[k] = collist[up]!;
            collist[up++] = j;
          }
        }
        for (let k = low; k < up; k++) {
          if (colsol[collist[k]!]! < 0) {
            endofpath = collist[k]!;
            break;
          }
        }
      }
      if (endofpath < 0) {
        // scan a column of the least-distance set: relax from the row assigned to it
        const j1 = collist[low++]!;
        const i = colsol[j1]!;
        const base = i * n;
        const h = cost[base + j1]! - v[j1]! - min;
        for (let k = up; k < n; k++) {
          const j = collist[k]!;
          const v2 = cost[base + j]! - v[j]! - h;
          if (v2 < d[j]!) {
            pred[j] = i;
            if (v2 === min) {
              if (colsol[j]! < 0) {
                endofpath = j;
                break;
              }
              collist[k] = collist[up]!;
              collist[up++] = j;
            }
            d[j] = v2;
          }
        }
      }
    }
    // prices of the columns scanned
    for (let k = 0; k <= last; k++) {
      const j1 = collist[k]!;
      v[j1]! += d[j1]! - min;
    }
    // flip the alternating path
    let i: number;
    do {
      i = pred[endofpath]!;
      colsol[endofpath] = i;
      const j1 = endofpath;
      endofpath = rowsol[i]!;
      rowsol[i] = j1;
    } while (i !== freerow);
  }
  return rowsol;
}

/**
 * Successive shortest paths on source → free row → column → (group →) sink. Costs are
 * `hi − score` ≥ 0, so zero potentials start valid; every unit of flow crosses one row→column
 * edge, so the shift changes no comparison between flows of the same value. Each round runs one
 * Dijkstra from the source (all free rows at once: a column's distance through a free row is
 * the least cost of a free row in it, kept per column as a short candidate list over the
 * transposed matrix), augments one unit along the shortest path and updates the potentials.
 * When no path is left the flow is maximum and, by the potentials, cheapest among maximum flows.
 * Matched rows carry no potential of their own: it is their column's minus their cost, which
 * keeps matched edges tight by construction.
 */
function minCostFlow(instance: MatchInstance, reduced: Reduced, assignment: Int32Array, ctl: Control): void {
  const { cols: m, scores, forbidden } = instance;
  const { free, room, group, quotaLeft } = reduced;
  const groups = quotaLeft.length;
  const INF = Number.POSITIVE_INFINITY;

  let hi = Number.NEGATIVE_INFINITY;
  for (let f = 0; f < free.length; f++) {
    const base = free[f]! * m;
    for (let j = 0; j < m; j++) if (scores[base + j]! > hi) hi = scores[base + j]!;
  }
  // row-major costs of the rows to place (local row index), forbidden = +∞ (never relaxed)
  const r = free.length;
  const cost = new Float64Array(r * m);
  for (let f = 0; f < r; f++) {
    const base = free[f]! * m;
    const out = f * m;
    if (forbidden) {
      for (let j = 0; j < m; j++) cost[out + j] = forbidden[base + j]! === 1 ? INF : hi - scores[base + j]!;
    } else {
      for (let j = 0; j < m; j++) cost[out + j] = hi - scores[base + j]!;
    }
  }
  ctl.check();
  // transposed copy for the per-column least free row
  const costT = new Float64Array(r * m);
  for (let f = 0; f < r; f++) {
    const out = f * m;
    for (let j = 0; j < m; j++) costT[j * r + f] = cost[out + j]!;
  }
  ctl.check();

  // column slots: the rows placed in each column
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + room[j]!;
  const slotRow = new Int32Array(slotStart[m]!);
  const load = new Int32Array(m);
  const gload = new Int32Array(groups);
  const rowCol = new Int32Array(r).fill(-1);
  const groupCols: number[][] = Array.from({ length: groups }, () => []);
  for (let j = 0; j < m; j++) if (group[j]! >= 0) groupCols[group[j]!]!.push(j);

  // candidates: per column the K cheapest free rows, refilled when used up
  const K = 8;
  const candRow = new Int32Array(m * K);
  const candLen = new Int32Array(m);
  const candPos = new Int32Array(m);
  const refill = (j: number): void => {
    const base = j * r;
    const off = j * K;
    let len = 0;
    for (let f = 0; f < r; f++) {
      if (rowCol[f]! >= 0) continue;
      const c = costT[base + f]!;
      if (c === INF) continue;
      if (len < K || c < costT[base + candRow[off + len - 1]!]!) {
        let p = len < K ? len++ : K - 1;
        while (p > 0 && costT[base + candRow[off + p - 1]!]! > c) {
          candRow[off + p] = candRow[off + p - 1]!;
          p--;
        }
        candRow[off + p] = f;
      }
    }
    candLen[j] = len;
    candPos[j] = 0;
  };
  for (let j = 0; j < m; j++) if (room[j]! > 0) refill(j);
  /** the cheapest free row of column j, or -1 */
  const leastFree = (j: number): number => {
    for (;;) {
      const off = j * K;
      while (candPos[j]! < candLen[j]! && rowCol[candRow[off + candPos[j]!]!]! >= 0) candPos[j]!++;
      if (candPos[j]! < candLen[j]!) return candRow[off + candPos[j]!]!;
      if (candLen[j]! < K) return -1; // the last scan found every free row of the column
      refill(j);
      if (candLen[j]! === 0) return -1;
    }
  };

  const pc = new Float64Array(m); // column potentials
  const pg = new Float64Array(groups); // group potentials
  let ps = 0; // source potential (sink's stays 0)
  const dc = new Float64Array(m);
  const dg = new Float64Array(groups);
  const predCol = new Int32Array(m); // ≥ 0: the row that enters; ≤ −2: −(group+2)
  const predGroup = new Int32Array(groups); // the column that enters the group
  const settledCols = new Int32Array(m);
  const doneCol = new Uint8Array(m);
  const doneGroup = new Uint8Array(groups);
  const settledGroups = new Int32Array(Math.max(groups, 1));
  const remaining = new Int32Array(m);
  let bound = 0;
  for (let j = 0; j < m; j++) bound += room[j]!;
  bound = Math.min(bound, r);
  let placedFlow = 0;

  for (;;) {
    ctl.check();
    ctl.progress(bound > 0 ? placedFlow / bound : 1);
    // start: every column at the least cost of a free row in it
    let nrem = 0;
    for (let j = 0; j < m; j++) {
      doneCol[j] = 0;
      const f = leastFree(j);
      if (f >= 0) {
        dc[j] = cost[f * m + j]! + ps - pc[j]!;
        predCol[j] = f;
      } else dc[j] = INF;
      remaining[nrem++] = j;
    }
    for (let g = 0; g < groups; g++) {
      dg[g] = INF;
      doneGroup[g] = 0;
    }
    let dt = INF;
    let predT = -1; // ≥ 0: a column; ≤ −2: −(group+2)
    let nsc = 0;
    let nsg = 0;
    for (;;) {
      // the least unsettled node: a column, a group or the sink
      // (on ties the node nearer the sink: a group, then a column with room)
      let best = INF;
      let bestIdx = -1;
      let bestOpen = false;
      for (let k = 0; k < nrem; k++) {
        const c = remaining[k]!;
        const x = dc[c]!;
        if (x < best) {
          best = x;
          bestIdx = k;
          bestOpen = load[c]! < room[c]!;
        } else if (x === best && !bestOpen && x < INF && load[c]! < room[c]!) {
          bestIdx = k;
          bestOpen = true;
        }
      }
      let bestGroup = -1;
      for (let g = 0; g < groups; g++) {
        if (doneGroup[g]! === 0 && dg[g]! <= best && dg[g]! < INF) {
          best = dg[g]!;
          bestGroup = g;
        }
      }
      if (dt <= best) break; // sink settled (or nothing reachable: dt = best = ∞)
      if (bestGroup >= 0) {
        const g = bestGroup;
        doneGroup[g] = 1;
        settledGroups[nsg++] = g;
        const D = dg[g]!;
        if (gload[g]! < quotaLeft[g]!) {
          const nd = D + pg[g]!;
          if (nd < dt) {
            dt = nd;
            predT = -(g + 2);
          }
        }
        // back through the group: a column of it gives up one of its rows
        const list = groupCols[g]!;
        for (let q = 0; q < list.length; q++) {
          const k = list[q]!;
          if (doneCol[k]! === 0 && load[k]! > 0) {
            const nd = D + pg[g]! - pc[k]!;
            if (nd < dc[k]!) {
              dc[k] = nd;
              predCol[k] = -(g + 2);
            }
          }
        }
        continue;
      }
      const j = remaining[bestIdx]!;
      remaining[bestIdx] = remaining[--nrem]!;
      doneCol[j] = 1;
      settledCols[nsc++] = j;
      const D = dc[j]!;
      if (load[j]! < room[j]!) {
        const g = group[j]!;
        if (g < 0) {
          const nd = D + pc[j]!;
          if (nd < dt) {
            dt = nd;
            predT = j;
          }
        } else if (doneGroup[g]! === 0) {
          const nd = D + pc[j]! - pg[g]!;
          if (nd < dg[g]!) {
            dg[g] = nd;
            predGroup[g] = j;
          }
        }
      }
      // the rows in column j may move to any other column
      for (let s = slotStart[j]!, e = slotStart[j]! + load[j]!; s < e; s++) {
        const f = slotRow[s]!;
        const base = f * m;
        const h = D + pc[j]! - cost[base + j]!;
        for (let k = 0; k < nrem; k++) {
          const c = remaining[k]!;
          const nd = h + cost[base + c]! - pc[c]!;
          if (nd < dc[c]!) {
            dc[c] = nd;
            predCol[c] = f;
          }
        }
      }
    }
    if (dt === INF) break;

    // potentials: settled nodes move by their distance short of the sink's
    for (let q = 0; q < nsc; q++) {
      const j = settledCols[q]!;
      pc[j]! += dc[j]! - dt;
    }
    for (let q = 0; q < nsg; q++) {
      const g = settledGroups[q]!;
      pg[g]! += dg[g]! - dt;
    }
    ps -= dt;

    // augment along the path, from the sink back to a free row
    let j = predT >= 0 ? predT : predGroup[-predT - 2]!;
    for (;;) {
      const p = predCol[j]!;
      if (p <= -2) {
        j = predGroup[-p - 2]!;
        continue;
      }
      const f = p;
      const old = rowCol[f]!;
      // f enters j
      slotRow[slotStart[j]! + load[j]!++] = f;
      if (group[j]! >= 0) gload[group[j]!]!++;
      rowCol[f] = j;
      if (old < 0) break;
      // f leaves old
      const s0 = slotStart[old]!;
      const e0 = s0 + load[old]!;
      for (let s = s0; s < e0; s++) {
        if (slotRow[s]! === f) {
          slotRow[s] = slotRow[e0 - 1]!;
          break;
        }
      }
      load[old]!--;
      if (group[old]! >= 0) gload[group[old]!]!--;
      j = old;
    }
    placedFlow++;
  }
  for (let f = 0; f < r; f++) if (rowCol[f]! >= 0) assignment[free[f]!] = rowCol[f]!;
}

// biome-ignore-all lint/style/noNonNullAssertion: dense numeric loops index typed arrays inside the bounds they loop over
// `npm run bench:matching`: the exact matching solver (server/matching/solver/, ADR 023) on dense
// random instances, against scipy.optimize.linear_sum_assignment on the same matrices when
// Python with SciPy is present. `npm run bench:matching -- --input m.json` solves one instance
// from a file (issue 12's format) and prints one JSON line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type MatchInstance, solve } from '../server/matching/solver/solver.js';
import { seededRandom as prng } from '../server/matching/solver/solver.random.js';

interface FileInstance {
  scores: number[][];
  forbidden?: Array<[number, number]>;
  capacity?: number[];
  group?: Array<string | number | null>;
  quota?: Record<string, number>;
  pinned?: Array<[number, number]>;
}

/** Issue 12's file format → the solver's instance (group names map to quota indices). */
function fromFile(file: FileInstance): MatchInstance {
  const rows = file.scores.length;
  const cols = rows > 0 ? file.scores[0]!.length : (file.capacity?.length ?? 0);
  const scores = new Float64Array(rows * cols);
  file.scores.forEach((row, i) => {
    if (row.length !== cols) throw new Error(`row ${i} has ${row.length} scores, not ${cols}`);
    scores.set(row, i * cols);
  });
  const instance: MatchInstance = { rows, cols, scores };
  if (file.forbidden?.length) {
    const forbidden = new Uint8Array(rows * cols);
    for (const [i, j] of file.forbidden) forbidden[i * cols + j] = 1;
    instance.forbidden = forbidden;
  }
  if (file.capacity) instance.capacity = file.capacity;
  if (file.group && file.quota) {
    const names = Object.keys(file.quota);
    instance.quota = names.map((name) => file.quota?.[name] ?? 0);
    instance.group = file.group.map((g) => (g === null || g === undefined ? -1 : names.indexOf(String(g))));
  }
  if (file.pinned) instance.pinned = file.pinned;
  return instance;
}

interface Case {
  name: string;
  instance: MatchInstance;
  /** dense matrix for SciPy (−∞ = forbidden); none when SciPy cannot express the constraints */
  dense: boolean;
}

function uniform(n: number, seed: number): MatchInstance {
  const rnd = prng(seed);
  const scores = new Float64Array(n * n);
  for (let k = 0; k < scores.length; k++) scores[k] = rnd();
  return { rows: n, cols: n, scores };
}

function forbiddenTies(n: number, seed: number): MatchInstance {
  const rnd = prng(seed);
  const scores = new Float64Array(n * n);
  const forbidden = new Uint8Array(n * n);
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.floor(rnd() * 11);
    forbidden[k] = rnd() < 0.3 ? 1 : 0;
  }
  return { rows: n, cols: n, scores, forbidden };
}

/** 3,000 cadres, 1,000 posts of headcount 1–3 in 30 regions, each region's quota ~70 % of its posts' room. */
function quotas(seed: number): MatchInstance {
  const rnd = prng(seed);
  const rows = 3000;
  const cols = 1000;
  const regions = 30;
  const scores = new Float64Array(rows * cols);
  for (let k = 0; k < scores.length; k++) scores[k] = Math.floor(rnd() * 101);
  const forbidden = new Uint8Array(rows * cols);
  for (let k = 0; k < forbidden.length; k++) forbidden[k] = rnd() < 0.1 ? 1 : 0;
  const capacity = Array.from({ length: cols }, () => 1 + Math.floor(rnd() * 3));
  const group = Array.from({ length: cols }, () => Math.floor(rnd() * regions));
  const room: number[] = new Array(regions).fill(0);
  for (let j = 0; j < cols; j++) room[group[j]!]! += capacity[j]!;
  const quota = room.map((r) => Math.floor(r * 0.7));
  return { rows, cols, scores, forbidden, capacity, group, quota };
}

function scipyStatus(): { ok: true } | { ok: false; missing: string } {
  const probe = () =>
    spawnSync('python3', ['-c', 'import numpy, scipy.optimize'], { stdio: 'ignore' }).status === 0;
  if (probe()) return { ok: true };
  const python = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
  if (process.getuid?.() === 0) {
    console.log('SciPy missing: apt-get install -y python3-scipy …');
    spawnSync('apt-get', ['install', '-y', 'python3-scipy'], { stdio: 'inherit' });
    if (probe()) return { ok: true };
  }
  return {
    ok: false,
    missing: python
      ? 'python3 is present but cannot import numpy and scipy.optimize (Debian: python3-scipy, run as root)'
      : 'python3 is not installed (Debian: python3 python3-scipy, run as root)',
  };
}

const SCIPY = `
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
path, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
a = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
t0 = time.perf_counter()
r, c = linear_sum_assignment(a, maximize=True)
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": ms, "placed": int(len(r)), "total": float(a[r, c].sum())}))
`;

function runScipy(dir: string, instance: MatchInstance): { ms: number; placed: number; total: number } {
  const { rows, cols, scores, forbidden } = instance;
  const matrix = new Float64Array(scores);
  if (forbidden)
    for (let k = 0; k < matrix.length; k++) if (forbidden[k]! === 1) matrix[k] = Number.NEGATIVE_INFINITY;
  const file = path.join(dir, 'matrix.f64');
  writeFileSync(file, new Uint8Array(matrix.buffer));
  const out = execFileSync('python3', ['-c', SCIPY, file, String(rows), String(cols)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  rmSync(file);
  return JSON.parse(out.trim());
}

function fixed(x: number, digits = 0): string {
  return x.toFixed(digits).padStart(10);
}

function main(): void {
  const args = process.argv.slice(2);
  const input = args.indexOf('--input');
  if (input >= 0) {
    const file = args[input + 1]!;
    if (!file) throw new Error('--input needs a file');
    const instance = fromFile(JSON.parse(readFileSync(file, 'utf8')) as FileInstance);
    const t0 = performance.now();
    const result = solve(instance);
    const ms = performance.now() - t0;
    console.log(
      JSON.stringify({ placed: result.placed, total: result.total, assignment: [...result.assignment], ms }),
    );
    return;
  }

  // warm-up: compile the hot loops once
  solve(uniform(200, 1));
  solve({ ...quotas(2), rows: 300, scores: quotas(2).scores.subarray(0, 300 * 1000), forbidden: undefined });

  const cases: Array<() => Case> = [
    () => ({ name: 'dense 1000×1000 uniform', instance: uniform(1000, 11), dense: true }),
    () => ({ name: 'dense 3000×3000 uniform', instance: uniform(3000, 12), dense: true }),
    () => ({ name: 'dense 5000×5000 uniform', instance: uniform(5000, 13), dense: true }),
    () => ({
      name: '3000×3000, 30 % forbidden, scores 0–10',
      instance: forbiddenTies(3000, 14),
      dense: true,
    }),
    () => ({ name: '3000×1000, headcount 1–3, 30 region quotas', instance: quotas(15), dense: false }),
  ];
  const scipy = scipyStatus();
  if (!scipy.ok) console.log(`SciPy not run: ${scipy.missing}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guazhi-bench-matching-'));
  console.log(
    `${'instance'.padEnd(44)} ${'ours ms'.padStart(10)} ${'placed'.padStart(7)} ${'total'.padStart(16)}` +
      (scipy.ok ? ` ${'SciPy ms'.padStart(10)} ${'SciPy total'.padStart(16)} same ratio` : ''),
  );
  try {
    for (const make of cases) {
      const { name, instance, dense } = make();
      const t0 = performance.now();
      const result = solve(instance);
      const ms = performance.now() - t0;
      let line = `${name.padEnd(44)} ${fixed(ms)} ${String(result.placed).padStart(7)} ${result.total.toFixed(6).padStart(16)}`;
      if (scipy.ok && dense) {
        const reference = runScipy(dir, instance);
        const same =
          reference.placed === result.placed &&
          Math.abs(reference.total - result.total) <= 1e-9 * Math.max(1, Math.abs(reference.total));
        line += ` ${fixed(reference.ms)} ${reference.total.toFixed(6).padStart(16)} ${same ? 'yes ' : 'NO  '} ${(ms / reference.ms).toFixed(2)}`;
      } else if (scipy.ok) line += `          —  (quotas: not expressible in SciPy's assignment)`;
      console.log(line);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

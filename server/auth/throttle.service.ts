import { t } from '../../common/i18n/index.js';
import { HOUR, MINUTE } from '../core/clock.js';
import type { Executor } from '../core/database.js';
import { AppError } from '../core/errors.js';
import * as repo from './auth.repository.js';
import type { LoginAttemptRow } from './auth.table.js';

/**
 * Failed sign-ins slow down instead of locking (ADR 018). Two counters, in the database so that
 * every app instance shares them: per *pair* (username and source address) and per *source*.
 * After a few free failures each further attempt must wait 1 s, 2 s, 4 s … up to 15 minutes;
 * an attempt inside the wait is answered 429 without looking at the password. The pair counter
 * is what stops guessing one account's password, and it cannot touch the same account from
 * another address; the source counter stops one address trying many accounts, and a password
 * given with a valid second factor passes it (auth.service `login`).
 */
export type CounterKind = 'pair' | 'source';
export interface Counter {
  kind: CounterKind;
  key: string;
}

/** Failures allowed without any wait. */
export const FREE_FAILURES: Readonly<Record<CounterKind, number>> = { pair: 5, source: 20 };
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * MINUTE;
/** A counter whose last failure is this old starts again from zero. */
export const FORGET_AFTER_MS = 24 * HOUR;
/** Failures in a row on one account, from any source, before it is locked outright. */
export const HARD_LOCK_AFTER_FAILURES = 100;
export const HARD_LOCK_MS = HOUR;

export const pairOf = (username: string, source: string): Counter => ({
  kind: 'pair',
  key: JSON.stringify([username, source]),
});
export const sourceOf = (source: string): Counter => ({ kind: 'source', key: source });

/** The wait imposed after `failures` failures: none while they are free, then doubling to the cap. */
export function delayAfter(kind: CounterKind, failures: number): number {
  const over = failures - FREE_FAILURES[kind];
  if (over < 0) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(over, 30), MAX_DELAY_MS);
}

const live = (row: LoginAttemptRow | undefined, now: number) =>
  row && Date.parse(row.lastFailureAt) + FORGET_AFTER_MS > now ? row : undefined;

/** How long an attempt must still wait on this counter (0: it may go on). */
export async function waitOf(db: Executor, counter: Counter, now: Date): Promise<number> {
  const row = live(await repo.findAttempt(db, counter.kind, counter.key), now.getTime());
  return row ? Math.max(0, Date.parse(row.nextAllowedAt) - now.getTime()) : 0;
}

export interface Turn {
  /** > 0: refused, wait this long (nothing was counted). */
  wait: number;
  /** The failures counted before this attempt. */
  before: number;
}

/**
 * Counts one failure. With `respectWait`, an attempt inside the wait is refused instead, and the
 * failure is counted *before* the password is checked (the caller forgets or gives it back on
 * success): so a burst of parallel requests, on any instance, gets exactly one turn per wait.
 */
export async function count(db: Executor, counter: Counter, now: Date, respectWait: boolean): Promise<Turn> {
  const nowMs = now.getTime();
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await repo.findAttempt(db, counter.kind, counter.key);
    const current = live(row, nowMs);
    const before = current?.failures ?? 0;
    if (respectWait && current) {
      const wait = Date.parse(current.nextAllowedAt) - nowMs;
      if (wait > 0) return { wait, before };
    }
    const failures = before + 1;
    const next = {
      failures,
      lastFailureAt: now.toISOString(),
      nextAllowedAt: new Date(nowMs + delayAfter(counter.kind, failures)).toISOString(),
    };
    const done = row
      ? await repo.replaceAttempt(db, row, next)
      : await repo.insertAttempt(db, { kind: counter.kind, key: counter.key, ...next });
    if (done) return { wait: 0, before };
    // another request moved the counter between our read and write: that one had this turn
    if (respectWait) return { wait: FIRST_DELAY_MS, before };
  }
  return { wait: 0, before: 0 };
}

/** The attempt counted in advance succeeded but the sign-in is not complete yet: undo its count. */
export async function giveBack(db: Executor, counter: Counter, turn: Turn, now: Date): Promise<void> {
  if (turn.before === 0) return forget(db, counter);
  const row = await repo.findAttempt(db, counter.kind, counter.key);
  if (row)
    await repo.replaceAttempt(db, row, {
      failures: turn.before,
      lastFailureAt: row.lastFailureAt,
      nextAllowedAt: now.toISOString(),
    });
}

export async function forget(db: Executor, counter: Counter): Promise<void> {
  await repo.deleteAttempt(db, counter.kind, counter.key);
}

/** Counters nobody has failed on for a day mean nothing any more. */
export async function forgetStale(db: Executor, now: Date): Promise<void> {
  await repo.deleteStaleAttempts(db, new Date(now.getTime() - FORGET_AFTER_MS).toISOString());
}

/** 429 with the wait in Chinese and as `Retry-After`. */
export function throttled(kind: CounterKind, wait: number): AppError {
  const seconds = Math.max(1, Math.ceil(wait / 1000));
  const text =
    seconds < 60
      ? t('login.wait.seconds', { n: seconds })
      : t('login.wait.minutes', { n: Math.ceil(seconds / 60) });
  return new AppError('RATE_LIMITED', {
    messageKey: kind === 'pair' ? 'login.throttled' : 'login.sourceThrottled',
    params: { wait: text },
    retryAfterSeconds: seconds,
  });
}

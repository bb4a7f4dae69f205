import type { AppContext } from '../core/context.js';

/**
 * Failed logins per client IP in a sliding minute (per app instance): more than
 * LOGIN_FAILURES_PER_MINUTE and further attempts get 429 until the window slides.
 */
export const LOGIN_FAILURES_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

export class SlidingWindow {
  readonly #hits = new Map<string, number[]>();
  constructor(
    private readonly ctx: Pick<AppContext, 'clock'>,
    private readonly limit: number,
  ) {}

  #recent(key: string): number[] {
    const since = this.ctx.clock.now().getTime() - WINDOW_MS;
    const hits = (this.#hits.get(key) ?? []).filter((t) => t > since);
    if (hits.length === 0) this.#hits.delete(key);
    else this.#hits.set(key, hits);
    return hits;
  }

  isLimited(key: string): boolean {
    return this.#recent(key).length >= this.limit;
  }

  add(key: string): void {
    const hits = this.#recent(key);
    hits.push(this.ctx.clock.now().getTime());
    this.#hits.set(key, hits);
    if (this.#hits.size > 10_000) this.#hits.delete(this.#hits.keys().next().value as string);
  }
}

const windows = new WeakMap<object, SlidingWindow>();

export function loginFailures(ctx: AppContext): SlidingWindow {
  let w = windows.get(ctx);
  if (!w) {
    w = new SlidingWindow(ctx, LOGIN_FAILURES_PER_MINUTE);
    windows.set(ctx, w);
  }
  return w;
}

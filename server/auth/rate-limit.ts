import type { AppContext } from '../core/context.js';

/**
 * Hits per key in a sliding minute, in this app instance's memory (exports use it). Sign-in
 * failures are counted in the database instead, shared by every instance: throttle.service.ts.
 */
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

import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../core/context.js';
import { advanceMeta, setMetaIfMissing } from '../core/meta.repository.js';
import { notifyRole } from './notifications.service.js';

/**
 * Bursts of refused requests (issue 10 line 8, ADR 020): every answer 401 or 403 (denied) and
 * 429 (too many requests) is counted per instance in fixed windows of `BURST_WINDOW_MS`; when a
 * kind reaches the threshold (`GUAZHI_ALERT_THRESHOLD`) in a window, every security
 * administrator is notified — once per window and kind across all instances (a conditional
 * update of meta `alerts.<kind>`: the first instance to get there). Counting stays in memory:
 * no database write per refused request, which is what a flood would otherwise cost.
 * Lockouts are notified where they happen (server/auth/).
 */
export const BURST_WINDOW_MS = 5 * 60_000;

export type BurstKind = 'denied' | 'tooMany';
const NOTIFICATION = { denied: 'security.denialBurst', tooMany: 'security.rateLimitBurst' } as const;

/** The kind a response counts as, or null. The web app's session probe (401 when signed out) is not a denial. */
export function burstKindOf(status: number, method: string, url: string): BurstKind | null {
  if (status === 429) return 'tooMany';
  if (status === 403) return 'denied';
  if (status === 401) return method === 'GET' && url.split('?')[0] === '/api/auth/me' ? null : 'denied';
  return null;
}

export class BurstWatch {
  private window = -1;
  private readonly counts: Record<BurstKind, number> = { denied: 0, tooMany: 0 };

  constructor(
    private readonly ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
    private readonly log?: FastifyBaseLogger,
  ) {}

  /** Counts one response; returns the notification's promise when this one crossed the threshold. */
  count(kind: BurstKind): Promise<void> | null {
    const window = Math.floor(this.ctx.clock.now().getTime() / BURST_WINDOW_MS);
    if (window !== this.window) {
      this.window = window;
      this.counts.denied = 0;
      this.counts.tooMany = 0;
    }
    this.counts[kind] += 1;
    if (this.counts[kind] !== this.ctx.config.alertThreshold) return null;
    return this.notify(kind, window).catch((error) => {
      this.log?.error({ err: error }, 'could not notify the security administrators of a burst');
    });
  }

  private async notify(kind: BurstKind, window: number): Promise<void> {
    const key = `alerts.${kind}`;
    // window numbers as fixed-width text, so that text order is time order
    const claim = String(window).padStart(12, '0');
    await setMetaIfMissing(this.ctx.db, key, '');
    if (!(await advanceMeta(this.ctx.db, key, claim))) return;
    const since = new Date(window * BURST_WINDOW_MS);
    await notifyRole(this.ctx, 'security_admin', NOTIFICATION[kind], {
      count: this.ctx.config.alertThreshold,
      minutes: BURST_WINDOW_MS / 60_000,
      since: since.toISOString().slice(0, 16).replace('T', ' '),
    });
  }
}

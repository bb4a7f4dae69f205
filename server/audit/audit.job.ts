import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../core/context.js';
import { lookEveryHour, runOncePerDay } from '../core/run-once.js';
import { notifyRole } from '../notifications/notifications.service.js';
import { sealAnchor, type VerifyResult, verifyChain } from './audit.service.js';

/**
 * The daily check of the audit chain (ADR 013). `serve` looks every hour; one instance a day
 * (`runOncePerDay`: a PostgreSQL advisory lock and meta `audit.verifiedOn`, ADR 020) verifies
 * the whole chain and, when it is broken, notifies every audit administrator.
 */
const VERIFIED_ON_KEY = 'audit.verifiedOn';

/** Today's check, if no one has run it yet: the result, or null when it was already done. */
export async function runDailyVerify(ctx: AppContext): Promise<VerifyResult | null> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return runOncePerDay(ctx, VERIFIED_ON_KEY, today, async () => {
    const result = await verifyChain(ctx);
    if (result.ok) {
      await sealAnchor(ctx);
      return result;
    }
    await notifyRole(ctx, 'audit_admin', 'audit.chainBroken', {
      count: result.broken.length,
      first: result.brokenSeq,
    });
    return result;
  });
}

/** Starts the hourly look (the first a minute after start); returns its stop. */
export function startDailyVerify(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const tick = async () => {
    try {
      const result = await runDailyVerify(ctx);
      if (result && !result.ok) {
        log.error({ broken: result.broken.slice(0, 20), count: result.broken.length }, 'audit chain broken');
      } else if (result) log.info({ checked: result.checked }, 'audit chain verified');
    } catch (error) {
      log.error({ err: error }, 'daily audit check failed');
    }
  };
  return lookEveryHour(tick, 60_000);
}

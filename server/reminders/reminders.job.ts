import type { FastifyBaseLogger } from 'fastify';
import { chinaDate } from '../core/clock.js';
import type { AppContext } from '../core/context.js';
import { lookEveryHour, runOncePerDay } from '../core/run-once.js';
import { type RemindersResult, sendReminders } from './reminders.service.js';

/**
 * The daily reminders (ADR 028). `serve` looks every hour; one instance a day runs them
 * (`runOncePerDay`: a PostgreSQL advisory lock and meta `reminders.sentOn`, ADR 020) — and even
 * a run that gets past that (`npx guazhi jobs run` from cron beside a server) sends nothing
 * twice: every reminder is claimed by its key in `reminders_sent`.
 */
export const SENT_ON_KEY = 'reminders.sentOn';

/** Today's reminders (China date), if no one has sent them yet: the result, or null when done. */
export function runDailyReminders(ctx: AppContext): Promise<RemindersResult | null> {
  return runOncePerDay(ctx, SENT_ON_KEY, chinaDate(ctx.clock.now()), () => sendReminders(ctx));
}

/** Starts the hourly look (the first two minutes after start); returns its stop. */
export function startDailyReminders(ctx: AppContext, log: FastifyBaseLogger): () => void {
  const tick = async () => {
    try {
      const result = await runDailyReminders(ctx);
      if (result) log.info({ day: result.day, sent: result.sent }, 'daily reminders sent');
    } catch (error) {
      log.error({ err: error }, 'daily reminders failed');
    }
  };
  return lookEveryHour(tick, 120_000);
}

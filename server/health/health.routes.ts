import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { AppInstance } from '../core/http.js';

export function registerHealthRoutes(app: AppInstance): void {
  app.get(
    '/api/health',
    {
      config: { action: 'health.read' },
      schema: {
        tags: ['system'],
        summary: '健康检查：数据库可用时返回 ok',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(app.ctx.db);
      } catch (error) {
        throw new AppError('UNAVAILABLE', { cause: error });
      }
      return { status: 'ok' as const };
    },
  );
}

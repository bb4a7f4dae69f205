import { zDashboard, zDashboardQuery } from '../../common/stats/stats.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './stats.service.js';

export function registerStatsRoutes(app: AppInstance): void {
  const tags = ['stats'];
  app.get(
    '/api/stats/dashboard',
    {
      config: { action: 'stats.read' },
      schema: {
        tags,
        summary: '统计分析：挂职状态、在岗地区分布、实事、请假、考核等级、90 天内期满',
        querystring: zDashboardQuery,
        response: { 200: zDashboard },
      },
    },
    async (request) => service.dashboard(app.ctx, actorOf(request), request.query),
  );
}

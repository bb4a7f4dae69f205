import { zHome } from '../../common/home/home.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './home.service.js';

export function registerHomeRoutes(app: AppInstance): void {
  app.get(
    '/api/home',
    {
      config: { action: 'home.read' },
      schema: { tags: ['home'], summary: '我的待办（首页）', response: { 200: zHome } },
    },
    async (request) => service.home(app.ctx, actorOf(request)),
  );
}

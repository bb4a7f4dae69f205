import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zMarkAllRead,
  zNotification,
  zNotificationPage,
  zNotificationQuery,
} from '../../common/notifications/notifications.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './notifications.service.js';

export function registerNotificationRoutes(app: AppInstance): void {
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      config: { action: 'notifications.read' },
      schema: {
        tags,
        summary: '我的通知',
        querystring: zNotificationQuery,
        response: { 200: zNotificationPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { action: 'notifications.markRead' },
      schema: { tags, summary: '标为已读', params: zIdParams, response: { 200: zNotification } },
    },
    async (request) => service.markRead(app.ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { action: 'notifications.markAllRead' },
      schema: { tags, summary: '全部标为已读', response: { 200: zMarkAllRead } },
    },
    async (request) => service.markAllRead(app.ctx, actorOf(request)),
  );
}

import {
  zRegionChildrenQuery,
  zRegionCodeParams,
  zRegionList,
  zRegionWithPath,
} from '../../common/regions/regions.schema.js';
import type { AppInstance } from '../core/http.js';
import * as service from './regions.service.js';

export function registerRegionRoutes(app: AppInstance): void {
  app.get(
    '/api/regions',
    {
      config: { action: 'regions.read' },
      schema: {
        tags: ['regions'],
        summary: '下级行政区划（不传 parentCode 时为省级）',
        querystring: zRegionChildrenQuery,
        response: { 200: zRegionList },
      },
    },
    async (request) => ({ items: await service.children(app.ctx, request.query.parentCode) }),
  );

  app.get(
    '/api/regions/:code',
    {
      config: { action: 'regions.read' },
      schema: {
        tags: ['regions'],
        summary: '行政区划及其上级路径',
        params: zRegionCodeParams,
        response: { 200: zRegionWithPath },
      },
    },
    async (request) => service.withPath(app.ctx, request.params.code),
  );
}

import {
  zCalendarDay,
  zCalendarDayInput,
  zCalendarYear,
  zCalendarYearInput,
  zCalendarYearQuery,
  zWorkingDays,
  zWorkingDaysQuery,
} from '../../common/calendar/calendar.schema.js';
import { zOk } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './calendar.service.js';

export function registerCalendarRoutes(app: AppInstance): void {
  const tags = ['calendar'];
  app.get(
    '/api/calendar/working-days',
    {
      config: { action: 'calendar.read' },
      schema: {
        tags,
        summary: '区间内的工作日数、节假日和调休上班日',
        querystring: zWorkingDaysQuery,
        response: { 200: zWorkingDays },
      },
    },
    async (request) => service.workingDays(app.ctx, request.query),
  );
  app.get(
    '/api/calendar/years',
    {
      config: { action: 'calendar.read' },
      schema: {
        tags,
        summary: '某年的节假日（官方与本地补充）',
        querystring: zCalendarYearQuery,
        response: { 200: zCalendarYear },
      },
    },
    async (request) => service.year(app.ctx, request.query.year),
  );
  app.post(
    '/api/calendar/years',
    {
      config: { action: 'calendar.manage' },
      schema: {
        tags,
        summary: '添加数据包尚未发布的年份',
        body: zCalendarYearInput,
        response: { 200: zCalendarYear },
      },
    },
    async (request) => service.addYear(app.ctx, actorOf(request), request.body),
  );
  app.post(
    '/api/calendar/days',
    {
      config: { action: 'calendar.manage' },
      schema: {
        tags,
        summary: '添加本地节假日或调休上班日',
        body: zCalendarDayInput,
        response: { 200: zCalendarDay },
      },
    },
    async (request) => service.addDayOf(app.ctx, actorOf(request), request.body),
  );
  app.delete(
    '/api/calendar/days/:id',
    {
      config: { action: 'calendar.manage' },
      schema: { tags, summary: '删除本地节假日或调休上班日', params: zIdParams, response: { 200: zOk } },
    },
    async (request) => {
      await service.removeDay(app.ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}

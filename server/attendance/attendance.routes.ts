import {
  zCheckInInput,
  zDayInput,
  zDayParams,
  zMonthQuery,
  zPlace,
  zPlaceInput,
  zPostingMonth,
  zReport,
  zReportQuery,
  zUnitParams,
} from '../../common/attendance/attendance.schema.js';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './attendance.service.js';

export function registerAttendanceRoutes(app: AppInstance): void {
  const tags = ['attendance'];
  app.get(
    '/api/attendance/postings/:id',
    {
      config: { action: 'attendance.read' },
      schema: {
        tags,
        summary: '一个挂职的月度考勤（逐日、汇总与记录）',
        params: zIdParams,
        querystring: zMonthQuery,
        response: { 200: zPostingMonth },
      },
    },
    async (request) => service.monthOf(app.ctx, actorOf(request), request.params.id, request.query.month),
  );
  app.post(
    '/api/attendance/check-in',
    {
      config: { action: 'attendance.checkIn' },
      schema: {
        tags,
        summary: '挂职干部打卡（今日在岗）',
        body: zCheckInInput,
        response: { 200: zPostingMonth },
      },
    },
    async (request) => service.checkIn(app.ctx, actorOf(request), request.body),
  );
  app.put(
    '/api/attendance/postings/:id/days/:date',
    {
      config: { action: 'attendance.record' },
      schema: {
        tags,
        summary: '接收单位登记缺勤或更正某日考勤',
        params: zDayParams,
        body: zDayInput,
        response: { 200: zPostingMonth },
      },
    },
    async (request) =>
      service.recordDay(app.ctx, actorOf(request), request.params.id, request.params.date, request.body),
  );
  app.get(
    '/api/attendance/places/:unitId',
    {
      config: { action: 'attendance.place' },
      schema: { tags, summary: '接收单位的打卡地点', params: zUnitParams, response: { 200: zPlace } },
    },
    async (request) => service.place(app.ctx, actorOf(request), request.params.unitId),
  );
  app.put(
    '/api/attendance/places/:unitId',
    {
      config: { action: 'attendance.place' },
      schema: {
        tags,
        summary: '设置接收单位的打卡地点与范围',
        params: zUnitParams,
        body: zPlaceInput,
        response: { 200: zPlace },
      },
    },
    async (request) => service.savePlace(app.ctx, actorOf(request), request.params.unitId, request.body),
  );
  app.get(
    '/api/attendance/report',
    {
      config: { action: 'attendance.report' },
      schema: {
        tags,
        summary: '月度考勤表（批次或可见范围内的挂职干部）',
        querystring: zReportQuery,
        response: { 200: zReport },
      },
    },
    async (request) => service.report(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/attendance/report/export',
    {
      config: { action: 'attendance.report' },
      schema: { tags, summary: '导出月度考勤表（.xlsx）', querystring: zReportQuery },
    },
    async (request, reply) => {
      const file = await service.exportReport(app.ctx, actorOf(request), request.query);
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          `attachment; filename="attendance.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.content);
    },
  );
}

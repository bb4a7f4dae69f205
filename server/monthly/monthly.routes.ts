import { zLeaveFormQuery } from '../../common/documents/documents.schema.js';
import { zVersionBody } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zMonthlyCreate,
  zMonthlyDetail,
  zMonthlyListQuery,
  zMonthlyPage,
  zMonthlyReview,
  zMonthlyUpdate,
} from '../../common/monthly/monthly.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { sendDocument } from '../documents/documents.routes.js';
import { monthlyReportDocument } from '../documents/documents.service.js';
import * as service from './monthly.service.js';

export function registerMonthlyRoutes(app: AppInstance): void {
  const tags = ['monthly'];
  const one = { params: zIdParams, response: { 200: zMonthlyDetail } };
  app.get(
    '/api/monthly',
    {
      config: { action: 'monthly.read' },
      schema: {
        tags,
        summary: '月度情况报送列表',
        querystring: zMonthlyListQuery,
        response: { 200: zMonthlyPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/monthly/:id',
    { config: { action: 'monthly.read' }, schema: { tags, summary: '月度情况报送详情（含各版本）', ...one } },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/monthly',
    {
      config: { action: 'monthly.write' },
      schema: { tags, summary: '生成某月草稿（挂职干部）', body: zMonthlyCreate, response: one.response },
    },
    async (request) => service.create(app.ctx, actorOf(request), request.body),
  );
  app.put(
    '/api/monthly/:id',
    {
      config: { action: 'monthly.write' },
      schema: { tags, summary: '保存草稿', body: zMonthlyUpdate, ...one },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/monthly/:id/submit',
    {
      config: { action: 'monthly.write' },
      schema: { tags, summary: '提交接收单位审核', body: zVersionBody, ...one },
    },
    async (request) => service.submit(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/monthly/:id/sign',
    {
      config: { action: 'monthly.review' },
      schema: { tags, summary: '签收（接收单位）', body: zMonthlyReview, ...one },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, 'signed', request.body),
  );
  app.post(
    '/api/monthly/:id/return',
    {
      config: { action: 'monthly.review' },
      schema: { tags, summary: '退回（接收单位，须填写意见）', body: zMonthlyReview, ...one },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, 'returned', request.body),
  );
  app.get(
    '/api/monthly/:id/document',
    {
      config: { action: 'monthly.read' },
      schema: {
        tags,
        summary: '月度情况报送公文（format=docx 下载；preview 页数；page&page=N 第 N 页 PNG）',
        params: zIdParams,
        querystring: zLeaveFormQuery,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await monthlyReportDocument(app.ctx, actorOf(request), request.params.id, request.query),
      ),
  );
}

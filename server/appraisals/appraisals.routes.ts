import {
  zAppraisalCreate,
  zAppraisalDetail,
  zAppraisalListQuery,
  zAppraisalPage,
  zAppraisalReview,
  zAppraisalSummary,
  zAppraisalUpdate,
} from '../../common/appraisals/appraisals.schema.js';
import { zLeaveFormQuery } from '../../common/documents/documents.schema.js';
import { zVersionBody } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { sendDocument } from '../documents/documents.routes.js';
import { appraisalDocument } from './appraisals.form.js';
import * as service from './appraisals.service.js';

export function registerAppraisalRoutes(app: AppInstance): void {
  const tags = ['appraisals'];
  const one = { params: zIdParams, response: { 200: zAppraisalDetail } };
  app.get(
    '/api/appraisals',
    {
      config: { action: 'appraisals.read' },
      schema: {
        tags,
        summary: '期满鉴定列表',
        querystring: zAppraisalListQuery,
        response: { 200: zAppraisalPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/appraisals/:id',
    { config: { action: 'appraisals.read' }, schema: { tags, summary: '期满鉴定详情（含各版本）', ...one } },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/appraisals',
    {
      config: { action: 'appraisals.write' },
      schema: {
        tags,
        summary: '起草鉴定（接收单位，由工作纪实与实事生成草稿）',
        body: zAppraisalCreate,
        response: one.response,
      },
    },
    async (request) => service.create(app.ctx, actorOf(request), request.body),
  );
  app.put(
    '/api/appraisals/:id',
    {
      config: { action: 'appraisals.write' },
      schema: { tags, summary: '保存鉴定意见（接收单位）', body: zAppraisalUpdate, ...one },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/appraisals/:id/summary',
    {
      config: { action: 'appraisals.summary' },
      schema: { tags, summary: '保存个人工作总结（挂职干部）', body: zAppraisalSummary, ...one },
    },
    async (request) => service.saveSummary(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/appraisals/:id/submit',
    {
      config: { action: 'appraisals.write' },
      schema: { tags, summary: '提交组织部会签（接收单位）', body: zVersionBody, ...one },
    },
    async (request) => service.submit(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/appraisals/:id/countersign',
    {
      config: { action: 'appraisals.review' },
      schema: { tags, summary: '会签（组织部）', body: zAppraisalReview, ...one },
    },
    async (request) =>
      service.review(app.ctx, actorOf(request), request.params.id, 'countersigned', request.body),
  );
  app.post(
    '/api/appraisals/:id/return',
    {
      config: { action: 'appraisals.review' },
      schema: { tags, summary: '退回（组织部，须填写意见）', body: zAppraisalReview, ...one },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, 'returned', request.body),
  );
  app.get(
    '/api/appraisals/:id/document',
    {
      config: { action: 'appraisals.read' },
      schema: {
        tags,
        summary: '挂职干部鉴定表（format=docx 下载；preview 页数；page&page=N 第 N 页 PNG）',
        params: zIdParams,
        querystring: zLeaveFormQuery,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await appraisalDocument(app.ctx, actorOf(request), request.params.id, request.query),
      ),
  );
}

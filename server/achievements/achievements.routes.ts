import {
  zAchievementDetail,
  zAchievementInput,
  zAchievementListQuery,
  zAchievementPage,
  zAchievementReview,
  zAchievementUpdate,
  zAchievementVersion,
  zTotals,
  zTotalsQuery,
} from '../../common/achievements/achievements.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { registerAttachmentRoutes } from '../files/files.routes.js';
import * as service from './achievements.service.js';

export function registerAchievementRoutes(app: AppInstance): void {
  const tags = ['achievements'];
  app.get(
    '/api/achievements',
    {
      config: { action: 'achievements.read' },
      schema: {
        tags,
        summary: '实事列表（view=todo：待我核实；view=mine：本人申报）',
        querystring: zAchievementListQuery,
        response: { 200: zAchievementPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/achievements/totals',
    {
      config: { action: 'achievements.read' },
      schema: {
        tags,
        summary: '实事合计（按挂职、批次、接收地区或项目；已核实与未核实分列）',
        querystring: zTotalsQuery,
        response: { 200: zTotals },
      },
    },
    async (request) => service.totals(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/achievements/:id',
    {
      config: { action: 'achievements.read' },
      schema: { tags, summary: '实事详情', params: zIdParams, response: { 200: zAchievementDetail } },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/achievements',
    {
      config: { action: 'achievements.create' },
      schema: {
        tags,
        summary: '挂职干部申报实事',
        body: zAchievementInput,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.create(app.ctx, actorOf(request), request.body),
  );
  app.put(
    '/api/achievements/:id',
    {
      config: { action: 'achievements.update' },
      schema: {
        tags,
        summary: '修改实事（核实前）',
        params: zIdParams,
        body: zAchievementUpdate,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/achievements/:id/claim',
    {
      config: { action: 'achievements.claim' },
      schema: {
        tags,
        summary: '重新申报已退回的实事',
        params: zIdParams,
        body: zAchievementVersion,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.claim(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/achievements/:id/withdraw',
    {
      config: { action: 'achievements.withdraw' },
      schema: {
        tags,
        summary: '撤回实事（核实前）',
        params: zIdParams,
        body: zAchievementVersion,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.withdraw(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/achievements/:id/verify',
    {
      config: { action: 'achievements.review' },
      schema: {
        tags,
        summary: '核实实事（接收单位）',
        params: zIdParams,
        body: zAchievementReview,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, 'verified', request.body),
  );
  app.post(
    '/api/achievements/:id/return',
    {
      config: { action: 'achievements.review' },
      schema: {
        tags,
        summary: '退回实事（接收单位，须填写意见）',
        params: zIdParams,
        body: zAchievementReview,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, 'returned', request.body),
  );
  // evidence (佐证材料): the cadre adds and removes while the entry is not yet verified; its readers download
  registerAttachmentRoutes(app, {
    base: '/api/achievements',
    tags,
    read: 'achievements.read',
    write: 'achievements.update',
    response: zAchievementDetail,
    summaries: {
      upload: '上传佐证材料',
      remove: '删除佐证材料',
      download: '下载佐证材料（原文件名，校验 SHA-256）',
    },
    attach: (actor, id, name, content) => service.attach(app.ctx, actor, id, name, content),
    detach: (actor, id, fileId) => service.detach(app.ctx, actor, id, fileId),
    download: (actor, id, fileId) => service.download(app.ctx, actor, id, fileId),
  });
}

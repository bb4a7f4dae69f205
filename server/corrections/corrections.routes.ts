import { zCadreDetail } from '../../common/cadres/cadres.schema.js';
import {
  zCadreAccountLink,
  zCorrection,
  zCorrectionInput,
  zCorrectionListQuery,
  zCorrectionPage,
  zCorrectionReview,
  zOwnNominations,
  zSelfUpdate,
} from '../../common/corrections/corrections.schema.js';
import { zVersionBody } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './corrections.service.js';

export function registerCorrectionRoutes(app: AppInstance): void {
  const tags = ['corrections'];
  app.get(
    '/api/me/cadre',
    {
      config: { action: 'cadres.readSelf' },
      schema: { tags, summary: '我的档案（本人干部信息，脱敏）', response: { 200: zCadreDetail } },
    },
    async (request) => service.getOwn(app.ctx, actorOf(request)),
  );
  app.put(
    '/api/me/cadre',
    {
      config: { action: 'cadres.updateSelf' },
      schema: {
        tags,
        summary: '本人直接修改：手机号码、毕业院校、专业、专业特长（关键信息须申请更正）',
        body: zSelfUpdate,
        response: { 200: zCadreDetail },
      },
    },
    async (request) => service.updateOwn(app.ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/me/nominations',
    {
      config: { action: 'nominations.readSelf' },
      schema: { tags, summary: '我的档案：本人被推荐的批次及状态', response: { 200: zOwnNominations } },
    },
    async (request) => service.ownNominations(app.ctx, actorOf(request)),
  );
  app.get(
    '/api/corrections',
    {
      config: { action: 'corrections.read' },
      schema: {
        tags,
        summary: '信息更正申请列表（本人的，或本单位、本地区干部的）',
        querystring: zCorrectionListQuery,
        response: { 200: zCorrectionPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/corrections/:id',
    {
      config: { action: 'corrections.read' },
      schema: {
        tags,
        summary: '信息更正申请详情（逐项对比）',
        params: zIdParams,
        response: { 200: zCorrection },
      },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/corrections',
    {
      config: { action: 'corrections.create' },
      schema: {
        tags,
        summary: '申请更正关键信息（由派出单位联络员审核）',
        body: zCorrectionInput,
        response: { 201: zCorrection },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.propose(app.ctx, actorOf(request), request.body)),
  );
  app.post(
    '/api/corrections/:id/withdraw',
    {
      config: { action: 'corrections.withdraw' },
      schema: {
        tags,
        summary: '撤回待审核的更正申请',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zCorrection },
      },
    },
    async (request) => service.withdraw(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/corrections/:id/review',
    {
      config: { action: 'corrections.review' },
      schema: {
        tags,
        summary: '审核更正申请：同意（按干部信息规则写入档案）或驳回（须填意见）',
        params: zIdParams,
        body: zCorrectionReview,
        response: { 200: zCorrection },
      },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/cadres/:id/account',
    {
      config: { action: 'cadres.linkAccount' },
      schema: {
        tags,
        summary: '关联干部本人账号（按用户名；null 解除关联）',
        params: zIdParams,
        body: zCadreAccountLink,
        response: { 200: zCadreDetail },
      },
    },
    async (request) => service.linkAccount(app.ctx, actorOf(request), request.params.id, request.body),
  );
}
